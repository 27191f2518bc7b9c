#include "core/MatterCase.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace onewindow::core {

namespace {

const QString kMatterSuffix = QStringLiteral("-J");

// Required above conditional above optional: a shared paper is as required as its most demanding
// item asks.
int strength(Requirement r)
{
    switch (r) {
    case Requirement::Required:
        return 2;
    case Requirement::Conditional:
        return 1;
    case Requirement::Optional:
        return 0;
    }
    return 0;
}

void addToRow(ChecklistRow& row, const ServiceItem& item, const Material& m)
{
    if (row.materialCodes.isEmpty()) {
        row.form = m.form;
        row.requirement = m.requirement;
        row.condition = m.condition;
    } else if (strength(m.requirement) > strength(row.requirement)) {
        row.requirement = m.requirement;
        row.condition = m.requirement == Requirement::Conditional ? m.condition : QString();
    }
    row.materialCodes.append(m.code);
    row.itemCodes.append(item.code);
    row.itemNames.append(item.name);
    row.copies = std::max(row.copies, m.copies);
}

} // namespace

QString matterNumber(const CaseNumber& firstPart)
{
    return firstPart.text() + kMatterSuffix;
}

Result<CaseNumber> parseMatterNumber(const QString& text)
{
    const Error bad{QStringLiteral("matter.bad_number"),
                    QStringLiteral("一件事编号“%1”格式不对，应为首个办件编号加 -J，如 "
                                   "620102-20261206-W07-0042-J")
                        .arg(text)};
    if (!text.endsWith(kMatterSuffix))
        return bad;
    Result<CaseNumber> first = CaseNumber::parse(text.chopped(kMatterSuffix.size()));
    if (!first)
        return bad;
    return first;
}

Status checkMatterLink(const QJsonValue& value)
{
    const QJsonObject o = value.toObject();
    const QJsonValue version = o.value(QStringLiteral("version"));
    if (!value.isObject() || !isMatterCode(o.value(QStringLiteral("code")).toString()) ||
        !version.isDouble() || version.toDouble() < 1 ||
        version.toDouble() != static_cast<double>(version.toInt()))
        return Error{QStringLiteral("case.matter"),
                     QStringLiteral("办件所属的一件事记录不完整（应有一件事编码、版本和编号）")};
    if (Result<CaseNumber> n = parseMatterNumber(o.value(QStringLiteral("number")).toString()); !n)
        return Error{QStringLiteral("case.matter"), n.error().message};
    return {};
}

std::optional<MatterLink> matterLinkFrom(const QJsonValue& value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    return MatterLink{o.value(QStringLiteral("code")).toString(),
                      o.value(QStringLiteral("version")).toInt(),
                      o.value(QStringLiteral("number")).toString()};
}

QList<ChecklistRow> mergedChecklist(const Matter& matter, const QHash<QString, Matter>& matters,
                                    const QList<ServiceItem>& parts)
{
    QHash<QString, const ServiceItem*> applying;
    for (const ServiceItem& item : parts)
        applying.insert(item.code, &item);
    // Which shared row each material code belongs to, for the shared papers whose items apply.
    QList<ChecklistRow> rows;
    QHash<QString, qsizetype> sharedRowOf;
    for (const SharedMaterial& s : allSharedMaterials(matter, matters)) {
        ChecklistRow row;
        row.name = s.name;
        row.shared = true;
        QStringList codes;
        for (const QString& code : s.materials)
            if (applying.contains(itemCodeOfMaterial(code)) && !sharedRowOf.contains(code))
                codes.append(code);
        if (codes.isEmpty())
            continue;
        rows.append(row);
        for (const QString& code : codes)
            sharedRowOf.insert(code, rows.size() - 1);
    }
    // Shared rows first, in the matter's order, each filled in the parts' order; then every
    // item's own materials in its own order.
    QList<ChecklistRow> own;
    for (const ServiceItem& item : parts)
        for (const Material& m : item.materials) {
            if (const auto at = sharedRowOf.constFind(m.code); at != sharedRowOf.cend()) {
                addToRow(rows[*at], item, m);
                continue;
            }
            ChecklistRow row;
            row.name = m.name;
            addToRow(row, item, m);
            own.append(row);
        }
    // A shared code its item does not list (references unchecked) leaves no empty row.
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [](const ChecklistRow& r) { return r.materialCodes.isEmpty(); }),
               rows.end());
    return rows + own;
}

QString heldByJoinedCase(const Matter& matter, const QHash<QString, Matter>& matters,
                         const CaseState& joined, const QString& materialCode)
{
    if (!joined.timeline.accepted)
        return {};
    for (const SharedMaterial& s : allSharedMaterials(matter, matters)) {
        if (!s.materials.contains(materialCode))
            continue;
        for (const MaterialCheck& m : joined.materials)
            if (m.state == MaterialState::Provided && s.materials.contains(m.code) &&
                itemCodeOfMaterial(m.code) == joined.itemCode)
                return joined.caseNumber;
    }
    return {};
}

