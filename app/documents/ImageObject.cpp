#include "documents/ImageObject.h"

#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>
#include <QTextFormat>
#include <QUrl>

#include "input/InputFile.h"
#include "input/PathChecks.h"

namespace onewindow::documents {

namespace {

const QString kQrName = QStringLiteral("onewindow:qr");

QImage resourceImage(QTextDocument* doc, const QString& name)
{
    const QVariant v = doc->resource(QTextDocument::ImageResource, QUrl(name));
    if (v.canConvert<QImage>())
        return v.value<QImage>();
    return {};
}

} // namespace

ImageObject::ImageObject(QImage qrModules, QObject* parent)
    : QObject(parent), m_qr(std::move(qrModules))
{}

QSizeF ImageObject::intrinsicSize(QTextDocument* doc, int, const QTextFormat& format)
{
    const QTextImageFormat f = format.toImageFormat();
    QSizeF size(f.width(), f.height());
    if (size.width() > 0 && size.height() > 0)
        return size;
    const QImage image = f.name() == kQrName ? m_qr : resourceImage(doc, f.name());
    if (image.isNull())
        return QSizeF(std::max<qreal>(size.width(), 0), std::max<qreal>(size.height(), 0));
    if (size.width() > 0)
        return QSizeF(size.width(), size.width() * image.height() / image.width());
    if (size.height() > 0)
        return QSizeF(size.height() * image.width() / image.height(), size.height());
    return image.size();
}

void ImageObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int,
                             const QTextFormat& format)
{
    const QString name = format.toImageFormat().name();
    if (name != kQrName) {
        const QImage image = resourceImage(doc, name);
        if (!image.isNull())
            painter->drawImage(rect, image);
        return;
    }
    if (m_qr.isNull())
        return;
    const qreal module = std::min(rect.width() / m_qr.width(), rect.height() / m_qr.height());
    QPainterPath dark;
    for (int y = 0; y < m_qr.height(); ++y)
        for (int x = 0; x < m_qr.width(); ++x)
            if (m_qr.pixelIndex(x, y) == 1)
                dark.addRect(
                    QRectF(rect.left() + x * module, rect.top() + y * module, module, module));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillPath(dark.simplified(), Qt::black);
    painter->restore();
}

QVariant ConfinedTextDocument::loadResource(int type, const QUrl& name)
{
    if (name.scheme() == QStringLiteral("qrc") || name.toString().startsWith(QLatin1Char(':')))
        return QTextDocument::loadResource(type, name);
    if (m_configDir.isEmpty() || type != QTextDocument::ImageResource ||
        (!name.scheme().isEmpty() && !name.isLocalFile()))
        return {};
    const QString path = name.isLocalFile() ? name.toLocalFile() : name.path();
    const std::optional<QString> inside = input::insideFolder(path, m_configDir);
    if (!inside)
        return {};
    auto bytes = input::readInputFile(*inside, core::InputKind::Image);
    if (!bytes)
        return {};
    QImage image;
    if (!image.loadFromData(*bytes))
        return {};
    return image;
}

} // namespace onewindow::documents
