#pragma once

#include "store/HallConfig.h"
#include "store/UserRepository.h"

#include <QDialog>

class QGroupBox;
class QLineEdit;
class QRadioButton;

#include <memory>

namespace Ui {
class SetupDialog;
}

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

// First start on an empty store: either a standalone hall (the hall, this window, and the first
// administrator) or a window joining its hall's server (the server's address and a one-time
// enrolment code: the hall's settings, users, catalog and calendars come down; issue 18).
class SetupDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SetupDialog(store::Store& store, QWidget* parent = nullptr);
    ~SetupDialog() override;

    // Validates every field (messages beside the form), then saves the hall configuration, this
    // window's device identity and the administrator. Accepts the dialog on success.
    bool submit();
    // The choice between the two (the join fields show only when joining).
    void setJoining(bool join);
    bool joining() const;
    QStringList problems() const { return m_problems; }
    store::User administrator() const { return m_admin; }

private:
    void showProblems();
    void buildJoinChoice();
    // Enrols the store at the server (sync::SyncClient: one transaction, a failure leaves the
    // store new) and pulls the hall's data; an enrolled store whose first pull failed only pulls.
    bool join();

    std::unique_ptr<Ui::SetupDialog> m_ui;
    store::Store& m_store;
    QStringList m_problems;
    store::User m_admin;
    QRadioButton* m_standaloneRadio = nullptr;
    QRadioButton* m_joinRadio = nullptr;
    QGroupBox* m_joinBox = nullptr;
    QLineEdit* m_serverEdit = nullptr;
    QLineEdit* m_codeEdit = nullptr;
};

} // namespace onewindow::ui
