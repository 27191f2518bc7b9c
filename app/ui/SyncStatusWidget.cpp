#include "ui/SyncStatusWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace onewindow::ui {

SyncStatusWidget::SyncStatusWidget(const QTimeZone& zone, QWidget* parent)
    : QWidget(parent), m_zone(zone)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(tr("Connecting to the hall server..."), this);
    m_now = new QPushButton(tr("Sync now"), this);
    m_now->setAutoDefault(false);
    layout->addWidget(m_label);
    layout->addWidget(m_now);
    connect(m_now, &QPushButton::clicked, this, &SyncStatusWidget::syncRequested);
}

void SyncStatusWidget::startService(const QString& path, const core::Clock& clock,
                                    const core::HallSettings& settings)
{
    m_service = new sync::SyncService(path, clock, settings);
    m_service->setParent(this);
    connect(m_service, &sync::SyncService::statusChanged, this, &SyncStatusWidget::showStatus);
    connect(this, &SyncStatusWidget::syncRequested, m_service, &sync::SyncService::syncNow);
    m_service->start();
}

QString SyncStatusWidget::text() const
{
    return m_label->text();
}

void SyncStatusWidget::showStatus(const sync::SyncStatus& s)
{
    if (s.calendarChanged)
        Q_EMIT hallCalendarChanged();
    if (s.pulled > 0 || s.rebased) // a failover re-placed cases the store already held
        Q_EMIT hallCasesChanged();
    if (s.settingsChanged)
        Q_EMIT hallSettingsChanged();
    const auto hhmm = [this](const QDateTime& utc) {
        return utc.toTimeZone(m_zone).toString(QStringLiteral("HH:mm"));
    };
    QStringList parts;
    if (!s.stoppedMessage.isEmpty()) {
        parts.append(tr("Sync stopped: %1").arg(s.stoppedMessage));
    } else if (s.online) {
        parts.append(tr("Online"));
    } else if (s.offlineSinceUtc.isValid()) {
        parts.append(tr("Offline (since %1)").arg(hhmm(s.offlineSinceUtc)));
    } else {
        parts.append(tr("Offline"));
    }
    if (!s.retiredMessage.isEmpty()) // decision 9: composed in core, in Chinese
        parts.append(s.retiredMessage);
    if (!s.workingSetMessage.isEmpty()) // decision 11: composed in core, in Chinese
        parts.append(s.workingSetMessage);
    if (s.pending > 0)
        parts.append(tr("%n record(s) to upload", nullptr, s.pending));
    if (s.rejected > 0) {
        parts.append(tr("%n record(s) did not take effect", nullptr, s.rejected));
        Q_EMIT rejectedRecords(s.rejected);
    }
    if (s.lastSyncUtc.isValid())
        parts.append(tr("last sync %1").arg(hhmm(s.lastSyncUtc)));
    m_label->setText(parts.join(QStringLiteral(" · ")));
    m_label->setToolTip(s.lastError);
    m_now->setEnabled(s.stoppedMessage.isEmpty());
}

} // namespace onewindow::ui
