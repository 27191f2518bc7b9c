// UsersDialog: the form below the list that adds a user, edits one, or resets a password.
#include "ui/UserListModel.h"
#include "ui/UsersDialog.h"

#include "store/Store.h"

#include "ui_UsersDialog.h"

namespace onewindow::ui {

namespace {

void showRow(std::initializer_list<QWidget*> widgets, bool shown)
{
    for (QWidget* w : widgets)
        w->setVisible(shown);
}

} // namespace

QStringList UsersDialog::problems() const
{
    QStringList out;
    for (const QLabel* error : {m_ui->loginError, m_ui->nameError, m_ui->windowError,
                                m_ui->passwordError, m_ui->repeatError})
        if (error->isVisibleTo(this) && !error->text().isEmpty())
            out.append(error->text());
    return out;
}

void UsersDialog::startAdd()
{
    m_editing.clear();
    m_ui->loginEdit->clear();
    m_ui->nameEdit->clear();
    m_ui->roleCombo->setCurrentIndex(m_ui->roleCombo->findData(int(core::Role::Clerk)));
    m_ui->windowEdit->clear();
    openEditor(Editor::Add);
    m_ui->editorBox->setTitle(tr("New user"));
    m_ui->loginEdit->setFocus();
}

void UsersDialog::startEdit()
{
    const store::UserAccount* a = m_model->accountAt(m_ui->usersView->currentIndex().row());
    if (!a)
        return;
    m_editing = a->user.userId;
    m_ui->loginEdit->setText(a->user.login);
    m_ui->nameEdit->setText(a->user.displayName);
    m_ui->roleCombo->setCurrentIndex(m_ui->roleCombo->findData(int(a->user.role)));
    m_ui->windowEdit->setText(a->user.windowCode);
    openEditor(Editor::Edit);
    m_ui->editorBox->setTitle(tr("Edit %1").arg(a->user.login));
    m_ui->nameEdit->setFocus();
    m_ui->nameEdit->selectAll();
}

void UsersDialog::startPasswordReset()
{
    const store::UserAccount* a = m_model->accountAt(m_ui->usersView->currentIndex().row());
    if (!a)
        return;
    m_editing = a->user.userId;
    openEditor(Editor::Password);
    m_ui->editorBox->setTitle(
        tr("New password for %1 (%2)").arg(a->user.displayName, a->user.login));
    m_ui->passwordEdit->setFocus();
}

void UsersDialog::openEditor(Editor editor)
{
    m_editor = editor;
    m_checkAsTyped = false;
    clearFieldErrors();
    m_ui->passwordEdit->clear();
    m_ui->repeatEdit->clear();
    const bool details = editor != Editor::Password;
    const bool password = editor != Editor::Edit;
    showRow({m_ui->loginLabel, m_ui->loginEdit, m_ui->loginError}, details);
    showRow({m_ui->nameLabel, m_ui->nameEdit, m_ui->nameError}, details);
    showRow({m_ui->roleLabel, m_ui->roleCombo}, details);
    showRow({m_ui->windowLabel, m_ui->windowEdit, m_ui->windowError}, details);
    showRow({m_ui->passwordLabel, m_ui->passwordEdit, m_ui->passwordError}, password);
    showRow({m_ui->repeatLabel, m_ui->repeatEdit, m_ui->repeatError}, password);
    m_ui->loginEdit->setReadOnly(editor != Editor::Add); // a login names the account for good
    m_ui->editorBox->show();
}

void UsersDialog::closeEditor()
{
    m_editor = Editor::None;
    m_editing.clear();
    m_ui->passwordEdit->clear();
    m_ui->repeatEdit->clear();
    m_ui->editorBox->hide();
    m_ui->usersView->setFocus();
}

void UsersDialog::clearFieldErrors()
{
    for (QLabel* error : {m_ui->loginError, m_ui->nameError, m_ui->windowError, m_ui->passwordError,
                          m_ui->repeatError})
        error->clear();
}

bool UsersDialog::placeError(const core::Error& error)
{
    // The error's code says which field it is about; anything else goes to the status line.
    const QString& c = error.code;
    QLabel* beside = c == QLatin1String("user.login") || c == QLatin1String("user.exists")
                         ? m_ui->loginError
                     : c == QLatin1String("user.name")              ? m_ui->nameError
                     : c == QLatin1String("user.window")            ? m_ui->windowError
                     : c == QLatin1String("user.password_short")    ? m_ui->passwordError
                     : c == QLatin1String("user.password_mismatch") ? m_ui->repeatError
                                                                    : nullptr;
    if (beside && beside->isVisibleTo(this)) {
        beside->setText(error.message);
        return true;
    }
    refuse(error);
    return false;
}

bool UsersDialog::validateEditor(bool focusFirst)
{
    clearFieldErrors();
    const QString window = m_ui->windowEdit->text().trimmed().toUpper();
    QList<std::pair<core::Status, QWidget*>> checks;
    if (m_editor == Editor::Add)
        checks.append({core::checkLogin(m_ui->loginEdit->text().trimmed()), m_ui->loginEdit});
    if (m_editor != Editor::Password) {
        checks.append({core::checkDisplayName(m_ui->nameEdit->text()), m_ui->nameEdit});
        checks.append({core::checkUserWindowCode(window), m_ui->windowEdit});
    }
    if (m_editor != Editor::Edit) {
        const core::Status strong = core::checkPasswordStrength(m_ui->passwordEdit->text());
        checks.append({strong, m_ui->passwordEdit});
        if (strong) // a mismatch of a too-short password is one problem, not two
            checks.append(
                {core::checkPasswordRepeat(m_ui->passwordEdit->text(), m_ui->repeatEdit->text()),
                 m_ui->repeatEdit});
    }
    QWidget* first = nullptr;
    for (const auto& [status, field] : checks) {
        if (status)
            continue;
        placeError(status.error());
        if (!first)
            first = field;
    }
    if (first && focusFirst)
        first->setFocus();
    return !first;
}

core::Status UsersDialog::submitEditor()
{
    if (m_editor == Editor::None)
        return {};
    const QString correct = tr("Nothing was saved: correct the fields marked beside the form.");
    if (!validateEditor(true)) {
        m_checkAsTyped = true;
        return refuse({QStringLiteral("user.form"), correct});
    }
    store::UserRepository users(m_store);
    const QString login = m_ui->loginEdit->text().trimmed();
    const QString name = m_ui->nameEdit->text().trimmed();
    const auto role = static_cast<core::Role>(m_ui->roleCombo->currentData().toInt());
    const QString window = m_ui->windowEdit->text().trimmed().toUpper();
    QString userId = m_editing;
    QString message;
    core::Status stored;
    if (m_editor == Editor::Add) {
        auto made = users.create(login, name, role, window, m_ui->passwordEdit->text());
        if (made) {
            userId = made->userId;
            message = tr("%1 (%2) added as %3.").arg(name, login, core::roleName(role));
        } else {
            stored = made.error();
        }
    } else if (m_editor == Editor::Edit) {
        auto changed = users.update(m_editing, name, role, window);
        if (changed)
            message = tr("Changes to %1 (%2) saved.").arg(name, login);
        else
            stored = changed.error();
    } else {
        stored = users.setPassword(m_editing, m_ui->passwordEdit->text());
        if (const store::UserAccount* a = m_model->accountAt(m_model->rowOf(m_editing)))
            message = tr("%1 (%2) has a new password; their failed sign-ins are cleared.")
                          .arg(a->user.displayName, a->user.login);
    }
    if (!stored) {
        m_checkAsTyped = true;
        if (placeError(stored.error())) // beside its field; the status line says nothing was kept
            refuse({stored.error().code, correct});
        return stored;
    }
    closeEditor();
    reload();
    selectUser(userId);
    return done(message);
}

} // namespace onewindow::ui
