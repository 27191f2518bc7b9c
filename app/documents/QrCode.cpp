#include "documents/QrCode.h"

#include "documents/HallProfile.h"

#include <QUrl>

#include <qrencode.h>

#include <memory>

namespace onewindow::documents {

QByteArray qrPayload(const QString& queryUrlPattern, const QString& caseNumber,
                     const QString& queryCode)
{
    if (queryUrlPattern.isEmpty())
        return QStringLiteral("OW:%1:%2").arg(caseNumber, queryCode).toLatin1();
    QString url = queryUrlPattern;
    url.replace(QStringLiteral("{caseNumber}"), caseNumber);
    url.replace(QStringLiteral("{queryCode}"), queryCode);
    return url.toLatin1();
}

QString queryAddress(const HallProfile& hall, const QString& caseNumber, const QString& queryCode)
{
    if (!hall.queryBaseUrl.isEmpty())
        return QStringLiteral("%1/q/%2?code=%3")
            .arg(hall.queryBaseUrl, QString::fromLatin1(QUrl::toPercentEncoding(caseNumber)),
                 QString::fromLatin1(QUrl::toPercentEncoding(queryCode)));
    if (!hall.queryUrl.isEmpty())
        return QString::fromLatin1(qrPayload(hall.queryUrl, caseNumber, queryCode));
    return QString();
}

QByteArray qrPayloadFor(const HallProfile& hall, const QString& caseNumber,
                        const QString& queryCode)
{
    const QString address = queryAddress(hall, caseNumber, queryCode);
    return address.isEmpty() ? qrPayload(QString(), caseNumber, queryCode) : address.toLatin1();
}

core::Result<QImage> qrImage(const QByteArray& payload, int scale)
{
    const std::unique_ptr<QRcode, void (*)(QRcode*)> code(
        QRcode_encodeString8bit(payload.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code)
        return core::Error{QStringLiteral("document.qr"),
                           QStringLiteral("无法生成二维码（内容 %1 个字节）").arg(payload.size())};
    constexpr int quiet = 4;
    const int modules = code->width;
    const int side = (modules + 2 * quiet) * scale;
    QImage image(side, side, QImage::Format_Mono);
    image.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)});
    image.fill(0);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            if (!(code->data[y * modules + x] & 1))
                continue;
            for (int dy = 0; dy < scale; ++dy)
                for (int dx = 0; dx < scale; ++dx)
                    image.setPixel((x + quiet) * scale + dx, (y + quiet) * scale + dy, 1);
        }
    }
    return image;
}

} // namespace onewindow::documents
