#pragma once

#include "core/Error.h"
#include "store/UserRepository.h"

#include <QDialog>
#include <QTimeZone>

#include <memory>

class QAction;
class QLabel;
class QTableView;

namespace Ui {
class UsersDialog;
}

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

class UserListModel;

// The administrator's screen: the hall's users (add, edit, reset a password, deactivate or
// activate, unlock after failed sign-ins) and the idle screen lock. Everything is done from the
// keyboard (Insert, Enter or F2, Del, Ctrl+P, Ctrl+L) in one window: a form below the list takes
// the fields, refusals appear beside the field or in the status line, never in a message box.
class UsersDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Editor
    {
        None,
        Add,
        Edit,
        Password,
    };

    // `admin`: the signed-in administrator, who acts (and cannot switch themselves off).
    UsersDialog(store::Store& store, const store::User& admin, QWidget* parent = nullptr);
    ~UsersDialog() override;

    UserListModel* model() const { return m_model; }
    QTableView* view() const;
    QString status() const;       // the status line: the last outcome or refusal
    QStringList problems() const; // the messages shown beside the form's fields
    Editor editor() const { return m_editor; }
    QString currentUserId() const;
    void selectUser(const QString& userId);

    void startAdd();
    void startEdit();          // the selected user's name, role and window
    void startPasswordReset(); // the selected user's new password
    // Checks the form (messages beside the fields) and stores it; nothing is stored until every
    // field is valid. On success the form closes and the list shows the change.
    core::Status submitEditor();
    void closeEditor();
    core::Status toggleActive(); // deactivates the selected user, or activates them again
    core::Status unlockSelected();
    // Saves the hall's idle-lock minutes and tells the running lock (idleMinutesChanged).
    core::Status applyIdleMinutes();
    void setIdleMinutes(int minutes); // the spin box, as typed

    void reject() override; // Esc closes the form first, then the dialog

Q_SIGNALS:
    void idleMinutesChanged(int minutes);

private:
    void buildActions();
    // An action of the users tab, its keys shown in its tooltip; `slot` may be connected later.
    QAction* makeAction(const QString& text, const QString& tip, QList<QKeySequence> keys,
                        QWidget* scope, void (UsersDialog::*slot)());
    void reload();
    void updateActions();
    void openEditor(Editor editor);
    bool validateEditor(bool focusFirst);
    bool placeError(const core::Error& error); // true: shown beside its field
    void clearFieldErrors();
    core::Status done(const QString& message);
    core::Status refuse(const core::Error& error);

    std::unique_ptr<Ui::UsersDialog> m_ui;
    store::Store& m_store;
    store::User m_admin;
    UserListModel* m_model;
    QTimeZone m_zone;
    Editor m_editor = Editor::None;
    QString m_editing; // the user the form is for (edit, password)
    bool m_checkAsTyped = false;
    bool m_hallAuthored = false; // enrolled: users and settings change at the server only
    QAction* m_add = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_password = nullptr;
    QAction* m_active = nullptr;
    QAction* m_unlock = nullptr;
};

} // namespace onewindow::ui
