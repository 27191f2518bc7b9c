#include "ui/TrayNotifier.h"

#include "store/CaseQueries.h"
#include "store/RejectedRecords.h"
#include "store/WarningNoticeRepository.h"

#include <QApplication>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>

#include <algorithm>

namespace onewindow::ui {

namespace {

constexpr int kTrayMs = 15000;
constexpr int kWatchedCases = 500; // my queue's own limit; red and yellow come first

} // namespace

TrayNotifier::TrayNotifier(store::Store& store, QStatusBar* fallback, QObject* parent)
    : QObject(parent), m_store(store), m_fallback(fallback)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(
            QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning), this);
        m_tray->setToolTip(tr("OneWindow: case warnings"));
        m_tray->show();
    }
}

QString TrayNotifier::alertText(const core::WarningAlert& a)
{
    if (a.level == core::WarningLevel::Red)
        return a.overdueDays > 0
                   ? tr("Case %1 (%2) is now red: overdue by %n working day(s)", nullptr,
                        a.overdueDays)
                         .arg(a.caseNumber, a.itemName)
                   : tr("Case %1 (%2) is now red: overdue").arg(a.caseNumber, a.itemName);
    return a.workingDaysLeft > 0
               ? tr("Case %1 (%2) is now yellow: %n working day(s) left", nullptr,
                    a.workingDaysLeft)
                     .arg(a.caseNumber, a.itemName)
               : tr("Case %1 (%2) is now yellow: due today").arg(a.caseNumber, a.itemName);
}

QStringList TrayNotifier::tellRejected(const QDateTime& nowUtc, const QTimeZone& zone)
{
    store::RejectedRecords records(m_store, zone);
    auto untold = records.untoldOwn();
    if (!untold) {
        qWarning("tray: rejected records could not be read (%s): %s",
                 qPrintable(untold.error().code), qPrintable(untold.error().message));
        return {};
    }
    if (untold->isEmpty())
        return {};
    QStringList lines;
    QStringList ids;
    for (const store::RejectedRecord& r : *untold) {
        ids.append(r.event.eventId);
        if (untold->size() <= kMaxLines)
            lines.append(tr("Case %1: %2").arg(r.caseNumber, r.text(zone)));
    }
    if (lines.isEmpty())
        lines.append(tr("%n of your records did not take effect at the hall; each case shows "
                        "what stands instead.",
                        nullptr, static_cast<int>(untold->size())));
    // Told before it is shown: a failed write only means a restart may tell these once more.
    if (core::Status saved = records.markTold(ids, nowUtc); !saved)
        qWarning("tray: what was told could not be saved (%s): %s", qPrintable(saved.error().code),
                 qPrintable(saved.error().message));
    present(tr("Records that did not take effect"), lines);
    return lines;
}

QStringList TrayNotifier::check(const store::User& clerk, const core::WorkingCalendar& calendar,
                                const QDate& today)
{
    if (clerk.userId != m_clerkId) {
        m_watch.reset(); // another clerk signed in: their cases, their news
        m_clerkId = clerk.userId;
        // What this clerk was already told today, before a restart.
        if (auto told = store::WarningNoticeRepository(m_store).load(clerk.userId))
            m_watch.setTold(told->day, told->keys);
        else
            qWarning("tray: what was told today could not be read (%s): %s",
                     qPrintable(told.error().code), qPrintable(told.error().message));
    }
    auto rows = store::CaseQueries(m_store).clerkOpen(clerk.userId, today, kWatchedCases);
    if (!rows) {
        // Without the queue no warning can be given: the clerk must know to look at My cases.
        const QString text =
            tr("Case warnings could not be checked: %1 Check the red and yellow cases in My "
               "cases yourself.")
                .arg(rows.error().message);
        qWarning("tray: %s: %s", qPrintable(rows.error().code), qPrintable(rows.error().message));
        if (m_fallback)
            m_fallback->showMessage(text, kTrayMs);
        Q_EMIT problem(text);
        return {};
    }
    // What the clerk last saw: their previous working day (Friday's levels on a Monday).
    auto lastWorkingDay = calendar.workingDayBefore(today.addDays(-1), 0);
    const QDate before = lastWorkingDay ? *lastWorkingDay : today.addDays(-1);
    QList<core::WatchedCase> cases;
    cases.reserve(rows->size());
    for (const store::CaseRow& r : *rows) {
        core::WatchedCase c{r.caseId, r.caseNumber, r.itemName, r.levelOn(today),
                            r.levelOn(before)};
        if (c.level == core::WarningLevel::Yellow) {
            auto left = calendar.workingDaysBetween(today, r.dueDate);
            c.workingDaysLeft = left ? *left : 0;
        } else if (c.level == core::WarningLevel::Red) {
            auto late = calendar.workingDaysBetween(r.dueDate, today);
            c.overdueDays = late ? *late : 0;
        }
        cases.append(c);
    }
    const QList<core::WarningAlert> alerts = m_watch.observe(today, cases);
    if (alerts.isEmpty())
        return {};
    // A failed write only means a restart may tell these once more: logged, not shown.
    if (core::Status saved =
            store::WarningNoticeRepository(m_store).save(clerk.userId, today, m_watch.told());
        !saved)
        qWarning("tray: what was told today could not be saved (%s): %s",
                 qPrintable(saved.error().code), qPrintable(saved.error().message));
    QStringList lines;
    if (alerts.size() <= kMaxLines) {
        for (const core::WarningAlert& a : alerts)
            lines.append(alertText(a));
    } else {
        const auto red = std::count_if(alerts.begin(), alerts.end(), [](const auto& a) {
            return a.level == core::WarningLevel::Red;
        });
        lines.append(tr("%1 of your cases are now yellow and %2 red; see My cases.")
                         .arg(alerts.size() - red)
                         .arg(red));
    }
    // One message at a time: a second one would replace the first before it is read.
    present(tr("Case warning"), lines);
    return lines;
}

void TrayNotifier::present(const QString& title, const QStringList& lines)
{
    // The tray's balloon where there is a tray, the status bar's line otherwise.
    if (m_tray)
        m_tray->showMessage(title, lines.join(QLatin1Char('\n')), QSystemTrayIcon::Warning,
                            kTrayMs);
    else if (m_fallback)
        m_fallback->showMessage(lines.join(QStringLiteral("；")), kTrayMs);
    for (const QString& line : lines)
        Q_EMIT notified(line);
}

} // namespace onewindow::ui
