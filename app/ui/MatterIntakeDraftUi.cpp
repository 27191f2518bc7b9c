// MatterIntakeDialog: the interrupted matter intake kept as the clerk's draft, and offered back
// (issue 20), as IntakeDialogDraft.cpp does for the single intake.
#include "ui/MatterIntakeDialog.h"

#include "core/DateText.h"
#include "store/CaseStore.h"
#include "store/DraftRepository.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <algorithm>

namespace onewindow::ui {

namespace {

QString decisionKey(MatterIntakeDialog::PartDecision d)
{
    switch (d) {
    case MatterIntakeDialog::PartDecision::Accept:
        return QStringLiteral("accept");
    case MatterIntakeDialog::PartDecision::Notice:
        return QStringLiteral("notice");
    case MatterIntakeDialog::PartDecision::Refuse:
        return QStringLiteral("refuse");
    }
    return {};
}

MatterIntakeDialog::PartDecision decisionOf(const QString& key)
{
    if (key == QStringLiteral("notice"))
        return MatterIntakeDialog::PartDecision::Notice;
    if (key == QStringLiteral("refuse"))
        return MatterIntakeDialog::PartDecision::Refuse;
    return MatterIntakeDialog::PartDecision::Accept;
}

} // namespace

void MatterIntakeDialog::setPrompts(std::function<bool(const QString&)> ask,
                                    std::function<void(const QString&)> tell)
{
    m_ask = std::move(ask);
    m_tell = std::move(tell);
}

bool MatterIntakeDialog::ask(const QString& question)
{
    if (m_ask)
        return m_ask(question);
    return QMessageBox::question(this, windowTitle(), question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::Yes) == QMessageBox::Yes;
}

void MatterIntakeDialog::tell(const QString& message)
{
    if (m_tell) {
        m_tell(message);
        return;
    }
    QMessageBox::warning(this, windowTitle(), message);
}

core::MatterIntakeDraft MatterIntakeDialog::draft() const
{
    core::MatterIntakeDraft d;
    d.step = step();
    d.matterCode = m_matter.code;
    d.matterName = m_matter.name;
    d.joinCaseId = m_joinCaseId;
    for (const QCheckBox* box : m_questions)
        d.answers.insert(box->property("key").toString(), box->isChecked());
    d.name = m_name->text();
    d.idNumber = m_id->text();
    d.phone = m_phone->text();
    for (int r = 0; r < m_checks.size() && r < m_rows.size(); ++r) {
        core::MaterialCheck c = m_checks.at(r);
        c.code = m_rows.at(r).materialCodes.first();
        d.checks.append(c);
    }
    d.retakeReason = m_retakeReason->text();
    for (const PartDecision p : m_decisions)
        d.decisions.append(decisionKey(p));
    d.refuseReason = m_refuseReason->text();
    return d;
}

void MatterIntakeDialog::saveDraft()
{
    if (!m_keepDraft || m_restoring || m_matter.code.isEmpty() || !m_matterNumber.isEmpty())
        return;
    const core::MatterIntakeDraft now = draft();
    const QByteArray json = now.toJson();
    if (json == m_savedDraft)
        return;
    // A draft that cannot be written is no reason to stop the intake: the matter is what counts.
    if (store::DraftRepository(m_store).saveMatter(m_clerk.userId, now))
        m_savedDraft = json;
}

void MatterIntakeDialog::discardDraft()
{
    m_keepDraft = false;
    m_savedDraft.clear();
    store::DraftRepository(m_store).discardMatter(m_clerk.userId);
}

void MatterIntakeDialog::done(int result)
{
    // Closed from outside (the lock's takeover, signing out) or by the window: what was typed is
    // kept. Backing out of the first step and recording have settled the draft already.
    if (result == QDialog::Rejected)
        saveDraft();
    QDialog::done(result);
}

bool MatterIntakeDialog::restore(const core::MatterIntakeDraft& d)
{
    m_restoring = true;
    const auto fail = [this, &d](const QString& why) {
        m_restoring = false;
        tell(tr("The unfinished matter intake of %1 cannot be continued: %2 Start the intake "
                "again.")
                 .arg(d.summary(), why));
        return false;
    };
    if (!d.joinCaseId.isEmpty()) {
        auto joined = m_cases.state(d.joinCaseId);
        if (!joined)
            return fail(joined.error().message);
        startFrom(*joined);
    }
    filterMatters(QString());
    int row = -1;
    for (int i = 0; i < m_matterList->count(); ++i)
        if (m_matterList->item(i)->data(Qt::UserRole).toString() == d.matterCode)
            row = i;
    if (row < 0)
        return fail(tr("the matter is no longer in the catalog."));
    m_matterList->setCurrentRow(row);
    chooseMatter();
    for (QCheckBox* box : m_questions)
        box->setChecked(d.answers.value(box->property("key").toString()));
    refreshApplying();
    m_name->setText(d.name);
    m_id->setText(d.idNumber);
    m_phone->setText(d.phone);
    Step reached = static_cast<Step>(std::clamp(d.step, 0, static_cast<int>(DecisionStep)));
    if (reached >= ChecklistStep) {
        fillChecklist();
        for (int r = 0; r < m_rows.size(); ++r)
            for (const core::MaterialCheck& c : d.checks) {
                if (c.code != m_rows.at(r).materialCodes.first())
                    continue;
                core::MaterialCheck& now = m_checks[r];
                now.state = c.state;
                now.problem = c.problem;
                // Held or taken again only as the joined case still holds it.
                if (!m_rows.at(r).heldBy.isEmpty() && !c.retakenFrom.isEmpty()) {
                    now.heldBy.clear();
                    now.retakenFrom = m_rows.at(r).heldBy;
                }
                paintRow(r);
            }
        m_retakeReason->setText(d.retakeReason);
        m_retakeReason->setVisible(
            std::any_of(m_checks.cbegin(), m_checks.cend(),
                        [](const auto& c) { return !c.retakenFrom.isEmpty(); }));
    }
    if (reached >= DecisionStep) {
        fillDecisions();
        if (d.decisions.size() == m_decisions.size())
            for (int p = 0; p < m_decisions.size(); ++p) {
                m_decisions[p] = decisionOf(d.decisions.at(p));
                paintDecision(p);
            }
        m_refuseReason->setText(d.refuseReason);
    }
    go(reached);
    m_restoring = false;
    m_savedDraft = draft().toJson();
    return true;
}

MatterIntakeDialog::DraftOffer MatterIntakeDialog::offerDraft()
{
    store::DraftRepository drafts(m_store);
    auto stored = drafts.loadMatter(m_clerk.userId);
    if (!stored) {
        tell(stored.error().message);
        if (stored.error().code == QStringLiteral("draft.corrupt"))
            drafts.discardMatter(m_clerk.userId);
        return DraftOffer::Damaged;
    }
    if (!stored->has_value())
        return DraftOffer::None;
    const core::MatterIntakeDraft& found = (*stored)->first;
    const QDateTime saved = (*stored)->second.toTimeZone(m_cases.settings().zone);
    if (!ask(tr("Continue the matter intake you did not finish?\n%1\nLast saved %2 %3.")
                 .arg(found.summary(), core::chineseDate(saved.date()),
                      saved.time().toString(QStringLiteral("HH:mm"))))) {
        drafts.discardMatter(m_clerk.userId);
        return DraftOffer::Discarded;
    }
    if (!restore(found)) {
        drafts.discardMatter(m_clerk.userId);
        return DraftOffer::Damaged;
    }
    return DraftOffer::Restored;
}

} // namespace onewindow::ui
