#include "ui/SetupDialog.h"

#include "ui_SetupDialog.h"

#include "store/HallConfig.h"
#include "store/HallSetup.h"
#include "store/Store.h"

#include <QPushButton>

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
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SetupDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SetupDialog::~SetupDialog() = default;

bool SetupDialog::submit()
{
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
