#include "ui/CaseClocksModel.h"

#include "core/ClockText.h"
#include "core/DateText.h"
#include "ui/UiText.h"

namespace onewindow::ui {

void CaseClocksModel::setClocks(QList<core::CaseClock> clocks)
{
    beginResetModel();
    m_clocks = std::move(clocks);
    endResetModel();
}

int CaseClocksModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_clocks.size());
}

int CaseClocksModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CaseClocksModel::note(const core::ClockResult& r) const
{
    QStringList notes;
    if (r.provisional)
        notes.append(tr("provisional calendar"));
    if (r.status.suspended)
        notes.append(tr("suspended: days left frozen"));
    if (r.excludedDays > 0)
        notes.append(r.unit == core::DayUnit::CalendarDays
                         ? tr("%1 days not counted").arg(r.excludedDays)
                         : tr("%1 working days not counted").arg(r.excludedDays));
    if (r.unit == core::DayUnit::CalendarDays)
        notes.append(tr("limit of %1 calendar days (日)").arg(r.limit));
    return notes.join(QStringLiteral("；"));
}

QVariant CaseClocksModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const core::CaseClock& c = m_clocks.at(index.row());
    const core::ClockResult& r = c.clock;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ClockColumn:
            return core::clockKindName(c.kind);
        case DeadlineColumn:
            return core::deadlineText(r.deadline, r.provisional); // this clock's own mark
        case DaysLeftColumn:
            // As core words it for every screen: 剩余 / 今日到期 / 已超期, in the clock's unit.
            return core::clockStandingText(r.status, r.unit);
        case WarningColumn:
            return core::warningLevelName(r.status.level);
        case NoteColumn:
            return note(r);
        default:
            return QVariant();
        }
    }
    if (role == Qt::BackgroundRole)
        return levelBackground(r.status.level);
    return QVariant();
}

QVariant CaseClocksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ClockColumn:
        return tr("Clock");
    case DeadlineColumn:
        return tr("Deadline");
    case DaysLeftColumn:
        return tr("Days left or overdue"); // in the clock's unit, as the cell says
    case WarningColumn:
        return tr("Warning");
    case NoteColumn:
        return tr("Note");
    default:
        return QVariant();
    }
}

} // namespace onewindow::ui
