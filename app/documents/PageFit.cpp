#include "documents/PageFit.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QList>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

#include <algorithm>
#include <cmath>

namespace onewindow::documents::pagefit {

namespace {

const QString kQrName = QStringLiteral("onewindow:qr");

// Where a block's layout (the origin of its lines) is, in document coordinates: QTextDocumentLayout
// moves the block's bounding rectangle to its layout's position plus its frames' offsets.
QPointF layoutOrigin(const QTextDocument& doc, const QTextBlock& block)
{
    return doc.documentLayout()->blockBoundingRect(block).topLeft();
}

int sealAnchor(const QTextBlock& block)
{
    for (QTextBlock::iterator f = block.begin(); !f.atEnd(); ++f)
        if (f.fragment().charFormat().anchorNames().contains(QStringLiteral("seal")))
            return f.fragment().position() - block.position();
    return -1;
}

// The width of one Chinese character (字) in the block, in layout pixels.
qreal characterWidth(const QTextBlock& block, const QTextLine& line)
{
    const QString text = block.text();
    for (int i = line.textStart(); i < line.textStart() + line.textLength(); ++i)
        if (text.at(i).script() == QChar::Script_Han)
            return line.cursorToX(i + 1) - line.cursorToX(i);
    return QFontMetricsF(block.charFormat().font()).height();
}

void relayout(QTextDocument& doc)
{
    doc.documentLayout()->documentSize(); // lays out what changed
    (void)doc.size();
}

} // namespace

void tightenSpacing(QTextDocument& doc, qreal factor)
{
    if (factor >= 1)
        return;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        QTextBlockFormat f = b.blockFormat();
        f.setTopMargin(f.topMargin() * factor);
        f.setBottomMargin(f.bottomMargin() * factor);
        if (f.lineHeightType() == QTextBlockFormat::ProportionalHeight && f.lineHeight() > 100)
            f.setLineHeight(100 + (f.lineHeight() - 100) * factor,
                            QTextBlockFormat::ProportionalHeight);
        QTextCursor(b).setBlockFormat(f);
    }
    const QList<QTextFrame*> frames = doc.rootFrame()->childFrames();
    for (QTextFrame* frame : frames) {
        QTextFrameFormat f = frame->frameFormat();
        f.setTopMargin(f.topMargin() * factor);
        f.setBottomMargin(f.bottomMargin() * factor);
        if (auto* table = qobject_cast<QTextTable*>(frame)) {
            QTextTableFormat t = f.toTableFormat();
            t.setCellPadding(std::max<qreal>(1.5, t.cellPadding() * factor));
            table->setFormat(t);
        } else {
            frame->setFrameFormat(f);
        }
    }
    relayout(doc);
}

QTextBlock issuerBlock(const QTextDocument& doc)
{
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        if (sealAnchor(b) >= 0)
            return b;
    return {};
}

void placeIssuer(QTextDocument& doc)
{
    relayout(doc);
    const QTextBlock block = issuerBlock(doc);
    if (!block.isValid() || !block.layout())
        return;
    const QTextLayout* layout = block.layout();
    const QTextLine nameLine = layout->lineForTextPosition(sealAnchor(block));
    if (!nameLine.isValid())
        return;
    qreal nameWidth = nameLine.naturalTextWidth();
    qreal dateWidth = 0;
    for (int i = nameLine.lineNumber() + 1; i < layout->lineCount(); ++i)
        dateWidth = std::max(dateWidth, layout->lineAt(i).naturalTextWidth());
    const qreal em = characterWidth(block, nameLine);
    const qreal textWidth = doc.textWidth();
    // The box of name and date, centred on the date that ends four characters from the right;
    // a name too long for that is moved left only as far as it must to stay on the line.
    const qreal box = std::max(nameWidth, dateWidth) + 2; // 2: rounding, never a wrap
    const qreal dateCentre = textWidth - 4 * em - dateWidth / 2;
    const qreal right = std::clamp(textWidth - (dateCentre + box / 2), 0.0, textWidth - box);
    QTextBlockFormat f = block.blockFormat();
    f.setAlignment(Qt::AlignHCenter);
    f.setRightMargin(std::max<qreal>(0, right));
    f.setLeftMargin(std::max<qreal>(0, textWidth - f.rightMargin() - box));
    QTextCursor(block).setBlockFormat(f);
    relayout(doc);
}

std::optional<QRectF> issuerRect(const QTextDocument& doc)
{
    const QTextBlock block = issuerBlock(doc);
    if (!block.isValid() || !block.layout())
        return std::nullopt;
    const QTextLayout* layout = block.layout();
    const QTextLine nameLine = layout->lineForTextPosition(sealAnchor(block));
    if (!nameLine.isValid())
        return std::nullopt;
    QRectF rect;
    for (int i = nameLine.lineNumber(); i < layout->lineCount(); ++i) {
        const QTextLine line = layout->lineAt(i);
        const QRectF r = line.naturalTextRect();
        // The height of the line's ink, not its leading.
        const QRectF ink(r.left(), line.y(), r.width(), line.ascent() + line.descent());
        rect = rect.isNull() ? ink : rect.united(ink);
    }
    return rect.translated(layoutOrigin(doc, block));
}

