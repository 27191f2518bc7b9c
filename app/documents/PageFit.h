#pragma once

#include <QPointF>
#include <QRectF>
#include <QTextBlock>

#include <optional>

class QTextDocument;

// How a letter is set on its page (Document.cpp paints it): the spacing tightened to keep a letter
// on one page, the issuer and date placed as GB/T 9704-2012 places them, the seal kept off the QR
// code, the signature block kept with the last lines when a letter does flow on.
namespace onewindow::documents::pagefit {

// Scales every block's margins and extra line height, and every table's padding and margins, by
// `factor` (1: as the style sheet says; 0.3: tight). Lays the document out again.
void tightenSpacing(QTextDocument& doc, qreal factor);

// The block holding the issuer's name marked <a name="seal"> and the date after it; invalid when
// the template has none.
QTextBlock issuerBlock(const QTextDocument& doc);

// GB/T 9704-2012 7.3.5.1: the date stands four characters from the right margin (右空四字) and the
// issuer's name is centred over it; a name longer than the date stands two characters from the
// right with the date centred under it.
void placeIssuer(QTextDocument& doc);

// The issuer's name and the date together, in document coordinates.
std::optional<QRectF> issuerRect(const QTextDocument& doc);

// The QR code (the image onewindow:qr, its quiet zone included), in document coordinates.
std::optional<QRectF> qrRect(const QTextDocument& doc);

// The seal's centre: over name and date together, which sit a little below its middle
// (GB/T 9704-2012 7.3.5.1: 居印章中心偏下位置).
QPointF sealCentre(const QRectF& issuer);

// Whether a seal of `diameter` at `centre` touches `rect`.
bool sealTouches(const QPointF& centre, qreal diameter, const QRectF& rect);

// Moves the issuer block down until a seal of `diameter` over it stays `gap` clear of the QR
// code. Returns how far it moved it.
qreal clearQrCode(QTextDocument& doc, qreal diameter, qreal gap);

// With the page size set: when the blocks from the last paragraph before the QR code and the
// issuer to the end (the signature line, the reprint remark) would fall on two pages, starts
// them on a new page together. Returns whether it moved them.
bool keepTailTogether(QTextDocument& doc);

} // namespace onewindow::documents::pagefit
