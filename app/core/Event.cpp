#include "core/Event.h"

#include <QUuid>

#include <algorithm>
#include <array>

namespace onewindow::core {

namespace {

struct TypeInfo
{
    EventType type;
    const char16_t* key;
    const char16_t* name;
    bool system;
};

constexpr std::array<TypeInfo, 24> kTypes{{
    {EventType::Received, u"case.received", u"收件", false},
    {EventType::NoticeIssued, u"case.notice_issued", u"一次性告知", false},
    {EventType::Corrected, u"case.corrected", u"补正材料", false},
    {EventType::Accepted, u"case.accepted", u"受理", false},
    {EventType::Refused, u"case.refused", u"不予受理", false},
    {EventType::DeemedAccepted, u"case.deemed_accepted", u"视为受理", true},
    {EventType::Withdrawn, u"case.withdrawn", u"撤回申请", false},
    {EventType::DeemedAbandoned, u"case.deemed_abandoned", u"逾期未补正", true},
    {EventType::Suspended, u"case.suspended", u"中止", false},
    {EventType::Resumed, u"case.resumed", u"恢复", false},
    {EventType::ExtensionRequested, u"case.extension_requested", u"申请延期", false},
    {EventType::ExtensionApproved, u"case.extension_approved", u"批准延期", false},
    {EventType::ExtensionRefused, u"case.extension_refused", u"不予延期", false},
    {EventType::Forwarded, u"case.forwarded", u"移交后台", false},
    {EventType::Decided, u"case.decided", u"办结", false},
    {EventType::ResultReady, u"case.result_ready", u"出件", false},
    {EventType::Delivered, u"case.delivered", u"送达", false},
    {EventType::Supervised, u"case.supervised", u"督办", false},
    {EventType::Note, u"case.note", u"备注", false},
    {EventType::Rated, u"case.rated", u"评价", false},
    {EventType::RatingFollowedUp, u"case.rating_followed_up", u"差评整改回访", false},
    {EventType::DocumentPrinted, u"case.document_printed", u"打印文书", false},
    {EventType::DeadlineRecomputed, u"case.deadline_recomputed", u"期限重算", true},
    {EventType::SupervisionAnswered, u"case.supervision_answered", u"督办反馈", false},
}};

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < kTypes.size(); ++i)
        if (static_cast<std::size_t>(kTypes[i].type) != i)
            return false;
    return true;
}
static_assert(inEnumOrder(), "kTypes must list the event types in enum order");

const TypeInfo& info(EventType type)
{
    return kTypes[static_cast<std::size_t>(type)];
}

} // namespace

QString eventTypeKey(EventType type)
{
    return QString::fromUtf16(info(type).key);
}

std::optional<EventType> eventTypeFromKey(const QString& key)
{
    for (const TypeInfo& t : kTypes)
        if (key == QStringView(t.key))
            return t.type;
    return std::nullopt;
}

QString eventTypeName(EventType type)
{
    return QString::fromUtf16(info(type).name);
}

int currentTypeVersion(EventType)
{
    return 1;
}

bool isSystemEvent(EventType type)
{
    return info(type).system;
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
