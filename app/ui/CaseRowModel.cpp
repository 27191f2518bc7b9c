#include "ui/CaseRowModel.h"

#include "core/CaseState.h"
#include "core/ClockText.h"
#include "core/DateText.h"
#include "core/Identifiers.h"
#include "ui/UiText.h"

namespace onewindow::ui {

void CaseRowModel::setRows(QList<store::CaseRow> rows, const QDate& today)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_today = today;
    endResetModel();
}

const store::CaseRow* CaseRowModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int CaseRowModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CaseRowModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaseRowModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const store::CaseRow& r = m_rows.at(index.row());
    const core::WarningLevel level = r.levelOn(m_today);
    switch (role) {
    case CaseIdRole:
        return r.caseId;
    case LevelRole:
        return static_cast<int>(level);
    case Qt::BackgroundRole:
        return levelBackground(level);
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return r.caseNumber;
        case ItemColumn:
            return r.itemName;
        case ApplicantColumn:
            return QStringLiteral("%1 %2").arg(r.applicantName, core::maskIdNumber(r.applicantId));
        case StatusColumn: {
            const auto status = core::caseStatusFromKey(r.status);
            QString text = status ? core::caseStatusName(*status) : r.status;
            if (r.suspended)
                text += tr(" (clock paused)");
            if (!r.holderWindow.isEmpty()) // 领办: whose it is now
                text += tr(" (held by %1)").arg(r.holderWindow);
            return text;
        }
        case DueColumn:
            // The due date's own mark (the store gives the due clock's, not the case's).
            return core::deadlineText(r.dueDate, r.provisional);
        case LevelColumn:
            return r.open ? core::warningLevelName(level) : QString();
        default:
            return QVariant();
        }
    default:
        return QVariant();
    }
}

QVariant CaseRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Case number");
    case ItemColumn:
        return tr("Item");
    case ApplicantColumn:
        return tr("Applicant");
    case StatusColumn:
        return tr("State");
    case DueColumn:
        return tr("Due");
    case LevelColumn:
        return tr("Warning");
    default:
        return QVariant();
    }
}

} // namespace onewindow::ui
