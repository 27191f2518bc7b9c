#include "core/WorkingSet.h"

#include <QDateTime>
#include <QTimeZone>

namespace onewindow::core::sync {

bool finishesCase(EventType type)
{
    // The fold steps that leave CaseState::isOpen() false (core/events/*.cpp).
    switch (type) {
    case EventType::Refused:
    case EventType::Withdrawn:
    case EventType::DeemedAbandoned:
    case EventType::Delivered:
    case EventType::FeeLapsed:
        return true;
    default:
        return false;
    }
}

QStringList finishingTypeKeys()
{
    return {eventTypeKey(EventType::Refused), eventTypeKey(EventType::Withdrawn),
            eventTypeKey(EventType::DeemedAbandoned), eventTypeKey(EventType::Delivered),
            eventTypeKey(EventType::FeeLapsed)};
}

Error snapshotGone(qint64 at)
{
    return Error{QStringLiteral("snapshot_gone"),
                 QStringLiteral("序号 %1 的工作集已不再保留（超过 %2 天），请从头重新取工作集")
                     .arg(at)
                     .arg(kSnapshotKeepDays)};
}

Error snapshotDigestMismatch(const QString& ours, const QString& theirs)
{
    return Error{QStringLiteral("sync.snapshot_digest"),
                 QStringLiteral("本机取得的工作集与大厅服务器的不一致（本机摘要 %1，服务器摘要 "
                                "%2），本次未开始办理：下次同步将从头重新取工作集；若仍不一致，"
                                "请联系管理员")
                     .arg(ours.left(12), theirs.left(12))};
}

Error caseFetchFailed(const QString& caseId, const QString& why)
{
    return Error{QStringLiteral("sync.case_fetch"),
                 QStringLiteral("从大厅服务器取较早的办件 %1 失败：%2；本页未保存，下次同步重试")
                     .arg(caseId, why)};
}

Error caseTakeFailed(const QString& caseId, const QString& why)
{
    return Error{QStringLiteral("sync.case_take"),
                 QStringLiteral("未能从大厅服务器取回办件（%1）：本机数据未改动；请检查网络后重试，"
                                "仍不行请联系大厅管理员（办件标识 %2）")
                     .arg(why, caseId)};
}

Error hallSearchFailed(const Error& cause, const QString& hallName, const QString& networkWhy)
{
    const QString hall = hallName.isEmpty() ? QStringLiteral("大厅服务器")
                                            : QStringLiteral("大厅服务器“%1”").arg(hallName);
    if (cause.code == QLatin1String("sync.offline"))
        return Error{
            cause.code,
            QStringLiteral("无法连接%1（%2）：未能在大厅查找，本机数据未改动。请检查网络"
                           "连接后重试；网络正常仍不行，请联系大厅管理员")
                .arg(hall, networkWhy.isEmpty() ? QStringLiteral("没有回答") : networkWhy)};
    if (cause.code == QLatin1String("search.bad_query"))
        return Error{cause.code, QStringLiteral("%1不能按此查找：%2").arg(hall, cause.message)};
    if (cause.code == QLatin1String("sync.case_take") ||
        cause.code == QLatin1String("sync.not_enrolled"))
        return cause;
    // Refused (a revoked or unknown device, sync stopped) or an answer it could not read: the
    // cause says what to do (contact the administrator, enrol again).
    return Error{cause.code,
                 QStringLiteral("在%1查找未成功，本机数据未改动：%2").arg(hall, cause.message)};
}

QString workingSetText(const QString& sinceUtc, const QTimeZone& zone, qint64 cases, qint64 fetched)
{
    const QDateTime since = QDateTime::fromString(sinceUtc, Qt::ISODateWithMs);
    const QString day =
        since.isValid() ? since.toTimeZone(zone).date().toString(Qt::ISODate) : sinceUtc;
    QString text = QStringLiteral("本机只保存工作集：未办结的办件和 %1 以来有记录的办件，共 %2 件")
                       .arg(day)
                       .arg(cases);
    if (fetched > 0)
        text += QStringLiteral("，另按需取来较早的办件 %1 件").arg(fetched);
    return text;
}

QString snapshotProgressText(qint64 at, qint64 after)
{
    if (at == 0)
        return QStringLiteral("尚未取得工作集：下次同步时从大厅服务器取未办结和近期的办件，"
                              "取完才开始办理");
    return QStringLiteral("正在取工作集（截至大厅序号 %1）：已取到序号 %2，中断后从此处继续")
        .arg(at)
        .arg(after);
}

QString partialDigestNote(qint64 casesHeld)
{
    return QStringLiteral("本机只保存工作集：此摘要只涵盖本机保存的 %1 件办件，与服务器 digest "
                          "HALL 的全大厅摘要不同；与取工作集时服务器给出的摘要相符才会开始办理")
        .arg(casesHeld);
}

} // namespace onewindow::core::sync
