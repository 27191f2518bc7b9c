#include "ui/SetupDialog.h"

#include "ui_SetupDialog.h"

#include "store/HallConfig.h"
#include "store/HallSetup.h"
#include "store/Store.h"

#include "store/SyncRepository.h"
#include "sync/SyncClient.h"

#include <QApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace onewindow::ui {

SetupDialog::SetupDialog(store::Store& store, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SetupDialog>()), m_store(store)
{
    m_ui->setupUi(this);
    for (const QByteArray& zone : core::hallTimeZones())
        m_ui->zoneCombo->addItem(QString::fromLatin1(zone));
    const store::HallConfig defaults;
    m_ui->openEdit->setTime(defaults.officeOpen);
    m_ui->closeEdit->setTime(defaults.officeClose);
    m_ui->idleSpin->setRange(core::HallSettings::kMinIdleLockMinutes,
                             core::HallSettings::kMaxIdleLockMinutes);
    m_ui->idleSpin->setValue(defaults.idleLockMinutes);
    m_ui->hallCodeEdit->setPlaceholderText(QStringLiteral("620102"));
    m_ui->windowEdit->setPlaceholderText(QStringLiteral("W07"));
    m_ui->errorLabel->setStyleSheet(QStringLiteral("QLabel { color: #a40000; }"));
    m_ui->errorLabel->hide();
    buildJoinChoice();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SetupDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SetupDialog::~SetupDialog() = default;

void SetupDialog::buildJoinChoice()
{
    m_standaloneRadio = new QRadioButton(tr("Set up a &standalone hall"), this);
    m_standaloneRadio->setObjectName(QStringLiteral("standaloneRadio"));
    m_joinRadio = new QRadioButton(tr("&Join a hall's server"), this);
    m_joinRadio->setObjectName(QStringLiteral("joinRadio"));
    m_joinBox = new QGroupBox(tr("The hall's server"), this);
    m_joinBox->setObjectName(QStringLiteral("joinBox"));
    auto* form = new QFormLayout(m_joinBox);
    m_serverEdit = new QLineEdit(m_joinBox);
    m_serverEdit->setObjectName(QStringLiteral("serverEdit"));
    m_serverEdit->setPlaceholderText(QStringLiteral("http://10.20.3.1:8440"));
    m_codeEdit = new QLineEdit(m_joinBox);
    m_codeEdit->setObjectName(QStringLiteral("enrolCodeEdit"));
    m_codeEdit->setPlaceholderText(QStringLiteral("4ZR3-TSLR-MFDF-RL9C"));
    auto* serverLabel = new QLabel(tr("Server &address:"), m_joinBox);
    serverLabel->setBuddy(m_serverEdit);
    auto* codeLabel = new QLabel(tr("Enrolment co&de:"), m_joinBox);
    codeLabel->setBuddy(m_codeEdit);
    form->addRow(serverLabel, m_serverEdit);
    form->addRow(codeLabel, m_codeEdit);
    auto* hint = new QLabel(tr("The administrator of the hall's server gives this window its "
                               "enrolment code. The hall's settings, users, catalog and calendars "
                               "come from the server."),
                            m_joinBox);
    hint->setWordWrap(true);
    form->addRow(hint);
    // Below the introduction: the choice, then the join fields (the standalone boxes follow).
    m_ui->setupLayout->insertWidget(1, m_standaloneRadio);
    m_ui->setupLayout->insertWidget(2, m_joinRadio);
    m_ui->setupLayout->insertWidget(3, m_joinBox);
    connect(m_joinRadio, &QRadioButton::toggled, this, &SetupDialog::setJoining);
    m_standaloneRadio->setChecked(true);
    setJoining(false);
    // A store enrolled earlier whose first pull did not finish: only the pull is left to do.
    if (store::SyncRepository::enrolled(m_store)) {
        m_joinRadio->setChecked(true);
        m_standaloneRadio->setEnabled(false);
        m_serverEdit->setEnabled(false);
        m_codeEdit->setEnabled(false);
    }
}

void SetupDialog::setJoining(bool join)
{
    if (m_joinRadio->isChecked() != join)
        m_joinRadio->setChecked(join);
    m_standaloneRadio->setChecked(!join);
    m_joinBox->setVisible(join);
    m_ui->hallBox->setVisible(!join);
    m_ui->adminBox->setVisible(!join);
    m_ui->errorLabel->hide();
    adjustSize();
}

bool SetupDialog::joining() const
{
    return m_joinRadio->isChecked();
}

bool SetupDialog::join()
{
    m_problems.clear();
    store::CaseStore cases(m_store);
    sync::SyncClient client(cases);
    const bool enrolled = store::SyncRepository::enrolled(m_store);
    if (!enrolled &&
        (m_serverEdit->text().trimmed().isEmpty() || m_codeEdit->text().trimmed().isEmpty())) {
        m_problems.append(tr("Enter the server's address and the enrolment code."));
        showProblems();
        return false;
    }
    QWidget* focused = focusWidget(); // given back afterwards: disabling takes the focus away
    setEnabled(false); // the requests wait in a local loop: no second click meanwhile
    QApplication::setOverrideCursor(Qt::WaitCursor);
    core::Status done;
    if (!enrolled)
        done = client.enrol(m_serverEdit->text().trimmed(), m_codeEdit->text().trimmed(),
                            QSysInfo::machineHostName());
    bool pulled = false;
    if (done) {
        auto synced = client.syncNow();
        pulled = synced.ok();
        if (!synced)
            done = synced.error();
    }
    QApplication::restoreOverrideCursor();
    setEnabled(true);
    if (focused && focused->isEnabled())
        focused->setFocus();
    else
        m_ui->buttonBox->setFocus();
    if (!done) {
        m_problems.append(done.error().message);
        if (store::SyncRepository::enrolled(m_store) && !pulled) {
            // Enrolled, but the hall's data did not come down: OK again pulls it.
            m_problems.append(tr("This window is enrolled; the hall's data has not been "
                                 "downloaded yet. Press OK to try again."));
            m_standaloneRadio->setEnabled(false);
            m_serverEdit->setEnabled(false);
            m_codeEdit->setEnabled(false);
        }
        showProblems();
        return false;
    }
    accept();
    return true;
}

bool SetupDialog::submit()
{
    if (joining())
        return join();
    store::HallConfig config;
    config.hallName = m_ui->hallNameEdit->text().trimmed();
    config.hallCode = m_ui->hallCodeEdit->text().trimmed();
    config.deviceCode = m_ui->windowEdit->text().trimmed().toUpper();
    config.zone = QTimeZone(m_ui->zoneCombo->currentText().toLatin1());
    config.officeOpen = m_ui->openEdit->time();
    config.officeClose = m_ui->closeEdit->time();
    config.idleLockMinutes = m_ui->idleSpin->value();
    m_problems.clear();
    for (const core::Error& e : store::validateHallConfig(config))
        m_problems.append(e.message);
    const QString login = m_ui->loginEdit->text().trimmed();
    if (core::Status s = core::checkLogin(login); !s)
        m_problems.append(s.error().message);
    if (m_ui->adminNameEdit->text().trimmed().isEmpty())
        m_problems.append(tr("Enter the administrator's full name."));
    if (core::Status s = core::checkPasswordStrength(m_ui->passwordEdit->text()); !s)
        m_problems.append(s.error().message);
    else if (m_ui->passwordEdit->text() != m_ui->repeatEdit->text())
        m_problems.append(tr("The two passwords differ."));
    if (!m_problems.isEmpty()) {
        showProblems();
        return false;
    }
    // Hall, workstation and administrator in one transaction (store/HallSetup.h).
    auto made = store::setUpHall(m_store, config,
                                 {store::SetupAccount{login,
                                                      m_ui->adminNameEdit->text(),
                                                      core::Role::Administrator,
                                                      m_ui->passwordEdit->text(),
                                                      {}}});
    if (!made) {
        m_problems.append(made.error().message);
        showProblems();
        return false;
    }
    m_admin = made->first();
    accept();
    return true;
}

void SetupDialog::showProblems()
{
    m_ui->errorLabel->setText(m_problems.join(QLatin1Char('\n')));
    m_ui->errorLabel->show();
}

} // namespace onewindow::ui
