#include "ui/UsersDialog.h"

#include "store/HallConfig.h"
#include "store/MasterDataGuard.h"
#include "store/Store.h"
#include "ui/UiText.h"
#include "ui/UserListModel.h"

#include "ui_UsersDialog.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QPushButton>

namespace onewindow::ui {

UsersDialog::UsersDialog(store::Store& store, const store::User& admin, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::UsersDialog>()), m_store(store), m_admin(admin),
      m_model(new UserListModel(this)), m_zone(core::HallSettings::defaultZone())
{
    m_ui->setupUi(this);
    m_ui->usersView->setModel(m_model);
    setUpListView(m_ui->usersView, UserListModel::NameColumn);
    for (core::Role role : {core::Role::Clerk, core::Role::Supervisor, core::Role::Administrator})
        m_ui->roleCombo->addItem(core::roleName(role), static_cast<int>(role));
    for (QLabel* error : {m_ui->loginError, m_ui->nameError, m_ui->windowError, m_ui->passwordError,
                          m_ui->repeatError})
        error->setStyleSheet(QStringLiteral("QLabel { color: #a40000; }"));
    m_ui->editorBox->hide();
    // Enter belongs to the list (edit) and the form's fields (save): no button may take it.
    for (QAbstractButton* b : m_ui->buttonBox->buttons())
        if (auto* push = qobject_cast<QPushButton*>(b))
            push->setAutoDefault(false);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, [this] { QDialog::reject(); });
    connect(m_ui->saveButton, &QPushButton::clicked, this, [this] { submitEditor(); });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &UsersDialog::closeEditor);
    for (QLineEdit* field : {m_ui->loginEdit, m_ui->nameEdit, m_ui->windowEdit, m_ui->passwordEdit,
                             m_ui->repeatEdit}) {
        connect(field, &QLineEdit::returnPressed, this, [this] { submitEditor(); });
        // Once a save was refused, each message goes as soon as its field is right.
        connect(field, &QLineEdit::textEdited, this, [this] {
            if (m_checkAsTyped)
                validateEditor(false);
        });
    }
    connect(m_ui->idleApplyButton, &QPushButton::clicked, this, [this] { applyIdleMinutes(); });
    buildActions();
    connect(m_ui->usersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UsersDialog::updateActions);
    connect(m_ui->usersView, &QAbstractItemView::doubleClicked, this, &UsersDialog::startEdit);

    // Decision 8: at a window of a hall the server is the one author of users, passwords and
    // settings; the list still shows them (and unlocks a clerk locked out here).
    if (core::Status authored = store::refuseIfHallAuthored(m_store, core::sync::MasterKind::Users);
        !authored) {
        m_hallAuthored = true;
        m_add->setEnabled(false);
        refuse(authored.error());
    }
    auto config = store::HallConfigRepository(m_store).load();
    if (config) {
        m_zone = config->zone;
        m_ui->idleSpin->setRange(core::HallSettings::kMinIdleLockMinutes,
                                 core::HallSettings::kMaxIdleLockMinutes);
        m_ui->idleSpin->setValue(config->idleLockMinutes);
    } else {
        refuse(config.error());
        m_ui->idleApplyButton->setEnabled(false); // nothing to save the minutes into
    }
    if (m_hallAuthored)
        m_ui->idleApplyButton->setEnabled(false);
    reload();
    if (m_model->rowCount() > 0)
        selectUser(m_model->accountAt(0)->user.userId);
    m_ui->usersView->setFocus();
}

UsersDialog::~UsersDialog() = default;

QAction* UsersDialog::makeAction(const QString& text, const QString& tip, QList<QKeySequence> keys,
                                 QWidget* scope, void (UsersDialog::*slot)())
{
    auto* action = new QAction(text, this);
    action->setShortcuts(keys);
    // Del and Enter mean something else in the form's fields: the keys act where they belong.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QStringList shown;
    for (const QKeySequence& k : keys)
        if (k != QKeySequence(Qt::Key_Enter)) // the keypad's twin of Return
            shown.append(k.toString(QKeySequence::NativeText));
    action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shown.join(QStringLiteral(", "))));
    scope->addAction(action);
    if (slot)
        connect(action, &QAction::triggered, this, slot);
    return action;
}

