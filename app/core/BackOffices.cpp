#include "core/BackOffices.h"

#include <QJsonArray>

namespace onewindow::core {

namespace {

const QString kDepartments = QStringLiteral("departments");

} // namespace

QJsonObject backOfficesToJson(const QStringList& departments)
{
    return QJsonObject{{kDepartments, QJsonArray::fromStringList(departments)}};
}

Result<QStringList> backOfficesFromJson(const QJsonObject& body)
{
    const QJsonValue value = body.value(kDepartments);
    if (!value.isArray())
        return Error{QStringLiteral("backoffice.body"), QStringLiteral("后台科室记录缺少科室列表")};
    QStringList out;
    for (const QJsonValue& v : value.toArray()) {
        const QString name = v.toString();
        if (!v.isString() || !checkDepartmentName(name) || name != name.trimmed())
            return Error{QStringLiteral("backoffice.body"),
                         QStringLiteral("后台科室记录中有无效的科室名称")};
        if (out.contains(name))
            return Error{QStringLiteral("backoffice.body"),
                         QStringLiteral("后台科室记录中科室“%1”重复").arg(name)};
        out.append(name);
    }
    return out;
}

Status checkDepartmentName(const QString& name)
{
    const QString trimmed = name.trimmed();
    bool control = false;
    for (const QChar c : trimmed)
        control = control || c.category() == QChar::Other_Control;
    if (trimmed.isEmpty() || trimmed.size() > 100 || control)
        return Error{QStringLiteral("backoffice.name"),
                     QStringLiteral("后台科室名称须为 1–100 个字符，不含换行或控制字符")};
    return {};
}

Status checkForwardTo(const QString& to, const QStringList& known)
{
    if (known.contains(to))
        return {};
    if (known.isEmpty())
        return Error{QStringLiteral("forward.no_back_offices"),
                     QStringLiteral("本大厅尚未登记后台科室，无法移交：请管理员在大厅服务器上用 "
                                    "onewindow-server backoffice add 登记后再移交")};
    return Error{QStringLiteral("forward.unknown_back_office"),
                 QStringLiteral("“%1”不是本大厅的后台科室，请从以下科室中选择：%2")
                     .arg(to, known.join(QStringLiteral("、")))};
}

} // namespace onewindow::core
