#include "core/EventText.h"

#include "core/CasePayloads.h"
#include "core/DocumentKind.h"

#include <QJsonArray>
#include <QStringList>

namespace onewindow::core {

namespace {

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QString names(const QJsonArray& array, const char* key)
{
    QStringList out;
    for (const QJsonValue& v : array)
        out.append(v.toObject().value(QLatin1String(key)).toString());
    return out.join(QStringLiteral("、"));
}

} // namespace

QString suspensionReasonName(const QString& kind)
{
    const std::optional<SuspensionKind> k = fromKey(kSuspensionKinds, kind);
    return k ? nameOf(kSuspensionKinds, *k) : kind;
}

QString refusalReasonName(const QString& kind)
{
    return nameOf(kRefusalKinds, fromKey(kRefusalKinds, kind).value_or(RefusalKind::Other));
}

QString describeEvent(const Event& e)
{
    const QJsonObject& p = e.payload;
    const QString name = eventTypeName(e.type);
    switch (e.type) {
    case EventType::Received: {
        const QJsonObject a = p.value(QStringLiteral("applicant")).toObject();
        return QStringLiteral("%1：%2，申请人 %3，办件编号 %4")
            .arg(name, channelName(channelFromKey(text(p, "channel")).value_or(Channel::InPerson)),
                 text(a, "name"), text(p, "caseNumber"));
    }
    case EventType::NoticeIssued:
        return QStringLiteral("%1%2：需补正 %3，补正期限 %4 个工作日")
            .arg(name, p.value(QStringLiteral("repeat")).toBool()
                           ? QStringLiteral("（再次告知，理由：%1）").arg(text(p, "repeatReason"))
                           : QString())
            .arg(names(p.value(QStringLiteral("corrections")).toArray(), "materialName"))
            .arg(p.value(QStringLiteral("correctionDays")).toInt());
    case EventType::Corrected:
        return QStringLiteral("%1：%2").arg(
            name, names(p.value(QStringLiteral("materials")).toArray(), "name"));
    case EventType::Accepted: {
        QString out = name;
        const QJsonArray deferred = p.value(QStringLiteral("deferred")).toArray();
        if (!deferred.isEmpty())
            out += QStringLiteral("（容缺 %1 项）").arg(deferred.size());
        const QJsonArray commitments = p.value(QStringLiteral("commitments")).toArray();
        if (!commitments.isEmpty())
            out += QStringLiteral("（告知承诺 %1 项）").arg(commitments.size());
        return out;
    }
    case EventType::Refused:
        return QStringLiteral("%1：%2。%3")
            .arg(name, refusalReasonName(text(p, "reasonKind")), text(p, "reason"));
    case EventType::Suspended:
        return QStringLiteral("%1：%2，%3")
            .arg(name, suspensionReasonName(text(p, "reasonKind")), text(p, "reason"));
    case EventType::ExtensionRequested:
        return QStringLiteral("%1：%2延长 %3 个工作日，理由：%4")
            .arg(name, text(p, "clock") == QStringLiteral("statutory") ? QStringLiteral("法定时限")
                                                                       : QStringLiteral("承诺时限"))
            .arg(p.value(QStringLiteral("days")).toInt())
            .arg(text(p, "reason"));
    case EventType::ExtensionRefused:
        return QStringLiteral("%1：%2").arg(name, text(p, "reason"));
    case EventType::Forwarded:
        return QStringLiteral("%1：%2").arg(name, text(p, "to"));
    case EventType::Decided:
        return QStringLiteral("%1：%2%3")
            .arg(name,
                 text(p, "outcome") == QStringLiteral("granted") ? QStringLiteral("准予")
                                                                 : QStringLiteral("不予"),
                 text(p, "decisionNumber").isEmpty()
                     ? QString()
                     : QStringLiteral("，决定书 %1").arg(text(p, "decisionNumber")));
    case EventType::Delivered: {
        const QString method = text(p, "method");
        if (method == QStringLiteral("pickup"))
            return QStringLiteral("%1：窗口领取，签收人 %2").arg(name, text(p, "signer"));
        if (method == QStringLiteral("post"))
            return QStringLiteral("%1：邮寄，%2 %3")
                .arg(name, text(p, "carrier"), text(p, "trackingNumber"));
        return QStringLiteral("%1：电子送达").arg(name);
    }
    case EventType::Supervised:
        return QStringLiteral("%1：%2").arg(name, text(p, "note"));
    case EventType::SupervisionAnswered:
        return QStringLiteral("%1：%2").arg(name, text(p, "reply"));
    case EventType::Note:
        return QStringLiteral("%1：%2").arg(name, text(p, "text"));
    case EventType::Rated:
        return QStringLiteral("%1：%2%3")
            .arg(name, ratingName(p.value(QStringLiteral("level")).toInt()),
                 text(p, "comment").isEmpty() ? QString()
                                              : QStringLiteral("（%1）").arg(text(p, "comment")));
    case EventType::RatingFollowedUp:
        return QStringLiteral("%1：%2").arg(name, text(p, "result"));
    case EventType::DocumentPrinted: {
        const auto kind = documentKindFromKey(text(p, "kind"));
        return QStringLiteral("%1：%2 %3，%4 份%5")
            .arg(name, kind ? documentKindName(*kind) : text(p, "kind"), text(p, "number"))
            .arg(p.value(QStringLiteral("copies")).toInt())
            .arg(p.value(QStringLiteral("reprint")).toBool() ? QStringLiteral("（补打）")
                                                             : QString());
    }
    case EventType::DeadlineRecomputed: {
        QStringList parts;
        for (const QJsonValue& v : p.value(QStringLiteral("clocks")).toArray()) {
            const QJsonObject c = v.toObject();
            const auto kind = clockKindFromKey(text(c, "kind"));
            parts.append(QStringLiteral("%1 %2 → %3")
                             .arg(kind ? clockKindName(*kind) : text(c, "kind"),
                                  text(c, "oldDeadline"), text(c, "newDeadline")));
        }
        return QStringLiteral("%1：依据 %2，%3")
            .arg(name, text(p, "notice"), parts.join(QStringLiteral("；")));
    }
    case EventType::DeemedAccepted:
    case EventType::DeemedAbandoned:
        // A lapse says which period ran out, as it recorded it (older ones have no payload).
        if (!text(p, "deadline").isEmpty())
            return QStringLiteral("%1：%2 %3 届满")
                .arg(name,
                     e.type == EventType::DeemedAccepted ? QStringLiteral("补正告知时限")
                                                         : QStringLiteral("补正期限"),
                     text(p, "deadline"));
        return name;
    case EventType::Withdrawn:
    case EventType::Resumed:
    case EventType::ExtensionApproved:
    case EventType::ResultReady:
        return name; // the type's name says it all
    }
    return name; // a value outside the enumeration (a damaged store)
}

} // namespace onewindow::core
