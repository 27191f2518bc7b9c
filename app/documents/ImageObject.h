#pragma once

#include <QImage>
#include <QObject>
#include <QTextObjectInterface>

namespace onewindow::documents {

// Draws a document's images. The QR code (<img src="onewindow:qr">) is drawn as vector squares,
// one per dark module: lossless and sharp on any printer (Qt's PDF engine would store an image as
// JPEG). Any other image of a hall's template is drawn from the document's resources.
class ImageObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    // `qrModules`: one pixel per module, quiet zone included (qrImage(payload, 1)).
    ImageObject(QImage qrModules, QObject* parent);

    QSizeF intrinsicSize(QTextDocument* doc, int position, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int position,
                    const QTextFormat& format) override;

private:
    QImage m_qr;
};

} // namespace onewindow::documents
