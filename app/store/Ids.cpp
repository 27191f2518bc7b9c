#include "store/Ids.h"

#include <QRandomGenerator>

namespace onewindow::store {

QString newUuidV7(qint64 unixMs)
{
    unsigned char b[16];
    const quint64 ms = static_cast<quint64>(unixMs) & 0xFFFFFFFFFFFFull;
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    // 74 random bits for uniqueness across devices, not secrecy: the process-wide generator
    // (seeded from the system's) spares a getrandom call on every action.
    quint32 random[3];
    QRandomGenerator::global()->fillRange(random);
    for (int i = 0; i < 10; ++i)
        b[6 + i] = static_cast<unsigned char>(random[i / 4] >> (8 * (i % 4)));
    b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0F)); // version 7
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3F)); // variant 10
    static const char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += QLatin1Char('-');
        out += QLatin1Char(hex[b[i] >> 4]);
        out += QLatin1Char(hex[b[i] & 0x0F]);
    }
    return out;
}

QString newQueryCode()
{
    return QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(1000000), 6, 10,
                                    QLatin1Char('0'));
}

Hlc Hlc::tick(qint64 nowMs) const
{
    if (nowMs > wallMs)
        return Hlc{nowMs, 0};
    return Hlc{wallMs, counter + 1};
}

QString Hlc::text(const QString& deviceId) const
{
    return QStringLiteral("%1-%2-%3")
        .arg(wallMs, 13, 10, QLatin1Char('0'))
        .arg(counter, 5, 10, QLatin1Char('0'))
        .arg(deviceId);
}

} // namespace onewindow::store
