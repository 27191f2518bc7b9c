#include "ui/HallHitModel.h"

#include <QBrush>
#include <QColor>

namespace onewindow::ui {

void HallHitModel::setHits(QList<sync::HallHit> hits)
{
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

const sync::HallHit* HallHitModel::hitAt(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits[row] : nullptr;
}

void HallHitModel::markHeld(const QString& caseId)
{
    for (int row = 0; row < m_hits.size(); ++row)
        if (m_hits[row].caseId == caseId && !m_hits[row].held) {
            m_hits[row].held = true;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
}

int HallHitModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hits.size());
}

int HallHitModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HallHitModel::data(const QModelIndex& index, int role) const
{
    const sync::HallHit* h = index.isValid() ? hitAt(index.row()) : nullptr;
    if (!h)
        return QVariant();
    if (role == Qt::ForegroundRole && index.column() == HeldColumn && !h->held)
        return QBrush(QColor(QStringLiteral("#1d4ed8"))); // to be taken in: the row's action
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case NumberColumn:
        return h->caseNumber;
    case ApplicantColumn:
        return h->applicant;
    case ItemColumn:
        return h->itemName.isEmpty() ? h->itemCode : h->itemName;
    case ReceivedColumn:
        return h->receivedAtUtc.isValid()
                   ? h->receivedAtUtc.toTimeZone(m_zone).date().toString(Qt::ISODate)
                   : QString();
    case HeldColumn:
        return h->held ? tr("Held here") : tr("At the hall: Enter takes it in");
    default:
        return QVariant();
    }
}

QVariant HallHitModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Case number");
    case ApplicantColumn:
        return tr("Applicant");
    case ItemColumn:
        return tr("Item");
    case ReceivedColumn:
        return tr("Received");
    case HeldColumn:
        return tr("This workstation");
    default:
        return QVariant();
    }
}

} // namespace onewindow::ui
