#include "documents/Document.h"

#include "input/InputFile.h"

#include "documents/DocumentFields.h"
#include "documents/ImageObject.h"
#include "documents/KeepTogether.h"
#include "documents/PageFit.h"
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

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>

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
constexpr qreal kFooterPt = 9;
constexpr qreal kQrGapMm = 1; // between the seal's edge and the QR code's own quiet zone

qreal px(qreal mm)
{
    return mm * kLayoutDpi / 25.4;
}

QString readResource(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
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

// The names that never break across lines: the hall, the item's offices, the bodies named for
// remedies, and every field that names an office or a body.
QStringList unbreakableNames(const DocumentRequest& request, const DocumentFields& fields)
{
    QStringList names{request.hall.name, request.hall.reviewBody, request.hall.court};
    if (request.context.item)
        names << request.context.item->office << request.context.item->department;
    static const QStringList suffixes{QStringLiteral("office"), QStringLiteral("department"),
                                      QStringLiteral("issuer"), QStringLiteral("body"),
                                      QStringLiteral("court"),  QStringLiteral("hall_name")};
    for (auto it = fields.text.begin(); it != fields.text.end(); ++it)
        for (const QString& suffix : suffixes)
            if (it.key().endsWith(suffix) && it.value().size() <= 40)
                names.append(it.value());
    return names;
}

// The seal image at `path` (empty: none, the dashed circle is painted); what cannot be read is a
// warning and the letter only marks where the seal goes.
void loadSeal(const QString& path, QImage& seal, QList<core::Error>& warnings)
{
    if (path.isEmpty())
        return;
    auto bytes = input::readInputFile(path, core::InputKind::Image);
    if (!bytes)
        warnings.append(bytes.error());
    else if (!seal.loadFromData(*bytes))
        warnings.append(
            core::Error{QStringLiteral("hall.seal_unreadable"),
                        QStringLiteral("印章图片 %1 无法读取，文书只标出印章位置").arg(path)});
}

void warnOfFont(QList<core::Error>& warnings);

} // namespace

QString documentFontFamily()
{
    return QStringLiteral("WenQuanYi Micro Hei");
}

bool documentFontInstalled()
{
    // The font database names a family in the system's language when the font has a name in it:
    // in a zh_CN locale WenQuanYi Micro Hei is listed as 文泉驿微米黑 (文泉驛微米黑 in zh_TW).
    static const QStringList names{documentFontFamily(), QStringLiteral("文泉驿微米黑"),
                                   QStringLiteral("文泉驛微米黑")};
    const QStringList families = QFontDatabase::families();
    return std::any_of(names.begin(), names.end(),
                       [&](const QString& n) { return families.contains(n, Qt::CaseInsensitive); });
}

namespace {

void warnOfFont(QList<core::Error>& warnings)
{
    if (!documentFontInstalled())
        warnings.append(core::Error{
            QStringLiteral("document.font"),
            QStringLiteral("未安装文泉驿微米黑字体（fonts-wqy-microhei），PDF 中的文字可能无法"
                           "复制和检索")});
}

} // namespace

std::unique_ptr<QTextDocument> Document::textDocument() const
{
    return layoutDocument(1, 1);
}

std::unique_ptr<QTextDocument> Document::layoutDocument(qreal spacing, qreal zoom) const
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
    // Zoomed out, the text is laid out wider and painted smaller.
    doc->setTextWidth(px(g.width - g.left - g.right) / zoom);
    pagefit::tightenSpacing(*doc, spacing);
    if (m_format == PageFormat::A4) {
        pagefit::placeIssuer(*doc);
        pagefit::clearQrCode(*doc, px(g.sealMm) / zoom, px(kQrGapMm) / zoom);
    }
    return doc;
}

