#pragma once

#include "sync/HallSearch.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace onewindow::ui {

// The cases the hall's server found for the queue's search (decision 11): number, applicant,
// item, the day it was received (in the hall's zone) and whether this store holds it already.
class HallHitModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NumberColumn,
        ApplicantColumn,
        ItemColumn,
        ReceivedColumn,
        HeldColumn,
        ColumnCount,
    };
    explicit HallHitModel(QTimeZone zone, QObject* parent = nullptr)
        : QAbstractTableModel(parent), m_zone(std::move(zone))
    {}

    void setHits(QList<sync::HallHit> hits);
    const sync::HallHit* hitAt(int row) const;
    // The case is in this store now (taken in).
    void markHeld(const QString& caseId);
    void setZone(const QTimeZone& zone) { m_zone = zone; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<sync::HallHit> m_hits;
    QTimeZone m_zone;
};

} // namespace onewindow::ui
