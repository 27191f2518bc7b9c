#include "ui/MonthModel.h"

#include "ui/UiText.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace onewindow::ui {

MonthModel::MonthModel(const core::WorkingCalendar* calendar, QObject* parent)
    : QAbstractTableModel(parent), m_calendar(calendar)
{
    setMonth(2026, 1);
}

int MonthModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 6;
}

int MonthModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 7;
}

void MonthModel::setMonth(int year, int month)
{
    const QDate first(year, month, 1);
    if (!first.isValid() || first == m_first)
        return;
    beginResetModel();
    m_first = first;
    m_gridStart = first.addDays(1 - first.dayOfWeek());
    endResetModel();
}

void MonthModel::setCalendar(const core::WorkingCalendar* calendar)
{
    beginResetModel();
    m_calendar = calendar;
    endResetModel();
}

void MonthModel::setToday(const QDate& today)
{
    if (today == m_today)
        return;
    const QDate before = m_today;
    m_today = today;
    for (const QDate& day : {before, today})
        if (const QModelIndex cell = indexOf(day); cell.isValid())
            Q_EMIT dataChanged(cell, cell, {Qt::FontRole, TodayRole});
}

QDate MonthModel::dateAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.row() >= 6 || index.column() >= 7)
        return QDate();
    return m_gridStart.addDays(index.row() * 7 + index.column());
}

QModelIndex MonthModel::indexOf(const QDate& date) const
{
    const qint64 offset = m_gridStart.daysTo(date);
    if (offset < 0 || offset >= 42)
        return QModelIndex();
    return index(static_cast<int>(offset / 7), static_cast<int>(offset % 7));
}

QVariant MonthModel::data(const QModelIndex& index, int role) const
{
    const QDate date = dateAt(index);
    if (!date.isValid() || !m_calendar)
        return QVariant();
    const core::DayInfo info = m_calendar->dayInfo(date);
    const bool inMonth = date.month() == m_first.month();
    switch (role) {
    case Qt::DisplayRole: {
        QString text = QString::number(date.day());
        if (info.kind == core::DayKind::Holiday && info.predicted)
            text += QLatin1Char('\n') + tr("%1 (predicted)").arg(info.offDayName());
        else if (info.kind == core::DayKind::Holiday)
            text += QLatin1Char('\n') + info.holidayName;
        else if (info.kind == core::DayKind::MakeUpWorkday)
            text += QLatin1Char('\n') + tr("Make-up workday");
        return text;
    }
    case Qt::ToolTipRole: {
        QString tip = date.toString(Qt::ISODate) + QLatin1Char(' ') + info.reason();
        if (info.provisional)
            tip += QLatin1Char('\n') +
                   tr("Provisional: no State Council notice imported for %1").arg(date.year());
        return tip;
    }
    case Qt::BackgroundRole:
        switch (info.kind) {
        case core::DayKind::Holiday:
            return QBrush(QColor(QLatin1String(colors::holiday)));
        case core::DayKind::MakeUpWorkday:
            return QBrush(QColor(QLatin1String(colors::makeUp)));
        case core::DayKind::Weekend:
            return QBrush(QColor(QLatin1String(colors::weekend)));
        case core::DayKind::Workday:
            return info.provisional ? QBrush(QColor(QLatin1String(colors::provisional)))
                                    : QVariant();
        }
        return QVariant();
    case Qt::ForegroundRole:
        return inMonth ? QVariant() : QBrush(QColor(Qt::gray));
    case Qt::FontRole: {
        if (date != m_today)
            return QVariant();
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case Qt::TextAlignmentRole:
        return int(Qt::AlignTop | Qt::AlignHCenter);
    case Qt::AccessibleTextRole:
        return date.toString(Qt::ISODate) + QLatin1Char(' ') + info.reason();
    case DateRole:
        return date;
    case KindRole:
        return static_cast<int>(info.kind);
    case InMonthRole:
        return inMonth;
    case ProvisionalRole:
        return info.provisional;
    case TodayRole:
        return date == m_today;
    default:
        return QVariant();
    }
}

QVariant MonthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section > 6)
        return QVariant();
    static const char* const names[] = {QT_TR_NOOP("Mon"), QT_TR_NOOP("Tue"), QT_TR_NOOP("Wed"),
                                        QT_TR_NOOP("Thu"), QT_TR_NOOP("Fri"), QT_TR_NOOP("Sat"),
                                        QT_TR_NOOP("Sun")};
    return tr(names[section]);
}

} // namespace onewindow::ui
