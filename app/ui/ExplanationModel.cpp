#include "ui/ExplanationModel.h"

#include "core/DateText.h"
#include "ui/UiText.h"

#include <QBrush>
#include <QColor>

namespace onewindow::ui {

void ExplanationModel::setDays(QList<core::ExplainedDay> days, core::DayUnit unit)
{
    beginResetModel();
    m_days = std::move(days);
    m_unit = unit;
    endResetModel();
}

int ExplanationModel::countedCount() const
{
    return static_cast<int>(m_days.size()) - skippedCount();
}

int ExplanationModel::skippedCount() const
{
    return static_cast<int>(std::count_if(
        m_days.begin(), m_days.end(), [](const core::ExplainedDay& d) { return d.ordinal == 0; }));
}

int ExplanationModel::suspendedCount() const
{
    return static_cast<int>(std::count_if(m_days.begin(), m_days.end(),
                                          [](const core::ExplainedDay& d) { return d.suspended; }));
}

int ExplanationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_days.size());
}

int ExplanationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExplanationModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const core::ExplainedDay& e = m_days.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case DateColumn:
            return e.day.date.toString(Qt::ISODate);
        case WeekdayColumn:
            return core::weekdayName(e.day.date);
        case CountColumn:
            if (e.endAdjusted)
                return tr("Not counted: the period ends on the next working day");
            if (m_unit == core::DayUnit::CalendarDays) {
                if (e.extension)
                    return tr("Day %1 (extension)").arg(e.ordinal);
                return e.ordinal > 0 ? tr("Day %1").arg(e.ordinal) : tr("Not counted");
            }
            if (e.extension)
                return tr("Working day %1 (extension)").arg(e.ordinal);
            return e.ordinal > 0 ? tr("Working day %1").arg(e.ordinal) : tr("Not counted");
        case ReasonColumn: {
            QString reason = e.day.reason();
            if (e.suspended)
                reason = tr("%1, suspended: not counted").arg(reason);
            else if (e.endAdjusted)
                // 民法典 Art. 203: a period whose last day is a day off ends the next working day.
                reason = tr("%1; the last day of the period was a day off (民法典 Art. 203)")
                             .arg(reason);
            if (e.day.provisional)
                reason += tr(" (provisional)");
            return reason;
        }
        default:
            return QVariant();
        }
    }
    if (role == Qt::BackgroundRole) {
        if (e.suspended)
            return QBrush(QColor(QLatin1String(colors::suspended)));
        switch (e.day.kind) {
        case core::DayKind::Holiday:
            return QBrush(QColor(QLatin1String(colors::holiday)));
        case core::DayKind::MakeUpWorkday:
            return QBrush(QColor(QLatin1String(colors::makeUp)));
        case core::DayKind::Weekend:
            return QBrush(QColor(QLatin1String(colors::weekend)));
        case core::DayKind::Workday:
            return QVariant();
        }
    }
    return QVariant();
}

QVariant ExplanationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case WeekdayColumn:
        return tr("Weekday");
    case CountColumn:
        return tr("Counted");
    case ReasonColumn:
        return tr("Reason");
    default:
        return QVariant();
    }
}

} // namespace onewindow::ui
