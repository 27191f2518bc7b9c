#pragma once

#include "core/WarningWatch.h"
#include "core/WorkingCalendar.h"
#include "store/UserRepository.h"

#include <QObject>
#include <QTimeZone>

class QStatusBar;
class QSystemTrayIcon;

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

// A desktop notification tells the clerk when one of their cases turns yellow or red: a system
// tray message where the desktop has a tray, a status-bar message where it has none. Called on the
// window's tick (each minute and when the day turns); core::WarningWatch decides what is news, so
// each case is told once per level per day, across restarts too (store::WarningNoticeRepository).
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    // More alerts than this at one look are told as one count, not one line each.
    static constexpr int kMaxLines = 3;

    TrayNotifier(store::Store& store, QStatusBar* fallback, QObject* parent = nullptr);

    // Looks at the clerk's open cases on `today`; returns what was told (also emitted).
    QStringList check(const store::User& clerk, const core::WorkingCalendar& calendar,
                      const QDate& today);
    bool usesTray() const { return m_tray != nullptr; }
    // Tells the clerk once of each own record the hall rejected (decision 3), with the record
    // that stands; remembered in the store (store::RejectedRecords::markTold), so a restart does
    // not tell it again. Returns what was told (also emitted).
    QStringList tellRejected(const QDateTime& nowUtc, const QTimeZone& zone);

    static QString alertText(const core::WarningAlert& alert);

Q_SIGNALS:
    void notified(const QString& text); // test hook: each message as shown
    void problem(const QString& text);  // the warnings could not be checked (also shown)

private:
    // One message: its lines under `title`, and each line to notified().
    void present(const QString& title, const QStringList& lines);

    store::Store& m_store;
    QStatusBar* m_fallback;
    QSystemTrayIcon* m_tray = nullptr;
    core::WarningWatch m_watch;
    QString m_clerkId;
};

} // namespace onewindow::ui
