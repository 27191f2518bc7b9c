#pragma once

#include "core/CaseClocks.h"
#include "core/WorkingCalendar.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace onewindow::core {

// The hall supervisor's figures (日统计、周通报、月汇总), defined here once; the store counts them
// and the screens, exports and reports show them.
//
// Each figure is counted in the period of the day it happened (civil dates in the hall's zone):
// - received: the receipt day; accepted: the acceptance day (a deemed acceptance counts on the
//   receipt day, 行政许可法 Art. 32); refused: the day of the refusal;
// - one-time notices and repeat notices: every notice issued on the cases received in the period
//   (a notice belongs to its case's receipt, so a week's notices are those of that week's cases);
// - decided, decided on time and working days to decision: the decision day;
// - ratings: the day of the rating;
// - currently overdue: the cases received in the period that are open, not suspended and past their
//   earliest running deadline today (a snapshot, not a flow).

enum class PeriodKind
{
    Day,
    Week, // Monday to Sunday
    Month,
    Quarter,
    Year,
};
QString periodKindKey(PeriodKind kind);  // day, week, month, quarter, year
QString periodKindName(PeriodKind kind); // 日, 周, 月, 季度, 年
std::optional<PeriodKind> periodKindFromKey(const QString& key);

struct Period
{
    QDate first;
    QDate last;

    bool contains(const QDate& d) const { return d >= first && d <= last; }
    friend bool operator==(const Period&, const Period&) = default;
};

// The whole calendar period holding `date`.
Period periodContaining(PeriodKind kind, const QDate& date);
// The periods covering [from, to], the first and last cut to the range; empty when to < from.
QList<Period> periodsBetween(PeriodKind kind, const QDate& from, const QDate& to);
// 2026年11月22日 / 2026年11月16日至11月22日 / 2026年11月 / 2026年第4季度 / 2026年
QString periodLabel(PeriodKind kind, const Period& period);

enum class GroupBy
{
    None,
    Window,
    Clerk, // the clerk who received the case
    Department,
    Item,
};
QString groupByKey(GroupBy by);  // "", window, clerk, department, item
QString groupByName(GroupBy by); // 全厅, 窗口, 经办人, 部门, 事项
std::optional<GroupBy> groupByFromKey(const QString& key);

// Rating levels of 好差评: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意.
QString ratingLevelName(int level);

struct FigureSet
{
    qint64 received = 0;
    qint64 accepted = 0;
    qint64 refused = 0;
    qint64 notices = 0;       // one-time notices issued
    qint64 repeatNotices = 0; // of which repeat notices (naming something new)
    qint64 decided = 0;
    qint64 onTimePromised = 0;       // decided on or before the promised deadline (+ extension)
    qint64 onTimeStatutory = 0;      // decided on or before the statutory deadline (+ extension)
    qint64 decisionDays = 0;         // working days to decision, summed over the decided cases
    qint64 overdue = 0;              // currently overdue
    std::array<qint64, 5> ratings{}; // by level, ratings[level - 1]

    qint64 rated() const;
    qint64 satisfied() const; // 非常满意 + 满意 + 基本满意
    // 按期办结率: decided within the promised limit / decided. The promise is the hall's own,
    // stricter than the law, and the figure halls publish.
    std::optional<double> onTimeRate() const;
    std::optional<double> statutoryOnTimeRate() const;
    // Working days from acceptance to decision, suspended time excluded, averaged.
    std::optional<double> averageDecisionDays() const;
    // 满意率: (非常满意 + 满意 + 基本满意) / ratings. 不满意 and 非常不满意 are the bad ratings
    // that must be followed up (domain.md, 好差评); every other level counts as satisfied.
    std::optional<double> satisfactionRate() const;

    FigureSet& operator+=(const FigureSet& other);
    friend bool operator==(const FigureSet&, const FigureSet&) = default;
};

// One row of a figure table: a period and a group (key empty without grouping).
struct FigureRow
{
    Period period;
    QString key;
    QString label;
    FigureSet figures;
};

struct FigureTable
{
    PeriodKind kind = PeriodKind::Month;
    GroupBy groupBy = GroupBy::None;
    QDate from;
    QDate to;
    QDate asOf;                    // the day "currently overdue" was counted
    QList<FigureRow> rows;         // by period, then by label; only rows with any figure
    QList<FigureRow> periodTotals; // one per period of the range, groups summed
    QList<FigureRow> groupTotals;  // one per group, periods summed, by label
    FigureSet total;
};

// Collects figures counted per day and group into the periods of a table.
class FigureAccumulator
{
public:
    FigureAccumulator(PeriodKind kind, GroupBy by, const QDate& from, const QDate& to,
                      const QDate& asOf);

    // Adds `figures` counted on `day` for the group `key`; a day outside the range is ignored.
    void add(const QDate& day, const QString& key, const QString& label, const FigureSet& figures);
    FigureTable finish() const;

private:
    FigureTable m_table;
    QList<Period> m_periods;
    QHash<QString, QString> m_labels;
    QList<QHash<QString, FigureSet>> m_cells; // per period: key -> figures
};

// What a decided case adds to the figures.
struct DecisionFacts
{
    bool onTimePromised = false;
    bool onTimeStatutory = false;
    int workingDays = 0;
};

// Working days from acceptance to decision (the acceptance day does not count, the decision day
// does, 行政许可法 Art. 82), less the working days the case was suspended (行政许可法 Art. 45,
// 政府信息公开条例 Art. 32: suspended on S, resumed on R excludes S < d <= R). Empty until decided.
std::optional<int> workingDaysToDecision(const WorkingCalendar& calendar,
                                         const CaseTimeline& timeline);

// On time: decided on or before the clock's deadline, which already carries approved extensions
// (行政许可法 Art. 42, 政府信息公开条例 Art. 33) and excluded suspended days. Empty until decided.
std::optional<DecisionFacts> decisionFacts(const WorkingCalendar& calendar,
                                           const CaseTimeline& timeline,
                                           const QList<CaseClock>& clocks);

// The columns of a figure table as exports and reports show them (Chinese headers).
struct FigureColumn
{
    QString key;
    QString name;
};
const QList<FigureColumn>& figureColumns();
// The value of a column for a figure set: a count, or a rate/average with one decimal, or
// empty when there is nothing to divide by. Numeric values for JSON come from figureNumber.
QString figureText(const FigureSet& figures, const QString& columnKey);
std::optional<double> figureNumber(const FigureSet& figures, const QString& columnKey);

} // namespace onewindow::core
