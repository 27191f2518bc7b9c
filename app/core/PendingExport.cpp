#include "core/PendingExport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace onewindow::core::sync {

namespace {

Error badFile(const QString& why)
{
    return Error{QStringLiteral("import.bad_file"),
                 QStringLiteral("不是可导入的待上传记录文件：%1").arg(why)};
}

} // namespace

QByteArray pendingExportJson(const PendingExport& file)
{
    QJsonArray events;
    for (const QJsonObject& e : file.events)
        events.append(e);
    const QJsonObject root{{QStringLiteral("format"), kPendingExportFormat},
                           {QStringLiteral("version"), kPendingExportVersion},
                           {QStringLiteral("hall"), file.hallCode},
                           {QStringLiteral("window"), file.windowCode},
                           {QStringLiteral("device_id"), file.deviceId},
                           {QStringLiteral("exported_at"), file.exportedAtUtc},
                           {QStringLiteral("events"), events}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<PendingExport> parsePendingExport(const QByteArray& bytes)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return badFile(QStringLiteral("不是 JSON（第 %1 字节附近：%2）")
                           .arg(error.offset)
                           .arg(error.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kPendingExportFormat)
        return badFile(
            QStringLiteral("缺少 format: %1（应由 onewindowctl sync export-pending 写出）")
                .arg(kPendingExportFormat));
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version != kPendingExportVersion)
        return badFile(QStringLiteral("文件格式版本 %1 不受支持（本程序读版本 %2）")
                           .arg(version)
                           .arg(kPendingExportVersion));
    PendingExport file;
    file.hallCode = root.value(QStringLiteral("hall")).toString();
    file.windowCode = root.value(QStringLiteral("window")).toString();
    file.deviceId = root.value(QStringLiteral("device_id")).toString();
    file.exportedAtUtc = root.value(QStringLiteral("exported_at")).toString();
    if (file.hallCode.isEmpty() || file.deviceId.isEmpty())
        return badFile(QStringLiteral("未写明大厅（hall）或设备（device_id）"));
    const QJsonValue events = root.value(QStringLiteral("events"));
    if (!events.isArray())
        return badFile(QStringLiteral("缺少记录列表（events）"));
    const QJsonArray list = events.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list[i].isObject())
            return badFile(QStringLiteral("第 %1 条记录不是对象").arg(i + 1));
        file.events.append(list[i].toObject());
    }
    return file;
}

} // namespace onewindow::core::sync
