#include "core/SyncProtocol.h"

#include "core/DeviceRetirement.h"
#include "core/EventChecksum.h"
#include "core/EventSpec.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace onewindow::core::sync {

bool isMergeable(EventType type)
{
    // Decision 1: a note, a print (or its failure), a rating, an inquiry and a recall's closing
    // add to a case without deciding anything about it: two windows may make them on any head.
    switch (type) {
    case EventType::Note:
    case EventType::Inquired:
    case EventType::RecallClosed:
    case EventType::DocumentPrinted:
    case EventType::DocumentPrintFailed:
    case EventType::Rated:
        return true;
    default:
        return false;
    }
}

bool needsCaseHead(EventType type)
{
    return type != EventType::Received && !isMergeable(type) && !isSystemEvent(type);
}

bool movesHead(EventType type)
{
    return !isMergeable(type) && !isSystemEvent(type);
}

bool recordsCalendarVersion(EventType type)
{
    return !isSystemEvent(type);
}

QString calendarVersionOf(const Event& event)
{
    return event.payload.value(QLatin1String(kCalendarVersionKey)).toString();
}

QString caseHeadOf(const Event& event)
{
    return event.payload.value(QLatin1String(kCaseHeadKey)).toString();
}

QJsonObject eventToWire(const Event& e)
{
    const EventEnvelopeText t = envelopeText(e);
    return QJsonObject{{QStringLiteral("event_id"), e.eventId},
                       {QStringLiteral("case_id"), e.caseId},
                       {QStringLiteral("device_id"), e.deviceId},
                       {QStringLiteral("device_seq"), e.deviceSeq},
                       {QStringLiteral("hlc"), e.hlc},
                       {QStringLiteral("actor_id"), e.actorId},
                       {QStringLiteral("occurred_at"), QString::fromUtf8(t.occurredAtUtc)},
                       {QStringLiteral("type"), QString::fromUtf8(t.type)},
                       {QStringLiteral("type_version"), e.typeVersion},
                       {QStringLiteral("payload"), QString::fromUtf8(t.payload)},
                       {QStringLiteral("checksum"), eventChecksum(t)}};
}

namespace {

Error fault(const QString& code, const QString& message)
{
    return Error{code, message};
}

} // namespace

Result<WireEvent> eventFromWire(const QJsonObject& o)
{
    WireEvent w;
    const auto str = [&](const char* key) { return o.value(QLatin1String(key)).toString(); };
    w.eventId = str("event_id");
    w.caseId = str("case_id");
    w.deviceId = str("device_id");
    const QJsonValue seq = o.value(QStringLiteral("device_seq"));
    w.deviceSeq = seq.isDouble() ? seq.toInteger(-1) : -1;
    if (w.eventId.isEmpty() || w.eventId.size() > 64 || w.deviceSeq < 1)
        return badRequest(
            QStringLiteral("每条记录须有编号（event_id）和设备序号（device_seq ≥ 1）"));
    w.hlc = str("hlc");
    w.actorId = str("actor_id");
    w.occurredAt = str("occurred_at");
    w.type = str("type");
    w.typeVersion = o.value(QStringLiteral("type_version")).toInt(0);
    w.payloadText = str("payload").toUtf8();
    w.checksum = str("checksum");

    const auto type = eventTypeFromKey(w.type);
    if (!type) {
        w.fault =
            fault(code::kUnknownType,
                  QStringLiteral("未知的记录类型“%1”：服务器尚不能核对，已单独留存").arg(w.type));
        return w;
    }
    QJsonParseError error{};
    const QJsonDocument payload = QJsonDocument::fromJson(w.payloadText, &error);
    const QDateTime at = QDateTime::fromString(w.occurredAt, Qt::ISODateWithMs);
    if (w.caseId.isEmpty() || w.deviceId.isEmpty() || w.hlc.isEmpty() || w.actorId.isEmpty() ||
        !at.isValid() || w.typeVersion < 1 || error.error != QJsonParseError::NoError ||
        !payload.isObject()) {
        w.fault =
            fault(code::kBadEnvelope, QStringLiteral("记录格式不完整，服务器无法核对，已单独留存"));
        return w;
    }
    Event e;
    e.eventId = w.eventId;
    e.caseId = w.caseId;
    e.deviceId = w.deviceId;
    e.deviceSeq = w.deviceSeq;
    e.hlc = w.hlc;
    e.actorId = w.actorId;
    e.occurredAtUtc = at.toUTC();
    e.type = *type;
    e.typeVersion = w.typeVersion;
    e.payload = payload.object();
    // The bytes must be the canonical ones: what was hashed is exactly what is kept.
    const EventEnvelopeText t = envelopeText(e);
    if (t.payload != w.payloadText || t.occurredAtUtc != w.occurredAt.toUtf8() ||
        eventChecksum(t) != w.checksum) {
        w.fault = fault(code::kBadChecksum,
                        QStringLiteral("记录校验值不符（内容在传输或保存中被改动），已单独留存"));
        return w;
    }
    w.event = std::move(e);
    return w;
}

Error protocolUnsupported(const QString& sent)
{
    return {code::kProtocolUnsupported,
            QStringLiteral("同步协议版本“%1”不受支持：服务器接受第 %2 版和第 %3 版，请升级工作站")
                .arg(sent.isEmpty() ? QStringLiteral("（未注明）") : sent)
                .arg(kProtocolVersion)
                .arg(kOldestProtocolVersion)};
}

Error foldUnsupported(const QString& sent)
{
    return {code::kFoldUnsupported,
            QStringLiteral("工作站的办件规则版本“%1”与服务器（第 %2 版）不一致，请升级工作站")
                .arg(sent.isEmpty() ? QStringLiteral("（未注明）") : sent)
                .arg(kFoldVersion)};
}

