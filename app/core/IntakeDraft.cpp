#include "core/IntakeDraft.h"

#include "core/Identifiers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow::core {

namespace {

constexpr int kFormat = 1;
constexpr int kLastStep = 4;

Error corrupt(const QString& why)
{
    return Error{QStringLiteral("draft.corrupt"),
                 QStringLiteral("上次未完成的收件草稿已损坏（%1），无法恢复，已清除。请重新收件。")
                     .arg(why)};
}

bool isText(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isUndefined() || v.isString();
}

} // namespace

QByteArray IntakeDraft::toJson() const
{
    QJsonArray materialArray;
    for (const MaterialCheck& m : materials)
        materialArray.append(m.toJson());
    QJsonObject o{{QStringLiteral("format"), kFormat},
                  {QStringLiteral("step"), step},
                  {QStringLiteral("itemQuery"), itemQuery},
                  {QStringLiteral("itemCode"), itemCode},
                  {QStringLiteral("itemName"), itemName},
                  {QStringLiteral("applicant"), applicant.toJson()},
                  {QStringLiteral("channel"), channel},
                  {QStringLiteral("materials"), materialArray},
                  {QStringLiteral("decision"), decision},
                  {QStringLiteral("refuseKind"), refuseKind},
                  {QStringLiteral("refuseReason"), refuseReason},
                  {QStringLiteral("office"), office}};
    if (!delivery.isEmpty())
        o.insert(QStringLiteral("delivery"), delivery);
    if (!postalAddress.isEmpty())
        o.insert(QStringLiteral("postalAddress"), postalAddress);
    if (confirmedOn.isValid())
        o.insert(QStringLiteral("confirmedOn"), confirmedOn.toString(Qt::ISODate));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<IntakeDraft> IntakeDraft::fromJson(const QByteArray& json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt(QStringLiteral("内容不是有效的数据"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toInt() != kFormat)
        return corrupt(QStringLiteral("格式版本不符"));
    for (const char* key :
         {"itemQuery", "itemCode", "itemName", "channel", "decision", "refuseKind", "refuseReason",
          "office", "confirmedOn", "delivery", "postalAddress"})
        if (!isText(o, key))
            return corrupt(QStringLiteral("字段 %1 有误").arg(QLatin1String(key)));
    IntakeDraft d;
    const QJsonValue step = o.value(QStringLiteral("step"));
    d.step = step.toInt(-1);
    if (!step.isDouble() || d.step < 0 || d.step > kLastStep)
        return corrupt(QStringLiteral("步骤无效"));
    d.itemQuery = o.value(QStringLiteral("itemQuery")).toString();
    d.itemCode = o.value(QStringLiteral("itemCode")).toString();
    d.itemName = o.value(QStringLiteral("itemName")).toString();
    if (d.itemCode.isEmpty())
        return corrupt(QStringLiteral("没有事项"));
    if (!o.value(QStringLiteral("applicant")).isObject())
        return corrupt(QStringLiteral("申请人信息缺失"));
    d.applicant = Applicant::fromJson(o.value(QStringLiteral("applicant")).toObject());
    d.channel = o.value(QStringLiteral("channel")).toString();
    if (!d.channel.isEmpty() && !channelFromKey(d.channel))
        return corrupt(QStringLiteral("收件渠道无效"));
    if (o.contains(QStringLiteral("confirmedOn"))) {
        d.confirmedOn =
            QDate::fromString(o.value(QStringLiteral("confirmedOn")).toString(), Qt::ISODate);
        if (!d.confirmedOn.isValid())
            return corrupt(QStringLiteral("日期无效"));
    }
    const QJsonValue materials = o.value(QStringLiteral("materials"));
    if (!materials.isUndefined() && !materials.isArray())
        return corrupt(QStringLiteral("材料清单有误"));
    for (const QJsonValue& v : materials.toArray()) {
        const QJsonObject m = v.toObject();
        if (!v.isObject() || !m.value(QStringLiteral("code")).isString() ||
            !materialStateFromKey(m.value(QStringLiteral("state")).toString()))
            return corrupt(QStringLiteral("材料清单有误"));
        d.materials.append(MaterialCheck::fromJson(m));
    }
    d.decision = o.value(QStringLiteral("decision")).toString();
    if (!QStringList{QString(), QStringLiteral("accept"), QStringLiteral("notice"),
                     QStringLiteral("refuse")}
             .contains(d.decision))
        return corrupt(QStringLiteral("决定类型无效"));
    d.refuseKind = o.value(QStringLiteral("refuseKind")).toString();
    d.refuseReason = o.value(QStringLiteral("refuseReason")).toString();
    d.office = o.value(QStringLiteral("office")).toString();
    d.delivery = o.value(QStringLiteral("delivery")).toString();
    d.postalAddress = o.value(QStringLiteral("postalAddress")).toString();
    return d;
}

QString IntakeDraft::summary() const
{
    const QString id = applicant.organisation ? applicant.uscc : applicant.idNumber;
    QString who = applicant.name.isEmpty() ? QStringLiteral("（未填写申请人）") : applicant.name;
    if (!id.isEmpty())
        who += QStringLiteral("（%1）").arg(maskIdNumber(id));
    return QStringLiteral("%1 · %2").arg(who, itemName.isEmpty() ? itemCode : itemName);
}

} // namespace onewindow::core
