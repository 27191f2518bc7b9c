#pragma once

#include "core/Clock.h"
#include "core/DeadlineClock.h"
#include "core/HallSettings.h"
#include "core/WorkingCalendar.h"
#include "store/CaseQueries.h"
#include "store/Store.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace onewindow::store {

// One clock of a case on the board: its deadline, and as of `today` the working days left
// (negative once past) and the warning level. Not running: not started yet, or stopped.
struct BoardClock
{
    bool running = false;
    QDate deadline;
    QDate yellowFrom;
    int daysLeft = 0;
    int overdueDays = 0; // red: from the day after the deadline, >= 1 (core::overdueDaysOn)
    core::DayUnit unit = core::DayUnit::WorkingDays;
    bool provisional = false; // this clock's own counting touched a provisional year
    core::WarningLevel level = core::WarningLevel::Normal;
};

// An open case as the supervisor's board shows it: the projection row, the statutory and promised
// clocks, and the notice clock (an application neither noticed nor accepted is deemed accepted
// when it runs out, 行政许可法 Art. 32).
struct BoardRow
{
    CaseRow row;
    BoardClock statutory;
    BoardClock promised;
    BoardClock notice;
    core::WarningLevel level = core::WarningLevel::Normal; // as the clerk's queue colours it
    std::optional<int> daysLeft; // to the earliest running deadline; none while nothing runs
};

// What the board can be narrowed to; empty fields do not narrow.
struct BoardFilter
{
    QString windowCode;
    QString clerkId;
    QString department;
    QString itemCode;
    QString profile; // core::profileKey
    QString status;  // core::caseStatusKey
    std::optional<core::WarningLevel> level;
};

enum class BoardGrouping
{
    None,
    Window,
    Clerk,
    Department,
    Item,
    Profile,
    Status,
    Level,
};

// The counts of one group: "红牌 3 · 黄牌 12 · 正常 240".
struct BoardGroup
{
    QString key;     // the window code, clerk id, item code, status key ... of its rows
    QList<int> rows; // indexes into the board's rows, in board order
    int red = 0;
    int yellow = 0;
    int normal = 0;
};

// A supervision order (督办) on an open case: the latest order is the case's current one.
struct SupervisionOrder
{
    CaseRow row;
    QString toClerk;
    QString toWindow;
    QString note;
    QDate due; // invalid: no due date
    QDate orderedOn;
    QString orderedBy;
};

// An extension request waiting for the supervisor (行政许可法 Art. 42; 政府信息公开条例 Art. 33).
struct PendingExtension
{
    CaseRow row;
    QString clock; // "statutory" or "promised"
    int days = 0;
    QString reason;
    QDate requestedOn;
    QString requestedBy;
    QDate deadline; // of that clock now, before the extension
};

// A repeat one-time notice (something new asked after the first notice) with its recorded reason.
struct RepeatNotice
{
    CaseRow row;
    QDate issuedOn;
    QString issuedBy;
    QString reason;
    QString approvedBy;
    int corrections = 0;
};

// A bad rating (不满意 / 非常不满意) and its follow-up clock.
struct BadRating
{
    CaseRow row;
    int level = 0;
    QString comment;
    QDate ratedOn;
    BoardClock followUp;
    std::optional<QDate> followedUpOn;
    QString result;
};

// What the hall supervisor watches. The board reads the open cases only (a partial index keeps
// them: a few thousand even in a ten-year store) with their clocks by primary key; orders and
// extension requests come from the events of those open cases. The lists of closed cases (repeat
// notices, ratings, deemed acceptance and abandonment) are bounded by a start date.
// The oversight lists' statements (open orders, pending extensions): through the partial
// indexes of migration 0020, never each open case's whole log (tests/store check their plans).
QString openOrdersSql();
QString pendingExtensionsSql();

class SupervisionQueries
{
public:
    SupervisionQueries(Store& store, const core::WorkingCalendar& calendar,
                       const QTimeZone& zone = core::HallSettings::defaultZone())
        : m_store(store), m_calendar(calendar), m_zone(zone)
    {}

    // Open cases: red first, then yellow, then the rest; each by working days left, then number.
    Result<QList<BoardRow>> board(const QDate& today, const BoardFilter& filter = {}) const;
    // The last event's rowid: the board read at one mark is current until the mark moves.
    Result<qint64> eventMark() const;
    // The cases touched by events after `mark` (ids, each once): what a board read at `mark`
    // must read again (boardCases) to be current.
    Result<QStringList> casesChangedSince(qint64 mark) const;
    // The board rows of these cases that are still open (unsorted; closed ones left out).
    Result<QList<BoardRow>> boardCases(const QDate& today, const QStringList& caseIds) const;
    // The board's order: red first, then yellow, then the rest; by days left, due date, number.
    static void sortBoard(QList<BoardRow>& rows);
    // Groups of board rows with their counts per warning level, largest red count first.
    static QList<BoardGroup> group(const QList<BoardRow>& rows, BoardGrouping grouping);
    static QString groupKey(const BoardRow& row, BoardGrouping grouping);

    Result<QList<PendingExtension>> pendingExtensions() const;
    // Current orders of open cases, not yet answered (督办反馈); with a clerk or window, those
    // addressed to either of them.
    Result<QList<SupervisionOrder>> openOrders(const QString& clerkId = {},
                                               const QString& windowCode = {}) const;
    Result<QList<RepeatNotice>> repeatNotices(const QDate& receivedFrom, int limit) const;
    // Ratings of cases decided since `decidedFrom`; running follow-ups first.
    Result<QList<BadRating>> badRatings(const QDate& decidedFrom, const QDate& today,
                                        int limit) const;
    Result<QList<CaseRow>> deemedAccepted(const QDate& receivedFrom, int limit) const;
    Result<QList<CaseRow>> deemedAbandoned(const QDate& receivedFrom, int limit) const;

private:
    BoardClock clockOf(const QVariant& deadline, const QVariant& yellowFrom,
                       const QVariant& stopped, const QDate& today,
                       core::DayUnit unit = core::DayUnit::WorkingDays) const;
    Result<QList<BoardRow>> readBoard(const QDate& today, const QString& where,
                                      const QVariantList& binds) const;

    Store& m_store;
    const core::WorkingCalendar& m_calendar;
    QTimeZone m_zone;
};

} // namespace onewindow::store