int foldIntroducing(EventType type)
{
    return eventSpec(type).fold;
}

Error typeNotEnabled(EventType type, int needed, int hallFold)
{
    return {code::kTypeNotEnabled,
            QStringLiteral("本大厅仍有工作站的办件规则为第 %1 版，不能处理“%2”（自第 %3 版起）："
                           "该记录未生效。请先升级或停用这些工作站（onewindow-server device "
                           "list），再重新办理")
                .arg(hallFold)
                .arg(eventTypeName(type))
                .arg(needed)};
}

Error foldBehindHall(int sent, int hallFloor)
{
    return {code::kFoldBehindHall,
            QStringLiteral("本大厅已有第 %1 版办件规则才能处理的记录，本工作站为第 %2 版，"
                           "请升级工作站后再同步")
                .arg(hallFloor)
                .arg(sent)};
}

Error buildMissing()
{
    return {code::kBuildMissing, QStringLiteral("请求未注明工作站程序的版本，请升级工作站")};
}

Error methodNotAllowed(const QString& method, const QString& path)
{
    return {code::kMethodNotAllowed, QStringLiteral("%1 不接受 %2 请求").arg(path, method)};
}

Error notFound(const QString& path)
{
    return {code::kNotFound, QStringLiteral("没有这个地址：%1").arg(path)};
}

Error unauthorized()
{
    return {code::kUnauthorized, QStringLiteral("设备凭据无效或缺失，请重新登记本设备")};
}

Error deviceRevoked()
{
    return {code::kDeviceRevoked, QStringLiteral("本设备已被吊销，不能再同步；请联系管理员")};
}

Error deviceStopped()
{
    return {code::kDeviceStopped,
            QStringLiteral("本设备已停止同步（记录序号与已上传的记录冲突，可能从备份恢复）；"
                           "请以新设备重新登记，未上传的记录由管理员导入")};
}

Error deviceRetired(const QString& at)
{
    return {
        code::kDeviceRetired,
        QStringLiteral("本设备已于 %1（UTC）停用：窗口已由新设备接替，停用后在本设备上记录的操作"
                       "不予接收；请在接替的设备上重新办理")
            .arg(at)};
}

QString retiredDeviceNotice()
{
    return QStringLiteral("本设备已停用：窗口已由新设备接替；剩余记录上传后请停止使用");
}

Error deviceMismatch()
{
    return {code::kDeviceMismatch, QStringLiteral("上传的设备编号与本设备凭据不符")};
}

Error hallForbidden(const QString& hall)
{
    return {code::kHallForbidden, QStringLiteral("本设备无权读写大厅 %1 的数据").arg(hall)};
}

Error codeInvalid()
{
    return {code::kCodeInvalid, QStringLiteral("登记码无效或已使用，请向管理员索取新的登记码")};
}

Error codeExpired()
{
    return {code::kCodeExpired, QStringLiteral("登记码已过期，请向管理员索取新的登记码")};
}

Error badRequest(const QString& what)
{
    return {code::kBadRequest, QStringLiteral("请求格式错误：%1").arg(what)};
}

Error batchTooLarge()
{
    return {code::kBatchTooLarge, QStringLiteral("一次最多上传 %1 条记录、%2 字节，请分批上传")
                                      .arg(kMaxBatchEvents)
                                      .arg(kMaxBatchBytes)};
}

Error sequenceGap(qint64 expected)
{
    return {code::kSequenceGap,
            QStringLiteral("记录序号不连续：服务器等待本设备的第 %1 条记录").arg(expected)};
}

Error sequenceReused(qint64 seq)
{
    return {
        code::kSequenceReused,
        QStringLiteral("本设备的第 %1 条记录与服务器已收到的内容不同（设备可能从备份或克隆的硬盘"
                       "恢复）：本设备已停止同步，请以新设备重新登记")
            .arg(seq)};
}

Error staleHead()
{
    return {code::kStaleHead,
            QStringLiteral("本件已被其他窗口先行办理，此操作基于过时的办件状态，未生效")};
}

Error otherHall()
{
    return {code::kOtherHall, QStringLiteral("本件属于其他大厅，不能在本大厅办理")};
}

Error actorUnknown(const QString& actor)
{
    return {code::kActorUnknown,
            QStringLiteral("记录人“%1”在该时间不是本大厅的在用用户，此操作未生效").arg(actor)};
}

Error roleMissing(const QString& actor, const QString& action)
{
    return {code::kRoleMissing,
            QStringLiteral("记录人“%1”在该时间没有“%2”的权限，此操作未生效").arg(actor, action)};
}

Error duplicateCaseNumber(const QString& number)
{
    return {code::kDuplicateNumber,
            QStringLiteral("办件编号 %1 在本大厅已被使用，此收件未生效").arg(number)};
}

Error duplicateDocumentNumber(const QString& number)
{
    return {code::kDuplicateDocumentNumber,
            QStringLiteral("文书编号 %1 已用于本大厅另一办件的文书，此次打印未生效：请收回该文书，"
                           "重新打印")
                .arg(number)};
}

Error unknownItem()
{
    return {code::kUnknownItem,
            QStringLiteral(
                "办件所依据的事项版本不在本大厅的事项目录中，此操作未生效；请先同步事项目录")};
}

Error systemEventNotDue()
{
    return {
        code::kSystemEventNotDue,
        QStringLiteral("此系统记录（视为受理或视为放弃）与本件按大厅日历到期的记录不一致，未生效")};
}

Error serverError()
{
    return {code::kServerError,
            QStringLiteral("服务器内部错误，请稍后重试；如持续出现请联系管理员")};
}

} // namespace onewindow::core::sync
