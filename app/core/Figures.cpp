#include "core/Figures.h"

#include "core/DateText.h"

#include <algorithm>

namespace onewindow::core {

QString periodKindKey(PeriodKind kind)
{
    switch (kind) {
    case PeriodKind::Day:
        return QStringLiteral("day");
    case PeriodKind::Week:
        return QStringLiteral("week");
    case PeriodKind::Month:
        return QStringLiteral("month");
    case PeriodKind::Quarter:
        return QStringLiteral("quarter");
    case PeriodKind::Year:
        return QStringLiteral("year");
    }
    return {};
}

QString periodKindName(PeriodKind kind)
{
    switch (kind) {
    case PeriodKind::Day:
        return QStringLiteral("日");
    case PeriodKind::Week:
        return QStringLiteral("周");
    case PeriodKind::Month:
        return QStringLiteral("月");
    case PeriodKind::Quarter:
        return QStringLiteral("季度");
    case PeriodKind::Year:
        return QStringLiteral("年");
    }
    return {};
}

std::optional<PeriodKind> periodKindFromKey(const QString& key)
{
    for (PeriodKind k : {PeriodKind::Day, PeriodKind::Week, PeriodKind::Month, PeriodKind::Quarter,
                         PeriodKind::Year})
        if (periodKindKey(k) == key)
            return k;
    return std::nullopt;
}

Period periodContaining(PeriodKind kind, const QDate& d)
{
    switch (kind) {
    case PeriodKind::Day:
        return {d, d};
    case PeriodKind::Week: {
        const QDate monday = d.addDays(1 - d.dayOfWeek());
        return {monday, monday.addDays(6)};
    }
    case PeriodKind::Month: {
        const QDate first(d.year(), d.month(), 1);
        return {first, first.addMonths(1).addDays(-1)};
    }
    case PeriodKind::Quarter: {
        const QDate first(d.year(), (d.month() - 1) / 3 * 3 + 1, 1);
        return {first, first.addMonths(3).addDays(-1)};
    }
    case PeriodKind::Year:
        return {QDate(d.year(), 1, 1), QDate(d.year(), 12, 31)};
    }
    return {d, d};
}

QList<Period> periodsBetween(PeriodKind kind, const QDate& from, const QDate& to)
{
    QList<Period> out;
    if (!from.isValid() || !to.isValid() || to < from)
        return out;
    QDate d = from;
    while (d <= to) {
        const Period whole = periodContaining(kind, d);
        out.append(Period{std::max(whole.first, from), std::min(whole.last, to)});
        d = whole.last.addDays(1);
    }
    return out;
}

QString periodLabel(PeriodKind kind, const Period& p)
{
    switch (kind) {
    case PeriodKind::Day:
        return chineseDate(p.first);
    case PeriodKind::Week:
        return QStringLiteral("%1至%2月%3日")
            .arg(chineseDate(p.first))
            .arg(p.last.month())
            .arg(p.last.day());
    case PeriodKind::Month:
        return QStringLiteral("%1年%2月").arg(p.first.year()).arg(p.first.month());
    case PeriodKind::Quarter:
        return QStringLiteral("%1年第%2季度").arg(p.first.year()).arg((p.first.month() + 2) / 3);
    case PeriodKind::Year:
        return QStringLiteral("%1年").arg(p.first.year());
    }
    return {};
}

QString groupByKey(GroupBy by)
{
    switch (by) {
    case GroupBy::None:
        return QString();
    case GroupBy::Window:
        return QStringLiteral("window");
    case GroupBy::Clerk:
        return QStringLiteral("clerk");
    case GroupBy::Department:
        return QStringLiteral("department");
    case GroupBy::Item:
        return QStringLiteral("item");
    }
    return {};
}

QString groupByName(GroupBy by)
{
    switch (by) {
    case GroupBy::None:
        return QStringLiteral("全厅");
    case GroupBy::Window:
        return QStringLiteral("窗口");
    case GroupBy::Clerk:
        return QStringLiteral("经办人");
    case GroupBy::Department:
        return QStringLiteral("部门");
    case GroupBy::Item:
        return QStringLiteral("事项");
    }
    return {};
}

std::optional<GroupBy> groupByFromKey(const QString& key)
{
    for (GroupBy b :
         {GroupBy::None, GroupBy::Window, GroupBy::Clerk, GroupBy::Department, GroupBy::Item})
        if (groupByKey(b) == key)
            return b;
    return std::nullopt;
}

QString ratingLevelName(int level)
{
    switch (level) {
    case 5:
        return QStringLiteral("非常满意");
    case 4:
        return QStringLiteral("满意");
    case 3:
        return QStringLiteral("基本满意");
    case 2:
        return QStringLiteral("不满意");
    case 1:
        return QStringLiteral("非常不满意");
    }
    return {};
}

qint64 FigureSet::rated() const
{
    qint64 n = 0;
    for (qint64 r : ratings)
        n += r;
    return n;
}

qint64 FigureSet::satisfied() const
{
    return ratings[2] + ratings[3] + ratings[4];
}

namespace {

std::optional<double> ratio(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return std::nullopt;
    return static_cast<double>(part) / static_cast<double>(whole);
}

} // namespace

std::optional<double> FigureSet::onTimeRate() const
{
    return ratio(onTimePromised, decided);
}

std::optional<double> FigureSet::statutoryOnTimeRate() const
{
    return ratio(onTimeStatutory, decided);
}

std::optional<double> FigureSet::averageDecisionDays() const
{
    return ratio(decisionDays, decided);
}

std::optional<double> FigureSet::satisfactionRate() const
{
    return ratio(satisfied(), rated());
}

FigureSet& FigureSet::operator+=(const FigureSet& o)
{
    received += o.received;
    accepted += o.accepted;
    refused += o.refused;
    notices += o.notices;
    repeatNotices += o.repeatNotices;
    decided += o.decided;
    onTimePromised += o.onTimePromised;
    onTimeStatutory += o.onTimeStatutory;
    decisionDays += o.decisionDays;
    overdue += o.overdue;
    for (std::size_t i = 0; i < ratings.size(); ++i)
        ratings[i] += o.ratings[i];
    return *this;
}

FigureAccumulator::FigureAccumulator(PeriodKind kind, GroupBy by, const QDate& from,
                                     const QDate& to, const QDate& asOf)
    : m_periods(periodsBetween(kind, from, to))
{
    m_table.kind = kind;
    m_table.groupBy = by;
    m_table.from = from;
    m_table.to = to;
    m_table.asOf = asOf;
    m_cells.resize(m_periods.size());
}

void FigureAccumulator::add(const QDate& day, const QString& key, const QString& label,
                            const FigureSet& figures)
{
    if (m_periods.isEmpty() || !day.isValid() || day < m_table.from || day > m_table.to)
        return;
    // Periods are contiguous and sorted: find the one holding the day.
    const auto it = std::upper_bound(m_periods.begin(), m_periods.end(), day,
                                     [](const QDate& d, const Period& p) { return d < p.first; });
    const qsizetype index = (it - m_periods.begin()) - 1;
    m_cells[index][key] += figures;
    if (!m_labels.contains(key))
        m_labels.insert(key, label);
}

FigureTable FigureAccumulator::finish() const
{
    FigureTable t = m_table;
    QStringList keys = m_labels.keys();
    std::sort(keys.begin(), keys.end(), [&](const QString& a, const QString& b) {
        const QString& la = m_labels[a];
        const QString& lb = m_labels[b];
        return la != lb ? la < lb : a < b;
    });
    QHash<QString, FigureSet> byGroup;
    for (qsizetype i = 0; i < m_periods.size(); ++i) {
        FigureRow periodRow{m_periods[i], QString(), QString(), FigureSet{}};
        for (const QString& key : keys) {
            const auto cell = m_cells[i].constFind(key);
            if (cell == m_cells[i].constEnd())
                continue;
            t.rows.append(FigureRow{m_periods[i], key, m_labels[key], *cell});
            periodRow.figures += *cell;
            byGroup[key] += *cell;
        }
        t.periodTotals.append(periodRow);
        t.total += periodRow.figures;
    }
    for (const QString& key : keys)
        t.groupTotals.append(FigureRow{Period{t.from, t.to}, key, m_labels[key], byGroup[key]});
    return t;
}

std::optional<int> workingDaysToDecision(const WorkingCalendar& calendar, const CaseTimeline& t)
{
    if (!t.accepted || !t.decided)
        return std::nullopt;
    const QDate start = *t.accepted;
    const QDate end = std::max(*t.decided, start);
    if (!WorkingCalendar::supports(start) || !WorkingCalendar::supports(end))
        return std::nullopt;
    int days = calendar.workingDaysBetweenJd(start.toJulianDay(), end.toJulianDay());
    // Suspended spans inside (start, end], overlapping ones merged so no day is taken off twice.
    QList<std::pair<QDate, QDate>> spans;
    for (const Suspension& s : t.suspensions) {
        const QDate from = std::max(s.suspended, start);
        const QDate to = std::min(s.resumed.value_or(end), end);
        if (to > from)
            spans.append({from, to});
    }
    std::sort(spans.begin(), spans.end());
    QDate covered = start;
    for (const auto& [from, to] : spans) {
        const QDate a = std::max(from, covered);
        if (to > a)
            days -= calendar.workingDaysBetweenJd(a.toJulianDay(), to.toJulianDay());
        covered = std::max(covered, to);
    }
    return std::max(days, 0);
}

std::optional<DecisionFacts> decisionFacts(const WorkingCalendar& calendar,
                                           const CaseTimeline& timeline,
                                           const QList<CaseClock>& clocks)
{
    const std::optional<int> days = workingDaysToDecision(calendar, timeline);
    if (!days)
        return std::nullopt;
    DecisionFacts f;
    f.workingDays = *days;
    for (const CaseClock& c : clocks) {
        const bool onTime = c.clock.stopped && *c.clock.stopped <= c.clock.deadline;
        if (c.kind == ClockKind::Promised)
            f.onTimePromised = onTime;
        else if (c.kind == ClockKind::Statutory)
            f.onTimeStatutory = onTime;
    }
    return f;
}

const QList<FigureColumn>& figureColumns()
{
    static const QList<FigureColumn> columns{
        {QStringLiteral("received"), QStringLiteral("收件")},
        {QStringLiteral("accepted"), QStringLiteral("受理")},
        {QStringLiteral("refused"), QStringLiteral("不予受理")},
        {QStringLiteral("notices"), QStringLiteral("一次性告知")},
        {QStringLiteral("repeat_notices"), QStringLiteral("其中重复告知")},
        {QStringLiteral("decided"), QStringLiteral("办结")},
        {QStringLiteral("on_time_promised"), QStringLiteral("承诺时限内办结")},
        {QStringLiteral("on_time_statutory"), QStringLiteral("法定时限内办结")},
        {QStringLiteral("on_time_rate"), QStringLiteral("按期办结率")},
        {QStringLiteral("average_days"), QStringLiteral("平均办理工作日")},
        {QStringLiteral("overdue"), QStringLiteral("当前超期")},
        {QStringLiteral("rating_5"), QStringLiteral("非常满意")},
        {QStringLiteral("rating_4"), QStringLiteral("满意")},
        {QStringLiteral("rating_3"), QStringLiteral("基本满意")},
        {QStringLiteral("rating_2"), QStringLiteral("不满意")},
        {QStringLiteral("rating_1"), QStringLiteral("非常不满意")},
        {QStringLiteral("satisfaction_rate"), QStringLiteral("满意率")},
    };
    return columns;
}

std::optional<double> figureNumber(const FigureSet& f, const QString& key)
{
    static const QHash<QString, qint64 FigureSet::*> counts{
        {QStringLiteral("received"), &FigureSet::received},
        {QStringLiteral("accepted"), &FigureSet::accepted},
        {QStringLiteral("refused"), &FigureSet::refused},
        {QStringLiteral("notices"), &FigureSet::notices},
        {QStringLiteral("repeat_notices"), &FigureSet::repeatNotices},
        {QStringLiteral("decided"), &FigureSet::decided},
        {QStringLiteral("on_time_promised"), &FigureSet::onTimePromised},
        {QStringLiteral("on_time_statutory"), &FigureSet::onTimeStatutory},
        {QStringLiteral("overdue"), &FigureSet::overdue},
    };
    if (const auto it = counts.constFind(key); it != counts.constEnd())
        return static_cast<double>(f.*(*it));
    if (key.startsWith(QStringLiteral("rating_"))) {
        const int level = key.mid(7).toInt();
        if (level >= 1 && level <= 5)
            return static_cast<double>(f.ratings[static_cast<std::size_t>(level - 1)]);
        return std::nullopt;
    }
    if (key == QStringLiteral("on_time_rate"))
        return f.onTimeRate();
    if (key == QStringLiteral("average_days"))
        return f.averageDecisionDays();
    if (key == QStringLiteral("satisfaction_rate"))
        return f.satisfactionRate();
    return std::nullopt;
}

QString figureText(const FigureSet& f, const QString& key)
{
    const std::optional<double> v = figureNumber(f, key);
    if (!v)
        return QString();
    if (key.endsWith(QStringLiteral("_rate")))
        return QString::number(*v * 100.0, 'f', 1) + QLatin1Char('%');
    if (key == QStringLiteral("average_days"))
        return QString::number(*v, 'f', 1);
    return QString::number(static_cast<qint64>(*v));
}

} // namespace onewindow::core
