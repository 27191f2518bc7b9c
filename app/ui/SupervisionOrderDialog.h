#pragma once

#include "core/Error.h"
#include "store/UserRepository.h"

#include <QDate>
#include <QDialog>

#include <memory>

namespace Ui {
class SupervisionOrderDialog;
}

namespace onewindow::store {
class CaseStore;
}

namespace onewindow::ui {

// A supervision order (督办) on one case: to a clerk or a window (or both), what to do, and by
// when. Bad input is told in the dialog and changes nothing; a good order is recorded as the case's
// supervised event, which the clerk's queue and the case view then show.
class SupervisionOrderDialog : public QDialog
{
    Q_OBJECT
public:
    // `clerks`: who can be named; `windows`: the hall's window codes.
    SupervisionOrderDialog(store::CaseStore& cases, const store::User& supervisor,
                           const QString& caseId, const QDate& today,
                           const QList<store::User>& clerks, const QStringList& windows,
                           QWidget* parent = nullptr);
    ~SupervisionOrderDialog() override;

    // For tests and keyboard-free callers: the fields as the supervisor would fill them.
    void setOrder(const QString& clerkId, const QString& windowCode, const QString& note,
                  const std::optional<QDate>& due);
    // Checks and records the order; on success the dialog is accepted.
    core::Status submit();
    QString problem() const;
    bool printAfter() const;

private:
    std::unique_ptr<Ui::SupervisionOrderDialog> m_ui;
    store::CaseStore& m_cases;
    store::User m_supervisor;
    QString m_caseId;
    QDate m_today;
};

} // namespace onewindow::ui
