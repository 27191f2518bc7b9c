#pragma once

#include "store/UserRepository.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SignInDialog;
}

namespace onewindow::ui {

// Sign-in, and the lock screen: with `lockedUser` set, that user's password unlocks; 另一用户 lets
// a supervisor or an administrator sign in instead, taking the window over (tookOver()).
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(store::Store& store, const QString& hallName, const QString& demoAccounts = {},
                 const std::optional<store::User>& lockedUser = std::nullopt,
                 QWidget* parent = nullptr);
    ~SignInDialog() override;

    bool submit(); // checks the password; accepts on success, shows why not otherwise
    // On the lock screen the login counts only once 其他用户 (otherUserButton) is chosen.
    void setCredentials(const QString& login, const QString& password);
    QString message() const;
    store::User user() const { return m_user; }
    // The lock screen was answered by someone else than the locked user (a supervisor).
    bool tookOver() const { return m_lockedUser && m_user.userId != m_lockedUser->userId; }

private:
    // An enrolled window whose last sync is older than the hall's offline sign-in hours pulls
    // once before it signs anyone in (store/MasterDataGuard.h).
    core::Status syncOnce();

    std::unique_ptr<Ui::SignInDialog> m_ui;
    store::Store& m_store;
    std::optional<store::User> m_lockedUser;
    class QPushButton* m_otherUser = nullptr; // the lock screen: another user signs in
    store::User m_user;
};

} // namespace onewindow::ui
