#include "ui/SignInDialog.h"

#include "store/CaseStore.h"
#include "sync/SyncClient.h"

#include "ui_SignInDialog.h"

#include <QApplication>
#include <QPushButton>

namespace onewindow::ui {

SignInDialog::SignInDialog(store::Store& store, const QString& hallName,
                           const QString& demoAccounts,
                           const std::optional<store::User>& lockedUser, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SignInDialog>()), m_store(store),
      m_lockedUser(lockedUser)
{
    m_ui->setupUi(this);
    m_ui->hallLabel->setText(QStringLiteral("<b>%1</b>").arg(hallName.toHtmlEscaped()));
    m_ui->messageLabel->setStyleSheet(QStringLiteral("QLabel { color: #a40000; }"));
    m_ui->messageLabel->hide();
    m_ui->demoLabel->setText(demoAccounts);
    m_ui->demoLabel->setVisible(!demoAccounts.isEmpty());
    if (m_lockedUser) {
        setWindowTitle(tr("Screen locked"));
        m_ui->hallLabel->setText(
            tr("Locked. %1, enter your password to go on.").arg(m_lockedUser->displayName));
        m_ui->loginEdit->setText(m_lockedUser->login);
        m_ui->loginEdit->setEnabled(false);
        m_ui->passwordEdit->setFocus();
        m_otherUser =
            m_ui->buttonBox->addButton(tr("&Another user..."), QDialogButtonBox::ActionRole);
        m_otherUser->setObjectName(QStringLiteral("otherUserButton"));
        m_otherUser->setCheckable(true);
        m_otherUser->setAutoDefault(false);
        connect(m_otherUser, &QPushButton::toggled, this, [this](bool other) {
            m_ui->loginEdit->setEnabled(other);
            m_ui->loginEdit->setText(other ? QString() : m_lockedUser->login);
            (other ? m_ui->loginEdit : m_ui->passwordEdit)->setFocus();
        });
    } else {
        m_ui->loginEdit->setFocus();
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setCredentials(const QString& login, const QString& password)
{
    if (!m_lockedUser || (m_otherUser && m_otherUser->isChecked()))
        m_ui->loginEdit->setText(login);
    m_ui->passwordEdit->setText(password);
}

QString SignInDialog::message() const
{
    return m_ui->messageLabel->isVisibleTo(this) ? m_ui->messageLabel->text() : QString();
}

bool SignInDialog::submit()
{
    store::UserRepository users(m_store);
    const bool same = m_lockedUser && !(m_otherUser && m_otherUser->isChecked());
    auto result = same ? users.verify(m_lockedUser->userId, m_ui->passwordEdit->text())
                       : users.signIn(m_ui->loginEdit->text(), m_ui->passwordEdit->text());
    if (!result && result.error().code == QLatin1String("sync.sign_in_stale")) {
        // Decision 8: the hall's verifiers here are too old to trust. The password was right:
        // sync with the server once (the hall may have changed it), then sign in afresh.
        const core::Error stale = result.error();
        if (const core::Status synced = syncOnce(); synced)
            result = users.signIn(m_ui->loginEdit->text(), m_ui->passwordEdit->text());
        else
            result =
                core::Error{stale.code, stale.message + QLatin1Char('\n') + synced.error().message};
    }
    m_ui->passwordEdit->clear();
    if (result && m_lockedUser && result->userId != m_lockedUser->userId)
        if (const core::Status may = core::checkTakeover(result->role, m_lockedUser->displayName);
            !may)
            result = may.error();
    if (!result) {
        m_ui->messageLabel->setText(result.error().message);
        m_ui->messageLabel->show();
        m_ui->passwordEdit->setFocus();
        return false;
    }
    m_user = *result;
    accept();
    return true;
}

core::Status SignInDialog::syncOnce()
{
    store::CaseStore cases(m_store);
    sync::SyncTimeouts timeouts;
    timeouts.connectMs = 5000; // someone waits at the sign-in screen
    timeouts.inactivityMs = 10000;
    sync::SyncClient client(cases, timeouts);
    setEnabled(false); // the requests wait in a local loop: no second Enter meanwhile
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto report = client.syncNow();
    QApplication::restoreOverrideCursor();
    setEnabled(true);
    if (!report)
        return report.error();
    return {};
}

} // namespace onewindow::ui
