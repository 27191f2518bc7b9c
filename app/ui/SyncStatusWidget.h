#pragma once

#include "sync/SyncService.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QPushButton;

namespace onewindow::ui {

// The window's place in its hall, in the status bar (issue 18): 在线 / 离线（自 10:42 起）/
// N 条待上传 / last sync, and 立即同步. Fed by the background SyncService's signals: sync never
// runs on the UI thread. Beside it, decision 7: this PC's clock against the hall server's as the
// last sync measured it, named before an act is refused for it (red over the hall's
// maxClockGapSeconds, a calmer warning over half of it, offline how long it went unchecked).
class SyncStatusWidget : public QWidget
{
    Q_OBJECT
public:
    SyncStatusWidget(const QTimeZone& zone, QWidget* parent = nullptr);
    // Starts background sync of the store at `path` (its own thread and connection) and shows it.
    void startService(const QString& path, const core::Clock& clock,
                      const core::HallSettings& settings);
    QString text() const;
    // Decision 7: the clock's line (empty while there is nothing to say) and its tooltip.
    QString clockText() const;
    QString clockToolTip() const;
    // The hall's zone changed (a pulled settings record): the times shown follow it.
    void setZone(const QTimeZone& zone) { m_zone = zone; }

public Q_SLOTS:
    void showStatus(const onewindow::sync::SyncStatus& status);

Q_SIGNALS:
    void syncRequested();
    // A pull brought the hall's new holiday notice: the window's deadlines count with it.
    void hallCalendarChanged();
    // The hall has rejected own records (decision 3): the tray tells the clerk of the new ones.
    void rejectedRecords(int count);
    // A sync or a poke brought other windows' events: the lists show them (a case forwarded to
    // this back office appears in its queue within moments).
    void hallCasesChanged();
    // A pull brought the hall's new settings (name, zone, office hours, offline sign-in, clock
    // gap): the running window takes them at once.
    void hallSettingsChanged();

private:
    void showClock(const sync::SyncStatus& status);
    QString timeText(const QDateTime& utc, const QDateTime& nowUtc) const;

    QTimeZone m_zone;
    QLabel* m_label = nullptr;
    QLabel* m_clock = nullptr;
    QPushButton* m_now = nullptr;
    sync::SyncService* m_service = nullptr;
};

} // namespace onewindow::ui
