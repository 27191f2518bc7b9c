#include "core/CaseActions.h"

namespace onewindow::core {

std::optional<EventType> offeredActionByName(const QString& name)
{
    for (const EventSpec* spec : eventSpecs()) {
        const QString key = QString::fromUtf16(spec->key);
        if (spec->offered && (key == name || key.section(QLatin1Char('.'), 1) == name))
            return spec->type;
    }
    return std::nullopt;
}

Result<QJsonObject> formValuesFromText(EventType type, const QHash<QString, QString>& given,
                                       const CaseState& state)
{
    const EventSpec& spec = eventSpec(type);
    QJsonObject values;
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        bool known = false;
        for (const FormField& f : spec.form)
            known = known || it.key() == QLatin1String(f.key);
        if (!known)
            return Error{QStringLiteral("form.unknown_field"),
                         QStringLiteral("“%1”没有 --%2 这一项")
                             .arg(QString::fromUtf16(spec.name), it.key())};
    }
    for (const FormField& f : spec.form) {
        const QString key = QString::fromLatin1(f.key);
        const QString label = QStringLiteral("--") + key; // the form's label is the window's
        const bool has = given.contains(key);
        const QString text = given.value(key).trimmed();
        switch (f.kind) {
        case FormField::Kind::Number: {
            bool ok = true;
            const int n = has ? text.toInt(&ok) : f.initial;
            if (!ok || n < f.min || n > f.max)
                return Error{
                    QStringLiteral("form.bad_number"),
                    QStringLiteral("%1 须为 %2–%3 的整数").arg(label).arg(f.min).arg(f.max)};
            values.insert(key, n);
            break;
        }
        case FormField::Kind::Choice: {
            const auto options = f.options ? f.options() : QList<std::pair<QString, QString>>{};
            // A required choice is never made for the person (`case act … decided` without
            // --outcome must not grant): left empty, checkRequired names it.
            if (!has && f.required) {
                values.insert(key, QString());
                break;
            }
            QString chosen = has ? text : (options.isEmpty() ? QString() : options.first().first);
            QStringList keys;
            bool found = false;
            for (const auto& [value, shown] : options) {
                keys.append(value);
                if (value == chosen || shown == chosen) {
                    chosen = value;
                    found = true;
                }
            }
            if (!found)
                return Error{QStringLiteral("form.bad_choice"),
                             QStringLiteral("%1 须为以下之一：%2")
                                 .arg(label, keys.join(QStringLiteral("、")))};
            values.insert(key, chosen);
            break;
        }
        case FormField::Kind::Text:
            values.insert(key, has ? text : (f.initialText ? f.initialText(state) : QString()));
            break;
        }
    }
    return values;
}

} // namespace onewindow::core
