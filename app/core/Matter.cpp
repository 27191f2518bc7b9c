#include "core/Matter.h"

#include <QRegularExpression>
#include <QSet>

namespace onewindow::core {

namespace {

class MatterErrors
{
public:
    explicit MatterErrors(const QString& code)
        : m_code(code.isEmpty() ? QStringLiteral("（无编码）") : code)
    {}
    void add(const char* code, const QString& field, const QString& problem)
    {
        m_errors.append(Error{QString::fromLatin1(code),
                              QStringLiteral("一件事 %1：%2：%3").arg(m_code, field, problem)});
    }
    QList<Error> m_errors;

private:
    QString m_code;
};

bool blank(const QString& s)
{
    return s.trimmed().isEmpty();
}

constexpr int kItemCodeLength = 31;
constexpr int kMaterialCodeLength = 34;

// Walks the parts depth first, each matter once along a path (the references were checked, so a
// cycle cannot occur; `path` guards anyway so damaged data never recurses forever).
void collectItems(const Matter& matter, const QHash<QString, Matter>& matters,
                  const MatterAnswers* answers, QStringList& out, QSet<QString>& path)
{
    if (path.contains(matter.code))
        return;
    path.insert(matter.code);
    for (const MatterPart& part : matter.parts) {
        if (answers) {
            bool applies = true;
            for (auto it = part.when.cbegin(); it != part.when.cend(); ++it)
                if (answers->value(it.key(), !it.value()) != it.value())
                    applies = false;
            if (!applies)
                continue;
        }
        if (!part.item.isEmpty()) {
            if (!out.contains(part.item))
                out.append(part.item);
        } else if (const auto sub = matters.constFind(part.matter); sub != matters.cend()) {
            collectItems(*sub, matters, answers, out, path);
        }
    }
    path.remove(matter.code);
}

// The cycle through `code`, if any, as "A → B → A".
std::optional<QString> cycleFrom(const QString& code, const QHash<QString, Matter>& matters,
                                 QStringList& path)
{
    if (path.contains(code))
        return (path.mid(path.indexOf(code)) << code).join(QStringLiteral(" → "));
    const auto it = matters.constFind(code);
    if (it == matters.cend())
        return std::nullopt;
    path.append(code);
    for (const MatterPart& part : it->parts)
        if (!part.matter.isEmpty())
            if (auto cycle = cycleFrom(part.matter, matters, path))
                return cycle;
    path.removeLast();
    return std::nullopt;
}

} // namespace

bool isMatterCode(const QString& code)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9][A-Z0-9-]{1,31}\\z"));
    return pattern.match(code).hasMatch();
}

QString itemCodeOfMaterial(const QString& materialCode)
{
    return materialCode.left(kItemCodeLength);
}

QList<Error> validateMatter(const Matter& m)
{
    MatterErrors e(m.code);
    if (!isMatterCode(m.code))
        e.add("matter.code", QStringLiteral("code"),
              QStringLiteral("编码应为 2–32 位大写字母、数字或连字符，如 KBQY"));
    if (blank(m.name))
        e.add("matter.name", QStringLiteral("name"), QStringLiteral("名称不能为空"));
    if (m.promisedDays < 0 || m.promisedDays > ServiceItem::kMaxLimitDays)
        e.add("matter.promised_days", QStringLiteral("promisedDays"),
              QStringLiteral("承诺时限应为 0–%1 个工作日").arg(ServiceItem::kMaxLimitDays));
    static const QRegularExpression keyPattern(QStringLiteral("^[a-z][a-z0-9_]{0,31}\\z"));
    QSet<QString> keys;
    for (int i = 0; i < m.questions.size(); ++i) {
        const MatterQuestion& q = m.questions.at(i);
        const QString field = QStringLiteral("questions[%1]").arg(i);
        if (!keyPattern.match(q.key).hasMatch())
            e.add("matter.question_key", field + QStringLiteral(".key"),
                  QStringLiteral("“%1”不是有效的问题键（小写字母开头，字母、数字、下划线）")
                      .arg(q.key));
        else if (keys.contains(q.key))
            e.add("matter.question_key", field + QStringLiteral(".key"),
                  QStringLiteral("问题键“%1”出现了两次").arg(q.key));
        keys.insert(q.key);
        if (blank(q.text))
            e.add("matter.question_text", field + QStringLiteral(".text"),
                  QStringLiteral("问题不能为空"));
    }
    if (m.parts.size() < 2)
        e.add("matter.parts", QStringLiteral("parts"), QStringLiteral("一件事至少要联办两个事项"));
    for (int i = 0; i < m.parts.size(); ++i) {
        const MatterPart& p = m.parts.at(i);
        const QString field = QStringLiteral("parts[%1]").arg(i);
        if (p.item.isEmpty() == p.matter.isEmpty())
            e.add("matter.part", field,
                  QStringLiteral(
                      "每一部分应恰好给出 item（事项实施编码）或 matter（一件事编码）之一"));
        else if (!p.item.isEmpty() && p.item.size() != kItemCodeLength)
            e.add("matter.part", field + QStringLiteral(".item"),
                  QStringLiteral("“%1”不是 31 位实施编码").arg(p.item));
        for (auto it = p.when.cbegin(); it != p.when.cend(); ++it)
            if (!keys.contains(it.key()))
                e.add("matter.condition", field + QStringLiteral(".when"),
                      QStringLiteral("条件所用的问题“%1”不在 questions 中").arg(it.key()));
    }
    for (int i = 0; i < m.shared.size(); ++i) {
        const SharedMaterial& s = m.shared.at(i);
        const QString field = QStringLiteral("shared[%1]").arg(i);
        if (blank(s.name))
            e.add("matter.shared_name", field + QStringLiteral(".name"),
                  QStringLiteral("共用材料名称不能为空"));
        QSet<QString> items;
        for (const QString& code : s.materials) {
            if (code.size() != kMaterialCodeLength)
                e.add("matter.shared_material", field + QStringLiteral(".materials"),
                      QStringLiteral("“%1”不是 34 位材料编码").arg(code));
            else if (items.contains(itemCodeOfMaterial(code)))
                e.add("matter.shared_material", field + QStringLiteral(".materials"),
                      QStringLiteral("同一事项的两项材料不能合并为共用材料（%1）").arg(code));
            items.insert(itemCodeOfMaterial(code));
        }
        if (s.materials.size() < 2)
            e.add("matter.shared_material", field + QStringLiteral(".materials"),
                  QStringLiteral("共用材料至少由两个事项共用"));
    }
    return e.m_errors;
}

