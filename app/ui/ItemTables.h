#pragma once

#include "core/Catalog.h"

#include <QCoreApplication>
#include <QList>

class QTableWidget;

namespace onewindow::ui {

// The fees and materials tables of the item editor: rows with combo boxes, spin boxes and check
// boxes, read back into the catalog model. Material codes are identities and survive reordering;
// a new row gets the next unused number.
class MaterialsTable
{
    Q_DECLARE_TR_FUNCTIONS(MaterialsTable)

public:
    explicit MaterialsTable(QTableWidget* table);
    void setMaterials(const QList<core::Material>& materials);
    QList<core::Material> materials(const QString& itemCode) const;
    void addRow(const QString& itemCode);
    void removeCurrent();
    void moveCurrent(int delta, const QString& itemCode);

private:
    void writeRow(int row, const core::Material& m);
    QTableWidget* m_table;
};

class FeesTable
{
    Q_DECLARE_TR_FUNCTIONS(FeesTable)

public:
    explicit FeesTable(QTableWidget* table);
    void setFees(const QList<core::Fee>& fees);
    QList<core::Fee> fees() const;
    void addRow();
    void removeCurrent();

private:
    QTableWidget* m_table;
};

} // namespace onewindow::ui
