// MatterIntakeDialog: the merged checklist, the decision per item and the recording of them all.
#include "ui/MatterIntakeDialog.h"

#include "core/CasePayloads.h"
#include "store/CaseStore.h"

#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <algorithm>

namespace onewindow::ui {

namespace {

using core::MaterialState;

QTableWidgetItem* cell(const QString& text)
{
    return new QTableWidgetItem(text);
}

bool isShort(MaterialState s)
{
    return s == MaterialState::Missing || s == MaterialState::Defective;
}

} // namespace

void MatterIntakeDialog::fillChecklist()
{
    m_rows = core::mergedChecklist(m_matter, m_allMatters, m_parts);
    // Started from a case: the shared papers its acceptance holds are not asked for again.
    if (m_joinState)
        core::markHeldByJoinedCase(m_rows, m_matter, m_allMatters, *m_joinState);
    m_checks.clear();
    m_retakeReason->clear();
    m_retakeReason->setVisible(false);
    m_checkTable->setRowCount(static_cast<int>(m_rows.size()));
    for (int r = 0; r < m_rows.size(); ++r) {
        const core::ChecklistRow& row = m_rows.at(r);
        core::MaterialCheck check;
        check.code = row.materialCodes.first();
        check.name = row.name;
        check.copies = row.copies;
        // Every required paper is looked at before the decision; the others start 不适用.
        check.state = row.requirement == core::Requirement::Required ? MaterialState::Unchecked
                                                                     : MaterialState::NotApplicable;
        if (!row.heldBy.isEmpty()) {
            check.state = MaterialState::Provided;
            check.heldBy = row.heldBy;
        }
        m_checks.append(check);
        m_checkTable->setItem(r, 0, cell(row.name));
        m_checkTable->setItem(r, 3, cell(row.itemNames.join(QStringLiteral("、"))));
        QString requirement = core::requirementName(row.requirement);
        if (!row.condition.isEmpty())
            requirement += QStringLiteral("（%1）").arg(row.condition);
        m_checkTable->setItem(r, 2, cell(requirement));
        paintRow(r);
    }
    m_checkTable->resizeColumnsToContents();
}

void MatterIntakeDialog::paintRow(int row)
{
    const core::MaterialCheck& check = m_checks.at(row);
    QString text = core::materialStateName(check.state);
    if (!check.heldBy.isEmpty())
        text = tr("Held by case %1 (not asked again)").arg(check.heldBy);
    else if (!check.retakenFrom.isEmpty())
        text = tr("%1 (taken again; case %2 held it)").arg(text, check.retakenFrom);
    m_checkTable->setItem(row, 1, cell(text));
}

void MatterIntakeDialog::retakeRow(int row)
{
    if (row < 0 || row >= m_checks.size())
        return;
    core::MaterialCheck& check = m_checks[row];
    const QString heldBy = m_rows.at(row).heldBy;
    if (heldBy.isEmpty())
        return; // only a paper the joined case holds is taken "again"
    if (check.retakenFrom.isEmpty()) {
        check.heldBy.clear();
        check.retakenFrom = heldBy;
        check.state = MaterialState::Unchecked; // looked at like any other paper
        m_retakeReason->setVisible(true);
        m_retakeReason->setFocus();
    } else {
        check.retakenFrom.clear();
        check.heldBy = heldBy;
        check.state = MaterialState::Provided;
        m_retakeReason->setVisible(
            std::any_of(m_checks.cbegin(), m_checks.cend(),
                        [](const auto& c) { return !c.retakenFrom.isEmpty(); }));
    }
    paintRow(row);
}

void MatterIntakeDialog::cycleRow(int row)
{
    if (row < 0 || row >= m_checks.size())
        return;
    if (!m_checks.at(row).heldBy.isEmpty()) // the joined case's acceptance holds it
        return;
    const bool required = m_rows.at(row).requirement == core::Requirement::Required;
    MaterialState& s = m_checks[row].state;
    // 已提交 → 缺 → 不适用 (not for a required paper) → 已提交.
    if (s == MaterialState::Provided)
        s = MaterialState::Missing;
    else if (s == MaterialState::Missing && !required)
        s = MaterialState::NotApplicable;
    else
        s = MaterialState::Provided;
    paintRow(row);
}

void MatterIntakeDialog::markRemainingProvided()
{
    for (int r = 0; r < m_checks.size(); ++r)
        if (m_checks.at(r).state == MaterialState::Unchecked) {
            m_checks[r].state = MaterialState::Provided;
            paintRow(r);
        }
}

bool MatterIntakeDialog::validateChecklist()
{
    const QString reason = m_retakeReason->text().trimmed();
    bool reasonMissing = false;
    for (core::MaterialCheck& c : m_checks) {
        if (c.state == MaterialState::Unchecked)
            m_problems.append(
                tr("Check “%1” first (Space, or F9 once the papers are looked at).").arg(c.name));
        if (!c.retakenFrom.isEmpty()) {
            reasonMissing = reasonMissing || reason.isEmpty();
            if (reason.isEmpty())
                m_problems.append(tr("Say why “%1” is taken again though case %2 holds it (e.g. "
                                     "the ID card expired).")
                                      .arg(c.name, c.retakenFrom));
            c.retakenReason = reason;
        }
    }
    if (reasonMissing)
        m_retakeReason->setFocus();
    return m_problems.isEmpty();
}

void MatterIntakeDialog::fillDecisions()
{
    m_decisions.clear();
    m_decisionTable->setRowCount(static_cast<int>(m_parts.size()));
    for (int p = 0; p < m_parts.size(); ++p) {
        const core::ServiceItem& item = m_parts.at(p);
        QStringList missing;
        for (const core::MaterialCheck& c : core::partMaterials(m_rows, m_checks, item)) {
            const bool optional = std::any_of(
                item.materials.cbegin(), item.materials.cend(), [&](const core::Material& m) {
                    return m.code == c.code && m.requirement == core::Requirement::Optional;
                });
            if (isShort(c.state) && !optional)
                missing.append(c.name);
        }
        // 行政许可法 Art. 32: a part short of a paper gets the one-time notice; otherwise accepted.
        m_decisions.append(missing.isEmpty() ? PartDecision::Accept : PartDecision::Notice);
        m_decisionTable->setItem(p, 0, cell(item.name));
        m_decisionTable->setItem(p, 2, cell(item.department));
        m_decisionTable->setItem(p, 3, cell(missing.join(QStringLiteral("、"))));
        paintDecision(p);
    }
    m_decisionTable->resizeColumnsToContents();
}

void MatterIntakeDialog::paintDecision(int row)
{
    QString text;
    switch (m_decisions.at(row)) {
    case PartDecision::Accept:
        text = tr("Accept");
        break;
    case PartDecision::Notice:
        text = tr("One-time notice");
        break;
    case PartDecision::Refuse:
        text = tr("Refuse");
        break;
    }
    m_decisionTable->setItem(row, 1, cell(text));
}

bool MatterIntakeDialog::record()
{
    const bool refusing = m_decisions.contains(PartDecision::Refuse);
    if (refusing && m_refuseReason->text().trimmed().isEmpty()) {
        m_problems = {tr("A refusal states its reason (行政许可法 Art. 38): fill in the reason.")};
        m_refuseReason->setFocus();
        return false;
    }
    QList<core::ReceivedInput> inputs;
    core::Applicant applicant;
    applicant.name = m_name->text();
    applicant.idNumber = m_id->text();
    applicant.phone = m_phone->text();
    for (int p = 0; p < m_parts.size(); ++p) {
        core::ReceivedInput in;
        in.itemCode = m_parts.at(p).code;
        in.itemVersion = m_partVersions.at(p);
        in.applicant = applicant;
        in.materials = core::partMaterials(m_rows, m_checks, m_parts.at(p));
        inputs.append(in);
    }
    const QString reason = m_refuseReason->text().trimmed();
    auto decide = [&](int part, const store::CaseStore::Appended& received)
        -> core::Result<store::CaseStore::IntakeDecision> {
        switch (m_decisions.at(part)) {
        case PartDecision::Accept:
            return store::CaseStore::IntakeDecision{core::EventType::Accepted,
                                                    core::payload::accepted()};
        case PartDecision::Notice:
            return store::CaseStore::IntakeDecision{
                core::EventType::NoticeIssued,
                core::payload::notice(core::correctionsFor(received.state, m_parts.at(part)),
                                      m_parts.at(part).correctionDays)};
        case PartDecision::Refuse:
            return store::CaseStore::IntakeDecision{
                core::EventType::Refused, core::payload::refused(QStringLiteral("other"), reason)};
        }
        return core::Error{QStringLiteral("matter.decision"), QStringLiteral("未选择决定")};
    };
    auto recorded = m_cases.receiveMatter(inputs, m_matter.code, m_versions.value(m_matter.code),
                                          decide, m_clerk.userId, m_joinCaseId);
    if (!recorded) {
        m_problems = {tr("Nothing was recorded: %1").arg(recorded.error().message)};
        return false;
    }
    m_matterNumber = recorded->matterNumber;
    discardDraft(); // recorded: nothing left to continue
    for (const store::CaseStore::Intake& part : recorded->parts) {
        m_caseNumbers.append(part.received.state.caseNumber);
        m_caseIds.append(part.received.event.caseId);
    }
    accept();
    return true;
}

} // namespace onewindow::ui
