#include "core/MatterIntakeDraft.h"

#include "core/Identifiers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow::core {

namespace {

constexpr int kFormat = 1;

Error corrupt()
{
    return Error{QStringLiteral("draft.corrupt"),
                 QStringLiteral("未完成的一件事收件草稿已损坏，无法继续，请重新收件")};
}

} // namespace

QByteArray MatterIntakeDraft::toJson() const
{
    QJsonObject answered;
    for (auto it = answers.begin(); it != answers.end(); ++it)
        answered.insert(it.key(), it.value());
    QJsonArray rows;
    for (const MaterialCheck& c : checks)
        rows.append(c.toJson());
    const QJsonObject o{{QStringLiteral("format"), kFormat},
                        {QStringLiteral("step"), step},
                        {QStringLiteral("matterCode"), matterCode},
                        {QStringLiteral("matterName"), matterName},
                        {QStringLiteral("joinCaseId"), joinCaseId},
                        {QStringLiteral("answers"), answered},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("idNumber"), idNumber},
                        {QStringLiteral("phone"), phone},
                        {QStringLiteral("checks"), rows},
                        {QStringLiteral("retakeReason"), retakeReason},
                        {QStringLiteral("decisions"), QJsonArray::fromStringList(decisions)},
                        {QStringLiteral("refuseReason"), refuseReason}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<MatterIntakeDraft> MatterIntakeDraft::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt();
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toInt() != kFormat ||
        !o.value(QStringLiteral("step")).isDouble() ||
        !o.value(QStringLiteral("matterCode")).isString() ||
        !o.value(QStringLiteral("answers")).isObject() ||
        !o.value(QStringLiteral("checks")).isArray() ||
        !o.value(QStringLiteral("decisions")).isArray())
        return corrupt();
    MatterIntakeDraft d;
    d.step = o.value(QStringLiteral("step")).toInt();
    if (d.step < 0 || d.step > 4)
        return corrupt();
    const auto text = [&](const char* key) { return o.value(QLatin1String(key)).toString(); };
    d.matterCode = text("matterCode");
    d.matterName = text("matterName");
    d.joinCaseId = text("joinCaseId");
    const QJsonObject answered = o.value(QStringLiteral("answers")).toObject();
    for (auto it = answered.begin(); it != answered.end(); ++it) {
        if (!it.value().isBool())
            return corrupt();
        d.answers.insert(it.key(), it.value().toBool());
    }
    d.name = text("name");
    d.idNumber = text("idNumber");
    d.phone = text("phone");
    for (const QJsonValue& v : o.value(QStringLiteral("checks")).toArray()) {
        if (!v.isObject())
            return corrupt();
        const QJsonObject row = v.toObject();
        if (!materialStateFromKey(row.value(QStringLiteral("state")).toString()))
            return corrupt();
        d.checks.append(MaterialCheck::fromJson(row));
    }
    d.retakeReason = text("retakeReason");
    for (const QJsonValue& v : o.value(QStringLiteral("decisions")).toArray()) {
        const QString key = v.toString();
        if (key != QStringLiteral("accept") && key != QStringLiteral("notice") &&
            key != QStringLiteral("refuse"))
            return corrupt();
        d.decisions.append(key);
    }
    d.refuseReason = text("refuseReason");
    return d;
}

QString MatterIntakeDraft::summary() const
{
    const QString who =
        name.trimmed().isEmpty() ? QStringLiteral("（未填申请人）") : name.trimmed();
    const QString id = idNumber.trimmed().isEmpty()
                           ? QString()
                           : QStringLiteral("（%1）").arg(maskIdNumber(idNumber.trimmed()));
    return QStringLiteral("%1%2 · %3").arg(who, id, matterName);
}

} // namespace onewindow::core
