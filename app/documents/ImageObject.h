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

#include <QTextDocument>

namespace onewindow::documents {

// A document whose HTML may load only the program's own resources (qrc) and, when a hall's
// configuration folder is given, regular image files inside it (symlinks resolved, within the
// image size of core/InputFiles.h). A template naming /etc/passwd, ../../x.png or a device gets
// nothing: every resource Qt asks for (<img>, background-image, style sheets) passes here.
class ConfinedTextDocument : public QTextDocument
{
public:
    explicit ConfinedTextDocument(QString configDir) : m_configDir(std::move(configDir)) {}

protected:
    QVariant loadResource(int type, const QUrl& name) override;

private:
    QString m_configDir;
};

} // namespace onewindow::documents
