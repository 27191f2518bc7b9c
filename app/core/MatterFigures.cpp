#include "core/MatterFigures.h"

#include <QMap>

namespace onewindow::core {

std::optional<double> MatterFigureSet::onTimeRate() const
{
    if (finished == 0)
        return std::nullopt;
    return 100.0 * static_cast<double>(finishedOnTime) / static_cast<double>(finished);
}

std::optional<double> MatterFigureSet::averageDays() const
{
    if (finished == 0)
        return std::nullopt;
    return static_cast<double>(workingDays) / static_cast<double>(finished);
}

MatterFigureSet& MatterFigureSet::operator+=(const MatterFigureSet& o)
{
    received += o.received;
    finished += o.finished;
    finishedOnTime += o.finishedOnTime;
    workingDays += o.workingDays;
    return *this;
}

Result<MatterFacts> matterFacts(const WorkingCalendar& calendar, const Matter& matter,
                                const MatterProgress& progress, const QList<MatterPartCase>& parts)
{
    MatterFacts f;
    f.code = matter.code;
    f.name = matter.name;
    for (const MatterPartCase& part : parts)
        if (!f.departments.contains(part.item.department))
            f.departments.append(part.item.department);
    f.received = progress.received;
    if (progress.done && progress.doneOn) {
        f.finishedOn = progress.doneOn;
        // 一件事: within the matter's own promise, its clock stopped on the last part's day.
        f.onTime = *progress.doneOn <= progress.clock.deadline;
        // 行政许可法 Art. 82: the intake day does not count, the finish day does.
        auto days = calendar.workingDaysBetween(progress.received,
                                                std::max(*progress.doneOn, progress.received));
        if (!days)
            return days.error();
        f.workingDays = *days;
    }
    return f;
}

namespace {

MatterFigureSet contribution(const MatterFacts& m, const QDate& from, const QDate& to)
{
    MatterFigureSet s;
    if (m.received >= from && m.received <= to)
        s.received = 1;
    if (m.finishedOn && *m.finishedOn >= from && *m.finishedOn <= to) {
        s.finished = 1;
        s.finishedOnTime = m.onTime ? 1 : 0;
        s.workingDays = m.workingDays;
    }
    return s;
}

QList<MatterFigureRow> rowsOf(const QMap<QString, MatterFigureRow>& rows)
{
    QList<MatterFigureRow> out;
    for (const MatterFigureRow& r : rows)
        if (r.figures != MatterFigureSet())
            out.append(r);
    std::sort(out.begin(), out.end(),
              [](const MatterFigureRow& a, const MatterFigureRow& b) { return a.label < b.label; });
    return out;
}

} // namespace

MatterFigureTable matterFigures(const QList<MatterFacts>& matters, const QDate& from,
                                const QDate& to)
{
    MatterFigureTable t;
    t.from = from;
    t.to = to;
    QMap<QString, MatterFigureRow> byMatter, byDepartment;
    for (const MatterFacts& m : matters) {
        const MatterFigureSet s = contribution(m, from, to);
        if (s == MatterFigureSet())
            continue;
        t.total += s;
        MatterFigureRow& row = byMatter[m.code];
        row.key = m.code;
        row.label = m.name;
        row.figures += s;
        for (const QString& d : m.departments) {
            MatterFigureRow& dep = byDepartment[d];
            dep.key = d;
            dep.label = d;
            dep.figures += s;
        }
    }
    t.byMatter = rowsOf(byMatter);
    t.byDepartment = rowsOf(byDepartment);
    return t;
}

QList<std::pair<QString, QString>> matterFigureColumns()
{
    return {{QStringLiteral("received"), QStringLiteral("受理")},
            {QStringLiteral("finished"), QStringLiteral("办结")},
            {QStringLiteral("finished_on_time"), QStringLiteral("承诺时限内办结")},
            {QStringLiteral("on_time_rate"), QStringLiteral("按诺办结率")},
            {QStringLiteral("average_days"), QStringLiteral("平均办理工作日")}};
}

QString matterFigureText(const MatterFigureSet& f, const QString& key)
{
    if (key == QStringLiteral("received"))
        return QString::number(f.received);
    if (key == QStringLiteral("finished"))
        return QString::number(f.finished);
    if (key == QStringLiteral("finished_on_time"))
        return QString::number(f.finishedOnTime);
    const std::optional<double> v =
        key == QStringLiteral("on_time_rate") ? f.onTimeRate() : f.averageDays();
    if (!v)
        return QStringLiteral("—");
    return key == QStringLiteral("on_time_rate") ? QStringLiteral("%1%").arg(*v, 0, 'f', 1)
                                                 : QString::number(*v, 'f', 1);
}

} // namespace onewindow::core
