#include "core/Event.h"

#include "core/EventSpec.h"

#include <QUuid>

#include <algorithm>

namespace onewindow::core {

QString eventTypeKey(EventType type)
{
    return QString::fromUtf16(eventSpec(type).key);
}

std::optional<EventType> eventTypeFromKey(const QString& key)
{
    for (const EventSpec* spec : eventSpecs())
        if (key == QStringView(spec->key))
            return spec->type;
    return std::nullopt;
}

QString eventTypeName(EventType type)
{
    return QString::fromUtf16(eventSpec(type).name);
}

int currentTypeVersion(EventType type)
{
    return eventSpec(type).version;
}

bool isSystemEvent(EventType type)
{
    return eventSpec(type).system;
}

bool canonicallyBefore(const Event& a, const Event& b)
{
    if (const int c = QString::compare(a.hlc, b.hlc); c != 0)
        return c < 0;
    if (const int c = QString::compare(a.deviceId, b.deviceId); c != 0)
        return c < 0;
    return a.deviceSeq < b.deviceSeq;
}

bool isCanonicallySorted(const QList<Event>& events)
{
    return std::is_sorted(events.begin(), events.end(), canonicallyBefore);
}

void sortCanonically(QList<Event>& events)
{
    if (!isCanonicallySorted(events))
        std::stable_sort(events.begin(), events.end(), canonicallyBefore);
}

QString systemDeviceId(const QString& eventId)
{
    return QStringLiteral("system/") + eventId;
}

bool isSystemDevice(const QString& deviceId)
{
    return deviceId.startsWith(QLatin1String("system/"));
}

QString nameBasedEventId(const QString& name)
{
    // A fixed namespace of our own (a random UUID chosen once; never change it: stored ids
    // derive from it).
    static const QUuid ns(QStringLiteral("{4f1d2c9e-7b3a-4e51-9a6d-0c8e5b7f2a13}"));
    return QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces);
}

QString systemHlc(const QDateTime& at)
{
    return QStringLiteral("%1-00000-system").arg(at.toMSecsSinceEpoch(), 13, 10, QLatin1Char('0'));
}

} // namespace onewindow::core
