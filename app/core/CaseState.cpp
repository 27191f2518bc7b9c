#include "core/CaseState.h"

#include "core/EnumTable.h"

#include <QJsonArray>

namespace onewindow::core {

namespace {

constexpr std::array<Named<CaseStatus>, 10> kStatuses{{
    {CaseStatus::Received, u"received", u"已收件"},
    {CaseStatus::AwaitingCorrection, u"awaiting_correction", u"待补正"},
    {CaseStatus::InProgress, u"in_progress", u"办理中"},
    {CaseStatus::Suspended, u"suspended", u"已中止"},
    {CaseStatus::Decided, u"decided", u"已办结"},
    {CaseStatus::ResultReady, u"result_ready", u"待领取"},
    {CaseStatus::Delivered, u"delivered", u"已送达"},
    {CaseStatus::Refused, u"refused", u"不予受理"},
    {CaseStatus::Withdrawn, u"withdrawn", u"已撤回"},
    {CaseStatus::Abandoned, u"abandoned", u"逾期未补正"},
}};

constexpr std::array<Named<Channel>, 5> kChannels{{
    {Channel::InPerson, u"in_person", u"当面提交"},
    {Channel::PostSigned, u"post_signed", u"邮寄（需签收）"},
    {Channel::PostPlain, u"post_plain", u"平常信函"},
    {Channel::Internet, u"internet", u"互联网"},
    {Channel::Fax, u"fax", u"传真"},
}};

constexpr std::array<Named<MaterialState>, 7> kMaterialStates{{
    {MaterialState::Provided, u"provided", u"已提交"},
    {MaterialState::Missing, u"missing", u"缺少"},
    {MaterialState::Defective, u"defective", u"不符合要求"},
    {MaterialState::Deferred, u"deferred", u"容缺后补"},
    {MaterialState::Committed, u"committed", u"告知承诺"},
    {MaterialState::NotApplicable, u"not_applicable", u"不适用"},
    {MaterialState::Unchecked, u"unchecked", u"未核验"},
}};

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QString caseStatusKey(CaseStatus status)
{
    return keyOf(kStatuses, status);
}
QString caseStatusName(CaseStatus status)
{
    return nameOf(kStatuses, status);
}
std::optional<CaseStatus> caseStatusFromKey(const QString& key)
{
    return fromKey(kStatuses, key);
}
QString channelKey(Channel channel)
{
    return keyOf(kChannels, channel);
}
QString channelName(Channel channel)
{
    return nameOf(kChannels, channel);
}
std::optional<Channel> channelFromKey(const QString& key)
{
    return fromKey(kChannels, key);
}
QString materialStateKey(MaterialState state)
{
    return keyOf(kMaterialStates, state);
}
QString materialStateName(MaterialState state)
{
    return nameOf(kMaterialStates, state);
}
std::optional<MaterialState> materialStateFromKey(const QString& key)
{
    return fromKey(kMaterialStates, key);
}

QDate receiptDay(Channel channel, const QDate& submittedOn, const QDate& confirmedOn)
{
    // 政府信息公开条例 Art. 31.
    if (channel == Channel::InPerson || !confirmedOn.isValid())
        return submittedOn;
    return confirmedOn;
}

QJsonObject Applicant::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"),
                   organisation ? QStringLiteral("organisation") : QStringLiteral("person")},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("phone"), phone}};
    const auto put = [&](const char* key, const QString& value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("idNumber", idNumber);
    put("uscc", uscc);
    put("legalRepresentative", legalRepresentative);
    put("agentName", agentName);
    put("agentIdNumber", agentIdNumber);
    return o;
}

Applicant Applicant::fromJson(const QJsonObject& o)
{
    Applicant a;
    a.organisation = text(o, "kind") == QStringLiteral("organisation");
    a.name = text(o, "name");
    a.idNumber = text(o, "idNumber");
    a.phone = text(o, "phone");
    a.uscc = text(o, "uscc");
    a.legalRepresentative = text(o, "legalRepresentative");
    a.agentName = text(o, "agentName");
    a.agentIdNumber = text(o, "agentIdNumber");
    return a;
}

QJsonObject MaterialCheck::toJson() const
{
    QJsonObject o{{QStringLiteral("code"), code},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("state"), materialStateKey(state)},
                  {QStringLiteral("copies"), copies}};
    if (!problem.isEmpty())
        o.insert(QStringLiteral("problem"), problem);
    if (dueDate)
        o.insert(QStringLiteral("dueDate"), dueDate->toString(Qt::ISODate));
    if (!heldBy.isEmpty())
        o.insert(QStringLiteral("heldBy"), heldBy);
    if (!retakenFrom.isEmpty()) {
        o.insert(QStringLiteral("retakenFrom"), retakenFrom);
        o.insert(QStringLiteral("retakenReason"), retakenReason);
    }
    return o;
}

MaterialCheck MaterialCheck::fromJson(const QJsonObject& o)
{
    MaterialCheck m;
    m.code = text(o, "code");
    m.name = text(o, "name");
    m.state = materialStateFromKey(text(o, "state")).value_or(MaterialState::Missing);
    m.problem = text(o, "problem");
    m.copies = o.value(QStringLiteral("copies")).toInt();
    if (o.contains(QStringLiteral("dueDate")))
        m.dueDate = QDate::fromString(text(o, "dueDate"), Qt::ISODate);
    m.heldBy = text(o, "heldBy");
    m.retakenFrom = text(o, "retakenFrom");
    m.retakenReason = text(o, "retakenReason");
    return m;
}

QJsonObject Correction::toJson() const
{
    return QJsonObject{{QStringLiteral("materialCode"), materialCode},
                       {QStringLiteral("materialName"), materialName},
                       {QStringLiteral("problem"), problem},
                       {QStringLiteral("requirement"), requirement}};
}

Correction Correction::fromJson(const QJsonObject& o)
{
    return Correction{text(o, "materialCode"), text(o, "materialName"), text(o, "problem"),
                      text(o, "requirement")};
}

bool CaseState::isOpen() const
{
    switch (status) {
    case CaseStatus::Delivered:
    case CaseStatus::Refused:
    case CaseStatus::Withdrawn:
    case CaseStatus::Abandoned:
        return false;
    default:
        return true;
    }
}

bool CaseState::pendingExtension() const
{
    return !extensions.isEmpty() && !extensions.last().approved.has_value();
}

bool CaseState::supervisionOpen() const
{
    return supervisionOrders > 0 && !supervisionAnsweredOn;
}

bool CaseState::feePending() const
{
    return !feeNoticeEventId.isEmpty() && !feePaid && status == CaseStatus::Suspended;
}

} // namespace onewindow::core