void UsersDialog::buildActions()
{
    QWidget* list = m_ui->usersView;
    QWidget* page = m_ui->usersTab;
    m_add = makeAction(tr("&Add"), tr("Add a user"), {QKeySequence(Qt::Key_Insert)}, page,
                       &UsersDialog::startAdd);
    m_edit = makeAction(
        tr("E&dit"), tr("Edit the selected user's name, role and window"),
        {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter), QKeySequence(Qt::Key_F2)}, list,
        &UsersDialog::startEdit);
    m_password =
        makeAction(tr("Reset passw&ord"), tr("Give the selected user a new password"),
                   {QKeySequence(Qt::CTRL | Qt::Key_P)}, page, &UsersDialog::startPasswordReset);
    m_active = makeAction(tr("Deac&tivate"),
                          tr("Deactivate the selected user, or activate a deactivated one"),
                          {QKeySequence(Qt::Key_Delete)}, list, nullptr);
    connect(m_active, &QAction::triggered, this, [this] { toggleActive(); });
    m_unlock = makeAction(tr("Unloc&k"),
                          tr("Let a user locked out by failed sign-ins sign in again at once"),
                          {QKeySequence(Qt::CTRL | Qt::Key_L)}, page, nullptr);
    connect(m_unlock, &QAction::triggered, this, [this] { unlockSelected(); });
    m_ui->addButton->setDefaultAction(m_add);
    m_ui->editButton->setDefaultAction(m_edit);
    m_ui->passwordButton->setDefaultAction(m_password);
    m_ui->activeButton->setDefaultAction(m_active);
    m_ui->unlockButton->setDefaultAction(m_unlock);
    // Enter in the minutes box applies them, as the Apply button does.
    auto* apply = new QAction(this);
    apply->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    apply->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_ui->idleSpin->addAction(apply);
    connect(apply, &QAction::triggered, this, [this] { applyIdleMinutes(); });
}

QTableView* UsersDialog::view() const
{
    return m_ui->usersView;
}

QString UsersDialog::status() const
{
    return m_ui->statusLabel->text();
}

QString UsersDialog::currentUserId() const
{
    const store::UserAccount* a = m_model->accountAt(m_ui->usersView->currentIndex().row());
    return a ? a->user.userId : QString();
}

void UsersDialog::selectUser(const QString& userId)
{
    const int row = m_model->rowOf(userId);
    if (row >= 0)
        m_ui->usersView->setCurrentIndex(m_model->index(row, UserListModel::LoginColumn));
    updateActions();
}

void UsersDialog::reload()
{
    const QString current = currentUserId();
    auto accounts = store::UserRepository(m_store).accounts();
    if (!accounts) {
        refuse(accounts.error());
        return;
    }
    m_model->setAccounts(*accounts, m_zone);
    selectUser(current);
}

void UsersDialog::updateActions()
{
    const store::UserAccount* a = m_model->accountAt(m_ui->usersView->currentIndex().row());
    m_add->setEnabled(!m_hallAuthored);
    m_edit->setEnabled(a != nullptr && !m_hallAuthored);
    m_password->setEnabled(a != nullptr && !m_hallAuthored);
    m_active->setEnabled(a != nullptr && !m_hallAuthored);
    m_unlock->setEnabled(a != nullptr && a->failures > 0);
    const bool active = !a || a->user.active;
    m_active->setText(active ? tr("Deac&tivate") : tr("Ac&tivate"));
}

core::Status UsersDialog::done(const QString& message)
{
    m_ui->statusLabel->setStyleSheet(QString());
    m_ui->statusLabel->setText(message);
    return {};
}

core::Status UsersDialog::refuse(const core::Error& error)
{
    m_ui->statusLabel->setStyleSheet(QStringLiteral("QLabel { color: #a40000; }"));
    m_ui->statusLabel->setText(error.message);
    return error;
}

core::Status UsersDialog::toggleActive()
{
    const store::UserAccount* a = m_model->accountAt(m_ui->usersView->currentIndex().row());
    if (!a)
        return refuse({QStringLiteral("user.none"), tr("Select a user first.")});
    const store::User user = a->user;
    const bool activate = !user.active;
    if (core::Status s =
            store::UserRepository(m_store).setActive(m_admin.userId, user.userId, activate);
        !s)
        return refuse(s.error());
    reload();
    return done(
        activate ? tr("%1 (%2) is active again and can sign in.").arg(user.displayName, user.login)
                 : tr("%1 (%2) is deactivated and can no longer sign in.")
                       .arg(user.displayName, user.login));
}

core::Status UsersDialog::unlockSelected()
{
    const store::UserAccount* a = m_model->accountAt(m_ui->usersView->currentIndex().row());
    if (!a)
        return refuse({QStringLiteral("user.none"), tr("Select a user first.")});
    const store::User user = a->user;
    if (core::Status s = store::UserRepository(m_store).unlock(user.userId); !s)
        return refuse(s.error());
    reload();
    return done(
        tr("%1 (%2) is unlocked and can sign in at once.").arg(user.displayName, user.login));
}

void UsersDialog::setIdleMinutes(int minutes)
{
    m_ui->idleSpin->setValue(minutes);
}

core::Status UsersDialog::applyIdleMinutes()
{
    store::HallConfigRepository repo(m_store);
    auto loaded = repo.load();
    if (!loaded)
        return refuse(loaded.error());
    store::HallConfig config = *loaded;
    const int minutes = m_ui->idleSpin->value();
    config.idleLockMinutes = minutes;
    if (core::Status s = repo.save(config); !s)
        return refuse(s.error());
    Q_EMIT idleMinutesChanged(minutes);
    return done(tr("The screen now locks after %n minute(s) without input.", nullptr, minutes));
}

void UsersDialog::reject()
{
    if (m_editor != Editor::None) {
        closeEditor();
        return;
    }
    QDialog::reject();
}

} // namespace onewindow::ui