std::optional<QRectF> qrRect(const QTextDocument& doc)
{
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (QTextBlock::iterator f = b.begin(); !f.atEnd(); ++f) {
            const QTextCharFormat cf = f.fragment().charFormat();
            if (!cf.isImageFormat() || cf.toImageFormat().name() != kQrName)
                continue;
            const QTextImageFormat image = cf.toImageFormat();
            const int at = f.fragment().position() - b.position();
            const QTextLine line = b.layout()->lineForTextPosition(at);
            if (!line.isValid())
                continue;
            const qreal top = std::max(line.y(), line.y() + line.ascent() - image.height());
            return QRectF(line.cursorToX(at), top, image.width(), image.height())
                .translated(layoutOrigin(doc, b));
        }
    }
    return std::nullopt;
}

QPointF sealCentre(const QRectF& issuer)
{
    return QPointF(issuer.center().x(), issuer.center().y() - issuer.height() * 0.15);
}

bool sealTouches(const QPointF& centre, qreal diameter, const QRectF& rect)
{
    const qreal x = std::clamp(centre.x(), rect.left(), rect.right());
    const qreal y = std::clamp(centre.y(), rect.top(), rect.bottom());
    return std::hypot(centre.x() - x, centre.y() - y) < diameter / 2;
}

qreal clearQrCode(QTextDocument& doc, qreal diameter, qreal gap)
{
    const std::optional<QRectF> qr = qrRect(doc);
    const std::optional<QRectF> issuer = issuerRect(doc);
    if (!qr || !issuer)
        return 0;
    const QRectF keepOut = qr->adjusted(-gap, -gap, gap, gap);
    const QPointF centre = sealCentre(*issuer);
    if (centre.y() < keepOut.top()) // the seal above the code (a template's choice): left alone
        return 0;
    qreal down = 0;
    while (sealTouches(centre + QPointF(0, down), diameter, keepOut))
        down += 1;
    if (down == 0)
        return 0;
    const QTextBlock block = issuerBlock(doc);
    QTextBlockFormat f = block.blockFormat();
    f.setTopMargin(f.topMargin() + down);
    QTextCursor(block).setBlockFormat(f);
    relayout(doc);
    return down;
}

bool keepTailTogether(QTextDocument& doc)
{
    const qreal pageHeight = doc.pageSize().height();
    if (pageHeight <= 0 || doc.pageCount() < 2)
        return false;
    const QTextBlock issuer = issuerBlock(doc);
    if (!issuer.isValid())
        return false;
    // The root frame's items in order: a block, or a frame (a table) as its first block.
    struct Item
    {
        QTextBlock block;
        QTextFrame* frame = nullptr;
        qreal top = 0;
    };
    QList<Item> items;
    int issuerAt = -1;
    for (QTextFrame::iterator it = doc.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (QTextFrame* frame = it.currentFrame()) {
            items.append({{}, frame, doc.documentLayout()->frameBoundingRect(frame).top()});
        } else if (it.currentBlock().isValid()) {
            const QTextBlock b = it.currentBlock();
            if (b == issuer)
                issuerAt = static_cast<int>(items.size());
            items.append({b, nullptr, doc.documentLayout()->blockBoundingRect(b).top()});
        }
    }
    if (issuerAt < 0)
        return false;
    // Back from the issuer over empty blocks and the QR code to the last lines of text.
    int start = issuerAt;
    while (start > 0) {
        const Item& prev = items[start - 1];
        if (prev.frame) {
            bool qr = false;
            for (QTextFrame::iterator it = prev.frame->begin(); !it.atEnd() && !qr; ++it)
                for (QTextBlock::iterator f = it.currentBlock().begin(); !f.atEnd(); ++f)
                    if (f.fragment().charFormat().isImageFormat() &&
                        f.fragment().charFormat().toImageFormat().name() == kQrName)
                        qr = true;
            if (!qr) // a table of facts or materials: it may flow; the tail starts after it
                break;
            --start;
            continue;
        }
        --start;
        if (!prev.block.text().trimmed().isEmpty())
            break; // the last paragraph of the text goes with the signature
    }
    const int startPage = static_cast<int>(items[start].top / pageHeight);
    const int lastPage = doc.pageCount() - 1;
    if (startPage >= lastPage || start == 0)
        return false;
    if (items[start].frame) {
        QTextFrameFormat f = items[start].frame->frameFormat();
        f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        items[start].frame->setFrameFormat(f);
    } else {
        QTextBlockFormat f = items[start].block.blockFormat();
        f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(items[start].block).setBlockFormat(f);
    }
    relayout(doc);
    return true;
}

} // namespace onewindow::documents::pagefit
