#include "documents/Document.h"

#include "input/InputFile.h"

#include "documents/DocumentFields.h"
#include "documents/ImageObject.h"
#include "documents/QrCode.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QUrl>

#include <cmath>

namespace onewindow::documents {

namespace {

// Page geometry in millimetres.
struct Geometry
{
    qreal width;
    qreal height; // 0: as long as the text (the 80 mm roll)
    qreal left, top, right, bottom;
    qreal fontPt;
    qreal sealMm;
};

Geometry geometryOf(PageFormat format)
{
    if (format == PageFormat::Receipt80mm)
        return Geometry{80, 0, 4, 4, 4, 8, 9, 0};
    return Geometry{210, 297, 25, 20, 25, 20, 12, 40};
}

// Documents are laid out in CSS pixels (1/96 inch) whatever the device, as Qt's own printing does:
// Qt reads the templates' lengths (margins, indents) in pixels of the layout, so a layout at the
// printer's resolution would shrink them. The painter scales the page to the device.
constexpr qreal kLayoutDpi = 96;

qreal px(qreal mm)
{
    return mm * kLayoutDpi / 25.4;
}

QString readResource(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Where the seal goes: the centre of the text marked <a name="seal">, at the foot of its line
// (over the issuer's name and the date below it), in document coordinates.
QList<QPointF> sealCentres(QTextDocument& doc)
{
    QList<QPointF> out;
    for (QTextFrame::iterator it = doc.rootFrame()->begin(); !it.atEnd(); ++it) {
        const QTextBlock block = it.currentBlock();
        if (!block.isValid())
            continue;
        for (QTextBlock::iterator f = block.begin(); !f.atEnd(); ++f) {
            if (!f.fragment().charFormat().anchorNames().contains(QStringLiteral("seal")))
                continue;
            // Qt marks only the anchor's first character with its name: the seal centres on
            // the rest of that line (the issuer's name, which the date follows on a new line).
            const int from = f.fragment().position() - block.position();
            QTextLayout* layout = block.layout();
            const QTextLine line = layout->lineForTextPosition(from);
            if (!line.isValid())
                continue;
            const QString text = block.text();
            int to = line.textStart() + line.textLength();
            while (to > from + 1 && text.at(to - 1).isSpace())
                --to;
            // Blocks of the root frame are laid out in document coordinates.
            const qreal x = (line.cursorToX(from) + line.cursorToX(to)) / 2;
            out.append(layout->position() + QPointF(x, line.y() + line.height()));
        }
    }
    return out;
}

void paintSeal(QPainter& painter, const QPointF& centre, qreal diameter, const QImage& seal)
{
    const QRectF box(centre.x() - diameter / 2, centre.y() - diameter / 2, diameter, diameter);
    painter.save();
    if (!seal.isNull()) {
        QSizeF size = seal.size();
        size.scale(box.size(), Qt::KeepAspectRatio);
        painter.setOpacity(0.85);
        painter.drawImage(QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2,
                                 size.width(), size.height()),
                          seal);
    } else {
        // Where the office's seal is stamped by hand: a faint dashed circle, no fake seal.
        QPen pen(QColor(200, 40, 40, 150), diameter / 160, Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(box);
    }
    painter.restore();
}

} // namespace

QString documentFontFamily()
{
    return QStringLiteral("WenQuanYi Micro Hei");
}

bool documentFontInstalled()
{
    return QFontDatabase::families().contains(documentFontFamily());
}

std::unique_ptr<QTextDocument> Document::textDocument() const
{
    const Geometry g = geometryOf(m_format);
    std::unique_ptr<QTextDocument> doc = std::make_unique<ConfinedTextDocument>(m_configDir);
    doc->setUndoRedoEnabled(false);
    doc->setUseDesignMetrics(true); // the same line breaks on screen, in PDF and on paper
    QFont font(documentFontFamily());
    font.setPointSizeF(g.fontPt);
    font.setHintingPreference(QFont::PreferNoHinting);
    doc->setDefaultFont(font);
    doc->setDefaultStyleSheet(m_styleSheet);
    doc->setDocumentMargin(0);
    doc->documentLayout()->registerHandler(QTextFormat::ImageObject,
                                           new ImageObject(m_qr, doc.get()));
    doc->setHtml(m_html);
    doc->setTextWidth(px(g.width - g.left - g.right));
    return doc;
}

core::Status Document::paint(QPagedPaintDevice& device) const
{
    const Geometry g = geometryOf(m_format);
    std::unique_ptr<QTextDocument> doc = textDocument();
    const qreal bodyW = px(g.width - g.left - g.right);
    qreal pageHeightMm = g.height;
    if (pageHeightMm == 0) // the roll: one page as long as the text
        pageHeightMm = std::ceil(g.top + g.bottom + doc->size().height() * 25.4 / kLayoutDpi);
    const qreal bodyH = px(pageHeightMm - g.top - g.bottom);
    doc->setPageSize(QSizeF(bodyW, bodyH));

    const QPageSize size = m_format == PageFormat::A4
                               ? QPageSize(QPageSize::A4)
                               : QPageSize(QSizeF(g.width, pageHeightMm), QPageSize::Millimeter,
                                           QStringLiteral("80 mm"), QPageSize::ExactMatch);
    device.setPageLayout(QPageLayout(size, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));

    const int pages = doc->pageCount();
    const QList<QPointF> seals = sealCentres(*doc);
    QPainter painter;
    if (!painter.begin(&device))
        return core::Error{QStringLiteral("document.paint"),
                           QStringLiteral("无法开始绘制%1（打印机或文件不可用）").arg(m_title)};
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal scale = device.logicalDpiY() / kLayoutDpi;
    painter.scale(scale, scale);
    QFont footer(documentFontFamily());
    footer.setPointSizeF(9);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            device.newPage();
        painter.save();
        painter.translate(px(g.left), px(g.top) - page * bodyH);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, page * bodyH, bodyW, bodyH);
        painter.setClipRect(context.clip);
        doc->documentLayout()->draw(&painter, context);
        painter.setClipping(false);
        for (const QPointF& centre : seals)
            if (static_cast<int>(centre.y() / bodyH) == page)
                paintSeal(painter, centre, px(g.sealMm), m_seal);
        painter.restore();
        if (pages > 1) {
            painter.setFont(footer);
            painter.setPen(Qt::black);
            painter.drawText(QRectF(0, px(pageHeightMm - g.bottom * 0.6), px(g.width), px(6)),
                             Qt::AlignHCenter | Qt::AlignTop,
                             QStringLiteral("第 %1 页 共 %2 页").arg(page + 1).arg(pages));
        }
    }
    if (!painter.end())
        return core::Error{QStringLiteral("document.paint"),
                           QStringLiteral("%1未能完成输出").arg(m_title)};
    return {};
}

