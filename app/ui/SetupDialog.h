#pragma once

#include "store/HallConfig.h"
#include "store/UserRepository.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SetupDialog;
}

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

// First start on an empty store: the hall, this window, and the first administrator.
class SetupDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SetupDialog(store::Store& store, QWidget* parent = nullptr);
    ~SetupDialog() override;

    // Validates every field (messages beside the form), then saves the hall configuration, this
    // window's device identity and the administrator. Accepts the dialog on success.
    bool submit();
    QStringList problems() const { return m_problems; }
    store::User administrator() const { return m_admin; }

private:
    void showProblems();

    std::unique_ptr<Ui::SetupDialog> m_ui;
    store::Store& m_store;
    QStringList m_problems;
    store::User m_admin;
};

} // namespace onewindow::ui