void markHeldByJoinedCase(QList<ChecklistRow>& rows, const Matter& matter,
                          const QHash<QString, Matter>& matters, const CaseState& joined)
{
    for (ChecklistRow& row : rows) {
        if (!row.shared)
            continue;
        // A shared row stands for one shared material: held when every code in it is.
        bool held = !row.materialCodes.isEmpty();
        for (const QString& code : row.materialCodes)
            held = held && !heldByJoinedCase(matter, matters, joined, code).isEmpty();
        row.heldBy = held ? joined.caseNumber : QString();
    }
}

QList<MaterialCheck> partMaterials(const QList<ChecklistRow>& rows,
                                   const QList<MaterialCheck>& checks, const ServiceItem& item)
{
    QList<MaterialCheck> out;
    for (const Material& m : item.materials)
        for (qsizetype r = 0; r < rows.size() && r < checks.size(); ++r) {
            if (!rows.at(r).materialCodes.contains(m.code))
                continue;
            MaterialCheck check = checks.at(r);
            check.code = m.code;
            check.name = m.name;
            check.copies = m.copies;
            // A paper the matter needs because of another item may not concern this one: a
            // material this item does not require stays 不适用 rather than 缺.
            if (check.state == MaterialState::Missing && m.requirement == Requirement::Optional)
                check.state = MaterialState::NotApplicable;
            out.append(check);
            break;
        }
    return out;
}

QList<MergedCorrection> mergedNotice(const Matter& matter, const QHash<QString, Matter>& matters,
                                     const QList<MatterPartCase>& parts)
{
    QHash<QString, QString> sharedNameOf; // material code -> the shared paper's name
    for (const SharedMaterial& s : allSharedMaterials(matter, matters))
        for (const QString& code : s.materials)
            sharedNameOf.insert(code, s.name);
    // Shared papers first, as the merged checklist lists them, then each part's own.
    QList<MergedCorrection> shared;
    QList<MergedCorrection> own;
    QHash<QString, qsizetype> rowOfShared;
    for (const MatterPartCase& part : parts) {
        const CaseState& s = part.state;
        if (s.status != CaseStatus::AwaitingCorrection || s.notices.isEmpty())
            continue;
        for (const Correction& c : s.notices.last().corrections) {
            const auto sharedName = sharedNameOf.constFind(c.materialCode);
            if (sharedName == sharedNameOf.cend()) {
                own.append(MergedCorrection{
                    c.materialName, c.problem, c.requirement, {part.item.name}, {s.caseNumber}});
                continue;
            }
            if (const auto at = rowOfShared.constFind(*sharedName); at != rowOfShared.cend()) {
                shared[*at].itemNames.append(part.item.name);
                shared[*at].caseNumbers.append(s.caseNumber);
                continue;
            }
            shared.append(MergedCorrection{
                *sharedName, c.problem, c.requirement, {part.item.name}, {s.caseNumber}});
            rowOfShared.insert(*sharedName, shared.size() - 1);
        }
    }
    return shared + own;
}

std::optional<QDate> partFinishedOn(const CaseState& part)
{
    const CaseTimeline& t = part.timeline;
    if (t.decided)
        return t.decided;
    if (t.refused)
        return t.refused;
    if (t.closedWithoutDecision)
        return t.closedWithoutDecision;
    return std::nullopt;
}

Result<MatterProgress> matterProgress(const WorkingCalendar& calendar, int promisedDays,
                                      const QList<CaseState>& parts, const QDate& asOf)
{
    if (parts.isEmpty())
        return Error{QStringLiteral("matter.no_parts"), QStringLiteral("该一件事没有任何办件")};
    MatterProgress p;
    p.parts = static_cast<int>(parts.size());
    p.received = QDate();
    QDate last;
    for (const CaseState& part : parts) {
        // A case taken in alone counts for the matter from the day it joined it: the hall's
        // promise for the matter runs from the matter's intake, not from the earlier case's.
        const QDate counted = part.matterJoinedOn.value_or(part.timeline.received);
        if (counted.isValid() && (!p.received.isValid() || counted < p.received))
            p.received = counted;
        if (const std::optional<QDate> finished = partFinishedOn(part)) {
            ++p.finished;
            last = std::max(last, *finished);
        }
    }
    // 一件事: the matter is done when its last part is.
    p.done = p.finished == p.parts;
    if (p.done)
        p.doneOn = last;
    // The hall's promise for the whole matter, in working days from receipt (行政许可法 Art. 82).
    ClockInput input;
    input.trigger = p.received;
    input.limit = promisedDays;
    input.stopped = p.doneOn;
    input.unit = DayUnit::WorkingDays;
    Result<ClockResult> clock = computeClock(calendar, input, asOf);
    if (!clock)
        return clock.error();
    p.clock = *clock;
    return p;
}

} // namespace onewindow::core
