#pragma once

#include "core/CaseFold.h"
#include "store/UserRepository.h"
#include "ui/DocumentPreview.h"

#include <QDate>
#include <QDialog>

class QListWidget;

#include <memory>

namespace Ui {
class CaseView;
}

namespace onewindow::store {
class CaseStore;
}

namespace onewindow::ui {

class CaseClocksModel;
class ClockExplanationDialog;
class MaterialCheckModel;

// One case: number, item and version, applicant (ID masked), state; both clocks with working days
// left, deadline, warning colour and provisional marks; the materials; the full timeline with actor
// and time (全过程留痕); and a button for every action the fold allows now (Alt+letter each).
// F4 explains a clock's deadline day by day.
class CaseView : public QDialog
{
    Q_OBJECT
public:
    CaseView(store::CaseStore& cases, const store::User& user, const QString& caseId,
             const QDate& today, QWidget* parent = nullptr);
    ~CaseView() override;

    void reload();
    QList<core::EventType> actions() const { return m_actions; }
    // Runs an action with the values given (the form's fields by key), as its button would after
    // the form. Returns the store's refusal when there is one.
    core::Status perform(core::EventType type, const QMap<QString, QVariant>& values = {});
    const core::CaseState& state() const { return m_state; }
    QString headerText() const;
    // Enables the print menu: the documents that fit the case now.
    void setPrinting(const DocumentPrinting& printing);
    QList<core::DocumentKind> printableKinds() const;
    // Opens the deadline explained for the clock selected (else the one due first) and returns
    // it (window-modal, deleted on close); nullptr when the case has no clock yet.
    ClockExplanationDialog* explainDeadline();
    CaseClocksModel* clocksModel() const { return m_clocksModel; }
    MaterialCheckModel* materialsModel() const { return m_materialsModel; }

    // 一件事 (issue 20): the matter this case is a part of, in its own view (nullptr when none);
    // and a matter started from this case ("this applicant also needs ..."): the matter intake
    // with this case's applicant and this case counted as the part of its item. Returns the
    // matter's number, empty when nothing was recorded.
    bool inMatter() const { return m_state.matter.has_value(); }
    bool mayStartMatter() const;
    // The hall moved on (a sync brought events): read the case again, now or, under an open
    // form, when it closes.
    void refreshFromHall();
    void openMatter();
    QString startMatter();
    // 登记咨询 (Alt+Q): the first-inquiry form with this case filled in, in a dialog; what it
    // records is also this case's 咨询 (decision 1: mergeable, so a case another window holds, or
    // one finished, takes it too). Returns whether an inquiry was recorded.
    bool inquire();

private:
    void runAction(core::EventType type);
    void rebuildButtons();
    void showRejected(QListWidget* timeline);
    // 领办 (core/CaseHold.h): whether this window offers `type` on the case as held, and the
    // header's line naming the holder.
    bool offeredHere(core::EventType type) const;
    QString holdHeaderLine() const;

    store::CaseStore& m_cases;
    store::User m_user;
    QString m_caseId;
    QDate m_today;
    core::CaseState m_state;
    core::FoldContext m_context;
    QList<core::EventType> m_actions;
    std::unique_ptr<Ui::CaseView> m_ui;
    CaseClocksModel* m_clocksModel;
    MaterialCheckModel* m_materialsModel;
    std::optional<DocumentPrinting> m_printing;
    QString m_deviceId;    // this store's device: the holder it compares with
    bool m_inHall = false; // a window of a hall (enrolled): holds are offered
    QString m_department;  // a back office's: it holds what was forwarded to it
    bool m_stale = false;  // the hall moved on while a form was open
};

} // namespace onewindow::ui