Document::Fitted Document::fitted() const
{
    const Geometry g = geometryOf(m_format);
    const qreal bodyW = px(g.width - g.left - g.right);
    if (m_format != PageFormat::A4) { // the roll: one page as long as the text
        Fitted f{layoutDocument(1, 1), 1, 0};
        f.pageHeightMm = std::ceil(g.top + g.bottom + f.doc->size().height() * 25.4 / kLayoutDpi);
        f.doc->setPageSize(QSizeF(bodyW, px(f.pageHeightMm - g.top - g.bottom)));
        return f;
    }
    const qreal bodyH = px(g.height - g.top - g.bottom);
    // One page in every normal case: the spacing tightens first, then the whole letter is set a
    // little smaller (down to 80 %: 16 pt body text to 12.8 pt); past that a long letter flows on.
    struct Step
    {
        qreal spacing, zoom;
    };
    static constexpr Step kSteps[] = {{1, 1},      {0.75, 1},  {0.5, 1},    {0.3, 1},
                                      {0.3, 0.95}, {0.3, 0.9}, {0.3, 0.85}, {0.3, 0.8}};
    for (const Step& step : kSteps) {
        Fitted f{layoutDocument(step.spacing, step.zoom), step.zoom, g.height};
        f.doc->setPageSize(QSizeF(bodyW / step.zoom, bodyH / step.zoom));
        if (f.doc->pageCount() == 1 || &step == &kSteps[std::size(kSteps) - 1]) {
            pagefit::keepTailTogether(*f.doc);
            return f;
        }
    }
    return {};
}

core::Status Document::paint(QPagedPaintDevice& device) const
{
    const Geometry g = geometryOf(m_format);
    const Fitted fit = fitted();
    QTextDocument& doc = *fit.doc;
    const qreal bodyW = doc.pageSize().width();
    const qreal bodyH = doc.pageSize().height();
    const qreal pageHeightMm = fit.pageHeightMm;

    const QPageSize size = m_format == PageFormat::A4
                               ? QPageSize(QPageSize::A4)
                               : QPageSize(QSizeF(g.width, pageHeightMm), QPageSize::Millimeter,
                                           QStringLiteral("80 mm"), QPageSize::ExactMatch);
    device.setPageLayout(QPageLayout(size, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));

    const int pages = doc.pageCount();
    const std::optional<QRectF> issuer = pagefit::issuerRect(doc);
    QPainter painter;
    if (!painter.begin(&device))
        return core::Error{QStringLiteral("document.paint"),
                           QStringLiteral("无法开始绘制%1（打印机或文件不可用）").arg(m_title)};
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal scale = device.logicalDpiY() / kLayoutDpi;
    painter.scale(scale, scale);
    // The painter counts in layout pixels (1/96 inch): a point size would be scaled twice.
    QFont footer(documentFontFamily());
    footer.setPixelSize(qRound(kFooterPt * kLayoutDpi / 72));
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            device.newPage();
        painter.save();
        painter.translate(px(g.left), px(g.top));
        painter.scale(fit.zoom, fit.zoom);
        painter.translate(0, -page * bodyH);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, page * bodyH, bodyW, bodyH);
        painter.setClipRect(context.clip);
        doc.documentLayout()->draw(&painter, context);
        painter.setClipping(false);
        if (issuer && m_format == PageFormat::A4) {
            const QPointF centre = pagefit::sealCentre(*issuer);
            if (static_cast<int>(centre.y() / bodyH) == page)
                paintSeal(painter, centre, px(g.sealMm) / fit.zoom, m_seal);
        }
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
    d.m_html = keepTogether(fillTemplate(t.html, fields->text, fields->raw),
                            unbreakableNames(request, *fields));
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
    if (request.format == PageFormat::A4)
        loadSeal(fields->sealImage, d.m_seal, d.m_warnings);
    warnOfFont(d.m_warnings);
    return d;
}

core::Result<Document> composedDocument(const ComposedLetter& letter)
{
    Document d;
    d.m_kind = letter.kind;
    d.m_format = PageFormat::A4;
    d.m_title = letter.title;
    d.m_number = letter.number;
    d.m_reprint = letter.reprint;
    d.m_templateOrigin = QStringLiteral("built-in");
    d.m_html = keepTogether(letter.html, letter.names);
    d.m_configDir = letter.configDir;
    d.m_styleSheet = readResource(QStringLiteral(":/resources/documents/a4/style.css"));
    if (d.m_styleSheet.isEmpty())
        return core::Error{QStringLiteral("document.no_template"),
                           QStringLiteral("缺少内置样式 a4/style.css")};
    d.m_styleSheet += letter.extraStyle;
    loadSeal(letter.sealImage, d.m_seal, d.m_warnings);
    warnOfFont(d.m_warnings);
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
