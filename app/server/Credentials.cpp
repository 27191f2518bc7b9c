#include "server/Credentials.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace onewindow::server {

namespace {
constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // 32 letters
}

QString newDeviceToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), 8);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString newEnrolCode()
{
    QString code;
    for (int i = 0; i < 16; ++i) {
        if (i > 0 && i % 4 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(32)]);
    }
    return code;
}

QString normaliseEnrolCode(const QString& typed)
{
    QString out;
    for (const QChar c : typed.toUpper())
        if (c.isLetterOrNumber())
            out += c;
    return out;
}

QString hashSecret(const QString& secret)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

core::Result<qint64> parseValidity(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{1,6})([smhd])$"));
    const auto m = form.match(text.trimmed());
    if (!m.hasMatch() || m.captured(1).toLongLong() == 0)
        return core::Error{
            QStringLiteral("enrol.bad_validity"),
            QStringLiteral("有效期格式应为数字加单位，例如 24h、30m、7d：%1").arg(text)};
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    const qint64 factor = unit == QLatin1Char('s')   ? 1
                          : unit == QLatin1Char('m') ? 60
                          : unit == QLatin1Char('h') ? 3600
                                                     : 86400;
    return n * factor;
}

} // namespace onewindow::server
