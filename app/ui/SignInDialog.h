#pragma once

#include "store/UserRepository.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SignInDialog;
}

namespace onewindow::ui {

// Sign-in, and the lock screen: with `lockedUser` set, only that user's password unlocks.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(store::Store& store, const QString& hallName, const QString& demoAccounts = {},
                 const std::optional<store::User>& lockedUser = std::nullopt,
                 QWidget* parent = nullptr);
    ~SignInDialog() override;

    bool submit(); // checks the password; accepts on success, shows why not otherwise
    void setCredentials(const QString& login, const QString& password);
    QString message() const;
    store::User user() const { return m_user; }

private:
    std::unique_ptr<Ui::SignInDialog> m_ui;
    store::Store& m_store;
    std::optional<store::User> m_lockedUser;
    store::User m_user;
};

} // namespace onewindow::ui
