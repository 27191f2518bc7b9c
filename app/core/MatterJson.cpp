#include "core/MatterJson.h"

#include <QJsonArray>
#include <QSet>

namespace onewindow::core {

namespace {

// Reads the fields of one object of a matter, recording each type problem with the matter's code
// and the field; a field it was not asked for is refused (a typo must not be ignored silently).
class Fields
{
public:
    Fields(const QJsonObject& object, QString code, QString prefix, QList<Error>& errors)
        : m_object(object), m_code(std::move(code)), m_prefix(std::move(prefix)), m_errors(errors)
    {}

    void fail(const QString& field, const QString& problem)
    {
        m_errors.append(
            Error{QStringLiteral("catalog.field"),
                  QStringLiteral("一件事 %1：%2%3：%4").arg(m_code, m_prefix, field, problem)});
    }

    QJsonValue take(const char* field)
    {
        const QString name = QString::fromLatin1(field);
        m_seen.insert(name);
        return m_object.value(name);
    }

    QString text(const char* field, bool required = true)
    {
        const QJsonValue v = take(field);
        if (v.isUndefined()) {
            if (required)
                fail(QString::fromLatin1(field), QStringLiteral("缺少此项"));
            return {};
        }
        if (!v.isString()) {
            fail(QString::fromLatin1(field), QStringLiteral("应为文字"));
            return {};
        }
        return v.toString();
    }

    int integer(const char* field)
    {
        const QJsonValue v = take(field);
        const double d = v.toDouble();
        if (!v.isDouble() || d < -1e6 || d > 1e6 || d != static_cast<double>(static_cast<int>(d))) {
            fail(QString::fromLatin1(field),
                 v.isUndefined() ? QStringLiteral("缺少此项") : QStringLiteral("应为整数"));
            return 0;
        }
        return static_cast<int>(d);
    }

    QJsonArray array(const char* field, bool required = true)
    {
        const QJsonValue v = take(field);
        if (v.isUndefined() && !required)
            return {};
        if (!v.isArray()) {
            fail(QString::fromLatin1(field),
                 v.isUndefined() ? QStringLiteral("缺少此项") : QStringLiteral("应为数组"));
            return {};
        }
        return v.toArray();
    }

    void rejectUnknown()
    {
        for (const QString& key : m_object.keys())
            if (!m_seen.contains(key))
                fail(key, QStringLiteral("未知字段"));
    }

private:
    const QJsonObject& m_object;
    QString m_code;
    QString m_prefix;
    QList<Error>& m_errors;
    QSet<QString> m_seen;
};

// Each element of `array` as an object, or a problem named after its place.
template <typename F>
void eachObject(const QJsonArray& array, const QString& code, const QString& field,
                QList<Error>& errors, F read)
{
    for (int i = 0; i < array.size(); ++i) {
        const QString prefix = QStringLiteral("%1[%2].").arg(field).arg(i);
        if (!array.at(i).isObject()) {
            Fields(QJsonObject(), code, prefix, errors).fail(QString(), QStringLiteral("应为对象"));
            continue;
        }
        read(array.at(i).toObject(), prefix);
    }
}

} // namespace

Matter matterFromJson(const QJsonObject& object, QList<Error>& errors)
{
    const QString code = object.value(QStringLiteral("code")).toString();
    Fields f(object, code, QString(), errors);
    Matter m;
    m.code = f.text("code");
    m.name = f.text("name");
    m.promisedDays = f.integer("promisedDays");
    m.description = f.text("description", false);
    eachObject(f.array("questions", false), code, QStringLiteral("questions"), errors,
               [&](const QJsonObject& o, const QString& prefix) {
                   Fields q(o, code, prefix, errors);
                   m.questions.append(MatterQuestion{q.text("key"), q.text("text")});
                   q.rejectUnknown();
               });
    eachObject(f.array("parts"), code, QStringLiteral("parts"), errors,
               [&](const QJsonObject& o, const QString& prefix) {
                   Fields p(o, code, prefix, errors);
                   MatterPart part;
                   part.item = p.text("item", false);
                   part.matter = p.text("matter", false);
                   const QJsonValue when = p.take("when");
                   if (!when.isUndefined() && !when.isObject())
                       p.fail(QStringLiteral("when"),
                              QStringLiteral("应为对象（问题键: true 或 false）"));
                   const QJsonObject conditions = when.toObject();
                   for (auto it = conditions.begin(); it != conditions.end(); ++it) {
                       if (!it.value().isBool())
                           p.fail(QStringLiteral("when.") + it.key(),
                                  QStringLiteral("应为 true 或 false"));
                       else
                           part.when.insert(it.key(), it.value().toBool());
                   }
                   m.parts.append(part);
                   p.rejectUnknown();
               });
    eachObject(f.array("shared", false), code, QStringLiteral("shared"), errors,
               [&](const QJsonObject& o, const QString& prefix) {
                   Fields s(o, code, prefix, errors);
                   SharedMaterial shared;
                   shared.name = s.text("name");
                   const QJsonArray codes = s.array("materials");
                   for (int i = 0; i < codes.size(); ++i) {
                       if (!codes.at(i).isString())
                           s.fail(QStringLiteral("materials[%1]").arg(i),
                                  QStringLiteral("应为材料编码文字"));
                       else
                           shared.materials.append(codes.at(i).toString());
                   }
                   m.shared.append(shared);
                   s.rejectUnknown();
               });
    f.rejectUnknown();
    return m;
}

QJsonObject matterToJson(const Matter& m)
{
    QJsonArray questions;
    for (const MatterQuestion& q : m.questions)
        questions.append(
            QJsonObject{{QStringLiteral("key"), q.key}, {QStringLiteral("text"), q.text}});
    QJsonArray parts;
    for (const MatterPart& p : m.parts) {
        QJsonObject o;
        if (!p.item.isEmpty())
            o.insert(QStringLiteral("item"), p.item);
        if (!p.matter.isEmpty())
            o.insert(QStringLiteral("matter"), p.matter);
        if (!p.when.isEmpty()) {
            QJsonObject when;
            for (auto it = p.when.cbegin(); it != p.when.cend(); ++it)
                when.insert(it.key(), it.value());
            o.insert(QStringLiteral("when"), when);
        }
        parts.append(o);
    }
    QJsonArray shared;
    for (const SharedMaterial& s : m.shared)
        shared.append(
            QJsonObject{{QStringLiteral("name"), s.name},
                        {QStringLiteral("materials"), QJsonArray::fromStringList(s.materials)}});
    QJsonObject o{{QStringLiteral("code"), m.code},
                  {QStringLiteral("name"), m.name},
                  {QStringLiteral("promisedDays"), m.promisedDays},
                  {QStringLiteral("parts"), parts}};
    if (!m.description.isEmpty())
        o.insert(QStringLiteral("description"), m.description);
    if (!questions.isEmpty())
        o.insert(QStringLiteral("questions"), questions);
    if (!shared.isEmpty())
        o.insert(QStringLiteral("shared"), shared);
    return o;
}

} // namespace onewindow::core