QList<Error> checkMatterReferences(const QList<Matter>& matters,
                                   const QHash<QString, ServiceItem>& items)
{
    QList<Error> out;
    QHash<QString, Matter> byCode;
    for (const Matter& m : matters) {
        if (byCode.contains(m.code))
            out.append(Error{QStringLiteral("matter.duplicate_code"),
                             QStringLiteral("一件事 %1：code：编码出现了两次").arg(m.code)});
        byCode.insert(m.code, m);
    }
    QSet<QString> inCycle;
    for (const Matter& m : matters) {
        MatterErrors e(m.code);
        for (int i = 0; i < m.parts.size(); ++i) {
            const MatterPart& p = m.parts.at(i);
            const QString field = QStringLiteral("parts[%1]").arg(i);
            if (!p.item.isEmpty() && !items.contains(p.item))
                e.add("matter.unknown_item", field + QStringLiteral(".item"),
                      QStringLiteral("事项目录中没有实施编码为 %1 的事项").arg(p.item));
            if (!p.matter.isEmpty() && !byCode.contains(p.matter))
                e.add("matter.unknown_matter", field + QStringLiteral(".matter"),
                      QStringLiteral("没有编码为 %1 的一件事").arg(p.matter));
        }
        QStringList path;
        if (!inCycle.contains(m.code))
            if (const auto cycle = cycleFrom(m.code, byCode, path)) {
                e.add("matter.cycle", QStringLiteral("parts"),
                      QStringLiteral("一件事不能包含自身：%1").arg(*cycle));
                for (const QString& c : cycle->split(QStringLiteral(" → ")))
                    inCycle.insert(c);
            }
        if (e.m_errors.isEmpty()) {
            // Every item the matter may join, whatever the answers.
            QStringList parts;
            QSet<QString> walking;
            collectItems(m, byCode, nullptr, parts, walking);
            for (int i = 0; i < m.shared.size(); ++i)
                for (const QString& code : m.shared.at(i).materials) {
                    const QString field = QStringLiteral("shared[%1].materials").arg(i);
                    const QString itemCode = itemCodeOfMaterial(code);
                    if (!parts.contains(itemCode)) {
                        e.add("matter.shared_not_part", field,
                              QStringLiteral("材料 %1 所属的事项不是本一件事的一部分").arg(code));
                        continue;
                    }
                    const ServiceItem& item = items.value(itemCode);
                    const bool found =
                        std::any_of(item.materials.cbegin(), item.materials.cend(),
                                    [&](const Material& mat) { return mat.code == code; });
                    if (!found)
                        e.add("matter.shared_missing", field,
                              QStringLiteral("事项“%1”没有材料 %2").arg(item.name, code));
                }
        }
        out.append(e.m_errors);
    }
    return out;
}

QList<MatterQuestion> matterQuestions(const Matter& matter, const QHash<QString, Matter>& matters)
{
    QList<MatterQuestion> out;
    QSet<QString> keys;
    QList<const Matter*> queue{&matter};
    QSet<QString> visited;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const Matter* m = queue.at(i);
        if (visited.contains(m->code))
            continue;
        visited.insert(m->code);
        for (const MatterQuestion& q : m->questions)
            if (!keys.contains(q.key)) {
                keys.insert(q.key);
                out.append(q);
            }
        for (const MatterPart& p : m->parts)
            if (const auto sub = matters.constFind(p.matter); sub != matters.cend())
                queue.append(&*sub);
    }
    return out;
}

Status checkAnswers(const Matter& matter, const QHash<QString, Matter>& matters,
                    const MatterAnswers& answers)
{
    for (const MatterQuestion& q : matterQuestions(matter, matters))
        if (!answers.contains(q.key))
            return Error{QStringLiteral("matter.unanswered"),
                         QStringLiteral("请先回答：%1").arg(q.text)};
    return {};
}

QStringList applicableItems(const Matter& matter, const QHash<QString, Matter>& matters,
                            const MatterAnswers& answers)
{
    QStringList out;
    QSet<QString> path;
    collectItems(matter, matters, &answers, out, path);
    return out;
}

QList<SharedMaterial> allSharedMaterials(const Matter& matter,
                                         const QHash<QString, Matter>& matters)
{
    QList<SharedMaterial> out;
    QList<const Matter*> queue{&matter};
    QSet<QString> visited;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const Matter* m = queue.at(i);
        if (visited.contains(m->code))
            continue;
        visited.insert(m->code);
        out.append(m->shared);
        for (const MatterPart& p : m->parts)
            if (const auto sub = matters.constFind(p.matter); sub != matters.cend())
                queue.append(&*sub);
    }
    return out;
}

} // namespace onewindow::core