core::Result<Document> buildDocument(const DocumentRequest& request)
{
    auto fields = documentFields(request);
    if (!fields)
        return fields.error();
    Document d;
    d.m_kind = request.kind;
    d.m_format = request.format;
    d.m_title = fields->title;
    d.m_number = request.number;
    d.m_reprint = request.reprint;
    d.m_warnings = fields->warnings;
    const Template t = chooseTemplate(request.kind, request.format, request.hall.templates,
                                      fields->keys(), d.m_warnings);
    if (t.html.isEmpty())
        return core::Error{QStringLiteral("document.no_template"),
                           QStringLiteral("缺少内置模板 %1").arg(t.origin)};
    d.m_templateOrigin = t.origin;
    d.m_html = fillTemplate(t.html, fields->text, fields->raw);
    d.m_configDir = request.hall.configDir;
    d.m_styleSheet = readResource(
        QStringLiteral(":/resources/documents/%1/style.css").arg(pageFormatKey(request.format)));
    d.m_qrPayload = fields->qrPayload;
    if (!d.m_qrPayload.isEmpty()) {
        auto qr = qrImage(d.m_qrPayload, 1);
        if (!qr)
            return qr.error();
        d.m_qr = *qr;
    }
    if (!request.hall.sealImage.isEmpty() && request.format == PageFormat::A4) {
        auto bytes = input::readInputFile(request.hall.sealImage, core::InputKind::Image);
        if (!bytes)
            d.m_warnings.append(bytes.error());
        else if (!d.m_seal.loadFromData(*bytes))
            d.m_warnings.append(
                core::Error{QStringLiteral("hall.seal_unreadable"),
                            QStringLiteral("印章图片 %1 无法读取，文书只标出印章位置")
                                .arg(request.hall.sealImage)});
    }
    if (!documentFontInstalled())
        d.m_warnings.append(core::Error{
            QStringLiteral("document.font"),
            QStringLiteral("未安装文泉驿微米黑字体（fonts-wqy-microhei），PDF 中的文字可能无法"
                           "复制和检索")});
    return d;
}

core::Status writePdf(const Document& document, const QString& path)
{
    QPdfWriter writer(path);
    writer.setResolution(600);
    writer.setCreator(QStringLiteral("OneWindow 一窗通办受理工作站"));
    writer.setTitle(document.number().isEmpty()
                        ? document.title()
                        : QStringLiteral("%1 %2").arg(document.title(), document.number()));
    if (core::Status s = document.paint(writer); !s)
        return core::Error{QStringLiteral("document.pdf"),
                           QStringLiteral("无法写入 PDF 文件 %1：%2").arg(path, s.error().message)};
    if (QFileInfo(path).size() == 0)
        return core::Error{QStringLiteral("document.pdf"),
                           QStringLiteral("无法写入 PDF 文件 %1").arg(path)};
    return {};
}

core::Status printDocument(const Document& document, QPrinter& printer, int copies)
{
    printer.setFullPage(true);
    printer.setCopyCount(std::max(1, copies));
    printer.setDocName(document.number().isEmpty()
                           ? document.title()
                           : QStringLiteral("%1 %2").arg(document.title(), document.number()));
    if (core::Status s = document.paint(printer); !s)
        return s;
    if (printer.printerState() == QPrinter::Error || printer.printerState() == QPrinter::Aborted)
        return core::Error{
            QStringLiteral("document.print"),
            QStringLiteral("打印机 %1 未接受%2").arg(printer.printerName(), document.title())};
    return {};
}

} // namespace onewindow::documents
