#include "ui/SyncStatusWidget.h"

#include "core/ClockOffset.h"

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
    m_clock = new QLabel(this);
    m_clock->setObjectName(QStringLiteral("syncClock"));
    m_clock->hide();
    m_now = new QPushButton(tr("Sync now"), this);
    m_now->setAutoDefault(false);
    layout->addWidget(m_label);
    layout->addWidget(m_clock);
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

QString SyncStatusWidget::clockText() const
{
    return m_clock->isHidden() ? QString() : m_clock->text();
}

QString SyncStatusWidget::clockToolTip() const
{
    return m_clock->toolTip();
}

QString SyncStatusWidget::timeText(const QDateTime& utc, const QDateTime& nowUtc) const
{
    const QDateTime local = utc.toTimeZone(m_zone);
    const bool today = nowUtc.isValid() && nowUtc.toTimeZone(m_zone).date() == local.date();
    return local.toString(today ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm"));
}

void SyncStatusWidget::showClock(const sync::SyncStatus& s)
{
    // Decision 7 (docs/sync-protocol.md "Clocks"): the rule is core's (clockGapStanding, the
    // same test CaseStore refuses an act by); here it is only said, before the act.
    namespace proto = core::sync;
    QString text, tip;
    QString colour;
    const QString gap = proto::gapText(s.clockOffsetMs);
    const QString allowed = proto::gapText(qint64(s.maxClockGapSeconds) * 1000);
    const bool ahead = s.clockOffsetMs < 0; // offset = server - machine
    const auto standing = proto::clockGapStanding(s.clockOffsetMs, s.maxClockGapSeconds);
    const QString serverWrong =
        tr("If this computer's date and time are right, the hall server's clock is wrong: tell "
           "the administrator.");
    if (!s.enrolled || !s.clockMeasured || !s.stoppedMessage.isEmpty()) {
        // nothing measured, or nothing more to sync: nothing to say
    } else if (s.clockOnline && standing == proto::ClockGapStanding::Over) {
        text = ahead ? tr("This computer's clock is %1 ahead of the hall server, over the %2 "
                          "allowed: acts will be refused. Correct this computer's time, then sync "
                          "now")
                           .arg(gap, allowed)
                     : tr("This computer's clock is %1 behind the hall server, over the %2 "
                          "allowed: acts will be refused. Correct this computer's time, then sync "
                          "now")
                           .arg(gap, allowed);
        tip = serverWrong;
        colour = QStringLiteral("#b00020");
    } else if (s.clockOnline && standing == proto::ClockGapStanding::Near) {
        text = ahead ? tr("This computer's clock is %1 ahead of the hall server (%2 allowed): "
                          "correct its time before acts are refused")
                           .arg(gap, allowed)
                     : tr("This computer's clock is %1 behind the hall server (%2 allowed): "
                          "correct its time before acts are refused")
                           .arg(gap, allowed);
        tip = serverWrong;
        colour = QStringLiteral("#8a5300");
    } else if (!s.clockOnline && proto::uncheckedClockMatters(s.clockOffsetMs, s.clockMeasuredAtUtc,
                                                              s.nowUtc, s.maxClockGapSeconds)) {
        const QString since = timeText(s.clockMeasuredAtUtc, s.nowUtc);
        if (standing == proto::ClockGapStanding::Within) {
            text = tr("Clock not checked against the hall server since %1").arg(since);
        } else {
            text = tr("Clock not checked against the hall server since %1, when it was %2 off "
                      "(%3 allowed): correct this computer's time")
                       .arg(since, gap, allowed);
            colour = QStringLiteral("#8a5300");
        }
        tip = tr("Offline the acts go on, timed by this computer's clock corrected by the last "
                 "measured offset; the hall server checks it again at the next sync.");
    }
    m_clock->setText(text);
    m_clock->setToolTip(tip);
    m_clock->setStyleSheet(colour.isEmpty() ? QString()
                                            : QStringLiteral("QLabel { color: %1; }").arg(colour));
    m_clock->setVisible(!text.isEmpty());
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
    showClock(s);
}

} // namespace onewindow::ui
