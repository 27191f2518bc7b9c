#include "core/CasePayloads.h"

#include "core/DisclosureFee.h"

#include <QJsonArray>

namespace onewindow::core {

namespace payload {

namespace {

template <typename T>
QJsonArray arrayOf(const QList<T>& list)
{
    QJsonArray out;
    for (const T& x : list)
        out.append(x.toJson());
    return out;
}

void putIfAny(QJsonObject& o, const char* key, const QString& value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

} // namespace

QJsonObject received(const ReceivedInput& in)
{
    QJsonObject o{{QStringLiteral("caseNumber"), in.caseNumber},
                  {QStringLiteral("queryCode"), in.queryCode},
                  {QStringLiteral("itemCode"), in.itemCode},
                  {QStringLiteral("itemVersion"), in.itemVersion},
                  {QStringLiteral("channel"), channelKey(in.channel)},
                  {QStringLiteral("receiptDate"), in.receiptDate.toString(Qt::ISODate)},
                  {QStringLiteral("windowCode"), in.windowCode},
                  {QStringLiteral("applicant"), in.applicant.toJson()},
                  {QStringLiteral("materials"), arrayOf(in.materials)}};
    // Optional fields (issue 15): older events have neither and stay valid.
    if (in.delivery)
        o.insert(QStringLiteral("delivery"), deliveryKey(*in.delivery));
    if (in.delivery == DeliveryOption::Post)
        putIfAny(o, "postalAddress", in.postalAddress.trimmed());
    // Optional (issue 20): a part of a matter names it; older events have no "matter".
    if (in.matter)
        o.insert(QStringLiteral("matter"),
                 QJsonObject{{QStringLiteral("code"), in.matter->code},
                             {QStringLiteral("version"), in.matter->version},
                             {QStringLiteral("number"), in.matter->number}});
    return o;
}

QJsonObject notice(const QList<Correction>& corrections, int correctionDays, bool repeat,
                   const QString& repeatReason, const QString& approvedBy)
{
    QJsonObject o{{QStringLiteral("corrections"), arrayOf(corrections)},
                  {QStringLiteral("correctionDays"), correctionDays},
                  {QStringLiteral("repeat"), repeat}};
    putIfAny(o, "repeatReason", repeatReason);
    putIfAny(o, "approvedBy", approvedBy);
    return o;
}

QJsonObject corrected(const QList<MaterialCheck>& materials)
{
    return QJsonObject{{QStringLiteral("materials"), arrayOf(materials)}};
}

QJsonObject accepted(const QList<std::pair<QString, QDate>>& deferred,
                     const QStringList& commitments)
{
    QJsonArray d;
    for (const auto& [code, due] : deferred)
        d.append(QJsonObject{{QStringLiteral("materialCode"), code},
                             {QStringLiteral("dueDate"), due.toString(Qt::ISODate)}});
    QJsonArray c;
    for (const QString& code : commitments)
        c.append(QJsonObject{{QStringLiteral("materialCode"), code}});
    return QJsonObject{{QStringLiteral("deferred"), d}, {QStringLiteral("commitments"), c}};
}

QJsonObject refused(const QString& reasonKind, const QString& reason,
                    const QString& competentOffice)
{
    QJsonObject o{{QStringLiteral("reasonKind"), reasonKind}, {QStringLiteral("reason"), reason}};
    putIfAny(o, "competentOffice", competentOffice);
    return o;
}

QJsonObject withdrawn(const QString& reason)
{
    return QJsonObject{{QStringLiteral("reason"), reason}};
}

QJsonObject suspended(const QString& reasonKind, const QString& reason,
                      std::optional<QDate> expectedEnd, const QString& thirdParty)
{
    QJsonObject o{{QStringLiteral("reasonKind"), reasonKind}, {QStringLiteral("reason"), reason}};
    if (expectedEnd)
        o.insert(QStringLiteral("expectedEnd"), expectedEnd->toString(Qt::ISODate));
    putIfAny(o, "thirdParty", thirdParty.trimmed());
    return o;
}

QJsonObject thirdPartyAnswered(const QString& opinion, const QString& summary)
{
    QJsonObject o{{QStringLiteral("opinion"), opinion}};
    putIfAny(o, "summary", summary.trimmed());
    return o;
}

QJsonObject disclosureReplied(const QList<ReplyRow>& rows, const QString& applicantKind,
                              const QString& thirdPartyWeighed)
{
    QJsonObject o{{QStringLiteral("rows"), arrayOf(rows)},
                  {QStringLiteral("applicantKind"), applicantKind}};
    putIfAny(o, "thirdPartyWeighed", thirdPartyWeighed.trimmed());
    return o;
}

QJsonObject feeNoticed(const QString& basis, int units, int priorInMonth, qint64 amountYuan)
{
    return QJsonObject{{QStringLiteral("basis"), basis},
                       {QStringLiteral("units"), units},
                       {QStringLiteral("priorInMonth"), priorInMonth},
                       {QStringLiteral("amount"), amountYuan},
                       {QStringLiteral("paymentDays"), kFeePaymentDays}};
}

QJsonObject feePaid(const QString& receipt)
{
    QJsonObject o;
    putIfAny(o, "receipt", receipt.trimmed());
    return o;
}

QJsonObject extensionRequested(const QString& clock, int days, const QString& reason)
{
    return QJsonObject{{QStringLiteral("clock"), clock},
                       {QStringLiteral("days"), days},
                       {QStringLiteral("reason"), reason}};
}

QJsonObject extensionRefused(const QString& reason)
{
    return QJsonObject{{QStringLiteral("reason"), reason}};
}

QJsonObject forwarded(const QString& to, const QString& note)
{
    QJsonObject o{{QStringLiteral("to"), to}};
    putIfAny(o, "note", note);
    return o;
}

QJsonObject decided(const QString& outcome, const QString& decisionNumber)
{
    QJsonObject o{{QStringLiteral("outcome"), outcome}};
    putIfAny(o, "decisionNumber", decisionNumber);
    return o;
}

QJsonObject delivered(const QString& method, const QString& signer, const QString& carrier,
                      const QString& trackingNumber)
{
    QJsonObject o{{QStringLiteral("method"), method}};
    putIfAny(o, "signer", signer);
    putIfAny(o, "carrier", carrier);
    putIfAny(o, "trackingNumber", trackingNumber);
    return o;
}

QJsonObject supervised(const QString& toClerk, const QString& toWindow, const QString& note,
                       std::optional<QDate> due)
{
    QJsonObject o{{QStringLiteral("note"), note}};
    putIfAny(o, "toClerk", toClerk);
    putIfAny(o, "toWindow", toWindow);
    if (due)
        o.insert(QStringLiteral("dueDate"), due->toString(Qt::ISODate));
    return o;
}

QJsonObject supervisionAnswered(const QString& reply, int order)
{
    return QJsonObject{{QStringLiteral("reply"), reply}, {QStringLiteral("order"), order}};
}

QJsonObject note(const QString& text)
{
    return QJsonObject{{QStringLiteral("text"), text}};
}

QJsonObject rated(int level, const QString& comment)
{
    QJsonObject o{{QStringLiteral("level"), level}};
    putIfAny(o, "comment", comment);
    return o;
}

QJsonObject followedUp(const QString& result)
{
    return QJsonObject{{QStringLiteral("result"), result}};
}

QJsonObject documentPrinted(const QString& kind, const QString& number, int copies, bool reprint,
                            const QString& source, const QString& paper)
{
    QJsonObject o{{QStringLiteral("kind"), kind},
                  {QStringLiteral("number"), number},
                  {QStringLiteral("copies"), copies},
                  {QStringLiteral("reprint"), reprint}};
    putIfAny(o, "source", source);
    putIfAny(o, "paper", paper);
    return o;
}

QJsonObject documentPrintFailed(const QString& kind, const QString& number, bool reprint,
                                const QString& printed, const QString& reason)
{
    return QJsonObject{{QStringLiteral("kind"), kind},
                       {QStringLiteral("number"), number},
                       {QStringLiteral("reprint"), reprint},
                       {QStringLiteral("printed"), printed},
                       {QStringLiteral("reason"), reason}};
}

} // namespace payload

QList<MaterialCheck> checklistFor(const ServiceItem& item)
{
    QList<MaterialCheck> out;
    for (const Material& m : item.materials)
        out.append(MaterialCheck{m.code, m.name, MaterialState::Provided, QString(), m.copies,
                                 std::nullopt, QString(), QString(), QString()});
    return out;
}

Status checkPostalAddress(const QString& address)
{
    const QString a = address.trimmed();
    if (a.isEmpty())
        return Error{QStringLiteral("case.postal_address"),
                     QStringLiteral("选择邮寄送达的，请填写邮寄地址")};
    if (a.size() > kMaxPostalAddress)
        return Error{QStringLiteral("case.postal_address"),
                     QStringLiteral("邮寄地址不能超过 %1 个字").arg(kMaxPostalAddress)};
    for (const QChar c : a)
        if (c.category() == QChar::Other_Control)
            return Error{QStringLiteral("case.postal_address"),
                         QStringLiteral("邮寄地址含有控制字符，请重新填写")};
    return {};
}

QString materialStandard(const Material& m)
{
    QString out = QStringLiteral("提交%1%2份").arg(materialFormName(m.form)).arg(m.copies);
    switch (m.medium) {
    case MaterialMedium::Paper:
        out += QStringLiteral("（纸质）");
        break;
    case MaterialMedium::Electronic:
        out += QStringLiteral("（电子版）");
        break;
    case MaterialMedium::PaperOrElectronic:
        out += QStringLiteral("（纸质或电子版）");
        break;
    }
    if (m.requirement == Requirement::Conditional && !m.condition.trimmed().isEmpty())
        out += QStringLiteral("，适用情形：%1").arg(m.condition.trimmed());
    if (!m.sample.trimmed().isEmpty())
        out += QStringLiteral("，按%1填写").arg(m.sample.trimmed());
    return out;
}

QList<Correction> correctionsFor(const CaseState& state, const ServiceItem& item)
{
    QList<Correction> out;
    for (const MaterialCheck& check : state.materials) {
        if (check.state != MaterialState::Missing && check.state != MaterialState::Defective)
            continue;
        // The catalog's material this row is: by its code, or by its name for a row without one.
        const Material* def = nullptr;
        for (const Material& m : item.materials)
            if (!check.code.isEmpty() ? m.code == check.code : m.name == check.name) {
                def = &m;
                break;
            }
        if (def && def->requirement == Requirement::Optional)
            continue;
        // 行政许可法 Art. 32: the notice says everything to be corrected, in the clerk's own words
        // when they wrote any ("只带了复印件"); a missing one without words is 未提交.
        const QString problem = check.state == MaterialState::Missing && check.problem.isEmpty()
                                    ? QStringLiteral("未提交")
                                    : check.problem;
        // The standard the material must meet, from the catalog's requirements (form, count,
        // medium, condition, sample), never its common-mistakes text (issue 15).
        out.append(Correction{check.code, check.name, problem,
                              def ? materialStandard(*def) : QStringLiteral("按办事指南提交")});
    }
    return out;
}

QString ratingName(int level)
{
    switch (level) {
    case 5:
        return QStringLiteral("非常满意");
    case 4:
        return QStringLiteral("满意");
    case 3:
        return QStringLiteral("基本满意");
    case 2:
        return QStringLiteral("不满意");
    case 1:
        return QStringLiteral("非常不满意");
    default:
        return QString();
    }
}

} // namespace onewindow::core
