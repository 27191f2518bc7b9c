#include "ui/ItemTables.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QSpinBox>
#include <QTableWidget>

namespace onewindow::ui {

namespace {

enum MaterialColumn
{
    CodeCol,
    NameCol,
    FormCol,
    CopiesCol,
    MediumCol,
    RequirementCol,
    ConditionCol,
    DeferrableCol,
    CommitmentCol,
    SampleCol,
    MistakesCol,
    MaterialColumns,
};

template <typename E>
QComboBox* comboOf(QTableWidget* table, const QList<E>& values, QString (*name)(E), E current)
{
    auto* box = new QComboBox(table);
    for (E v : values)
        box->addItem(name(v), static_cast<int>(v));
    box->setCurrentIndex(box->findData(static_cast<int>(current)));
    return box;
}

template <typename E>
E comboValue(const QTableWidget* table, int row, int column)
{
    const auto* box = qobject_cast<QComboBox*>(table->cellWidget(row, column));
    return static_cast<E>(box ? box->currentData().toInt() : 0);
}

QString text(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

void setText(QTableWidget* table, int row, int column, const QString& value, bool editable = true)
{
    auto* item = new QTableWidgetItem(value);
    if (!editable)
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    table->setItem(row, column, item);
}

} // namespace

MaterialsTable::MaterialsTable(QTableWidget* table) : m_table(table)
{
    m_table->setColumnCount(MaterialColumns);
    m_table->setHorizontalHeaderLabels(
        {tr("Code"), tr("Name"), tr("Form"), tr("Copies"), tr("Medium"), tr("Requirement"),
         tr("Condition"), tr("Deferrable"), tr("Commitment text (empty: not allowed)"),
         tr("Sample"), tr("Frequent mistakes")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(NameCol, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionsMovable(false);
}

void MaterialsTable::writeRow(int row, const core::Material& m)
{
    setText(m_table, row, CodeCol, m.code, false);
    setText(m_table, row, NameCol, m.name);
    m_table->setCellWidget(
        row, FormCol,
        comboOf<core::MaterialForm>(m_table,
                                    {core::MaterialForm::Original, core::MaterialForm::Copy,
                                     core::MaterialForm::OriginalAndCopy},
                                    &core::materialFormName, m.form));
    auto* copies = new QSpinBox(m_table);
    copies->setRange(1, 99);
    copies->setValue(std::max(1, m.copies));
    m_table->setCellWidget(row, CopiesCol, copies);
    m_table->setCellWidget(row, MediumCol,
                           comboOf<core::MaterialMedium>(m_table,
                                                         {core::MaterialMedium::Paper,
                                                          core::MaterialMedium::Electronic,
                                                          core::MaterialMedium::PaperOrElectronic},
                                                         &core::mediumName, m.medium));
    m_table->setCellWidget(
        row, RequirementCol,
        comboOf<core::Requirement>(m_table,
                                   {core::Requirement::Required, core::Requirement::Optional,
                                    core::Requirement::Conditional},
                                   &core::requirementName, m.requirement));
    setText(m_table, row, ConditionCol, m.condition);
    auto* deferrable = new QCheckBox(m_table);
    deferrable->setChecked(m.deferrable);
    m_table->setCellWidget(row, DeferrableCol, deferrable);
    setText(m_table, row, CommitmentCol, m.commitment.value_or(QString()));
    setText(m_table, row, SampleCol, m.sample);
    setText(m_table, row, MistakesCol, m.frequentMistakes);
}

void MaterialsTable::setMaterials(const QList<core::Material>& materials)
{
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(materials.size()));
    for (int row = 0; row < materials.size(); ++row)
        writeRow(row, materials[row]);
    m_table->resizeColumnsToContents();
}

QList<core::Material> MaterialsTable::materials(const QString& itemCode) const
{
    QList<core::Material> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        core::Material m;
        const QString code = text(m_table, row, CodeCol);
        // A material keeps its number; the item code part follows the item (a new item's code may
        // have been typed after the rows were added).
        m.code = itemCode + code.right(3);
        m.name = text(m_table, row, NameCol);
        m.form = comboValue<core::MaterialForm>(m_table, row, FormCol);
        const auto* copies = qobject_cast<QSpinBox*>(m_table->cellWidget(row, CopiesCol));
        m.copies = copies ? copies->value() : 1;
        m.medium = comboValue<core::MaterialMedium>(m_table, row, MediumCol);
        m.requirement = comboValue<core::Requirement>(m_table, row, RequirementCol);
        m.condition = text(m_table, row, ConditionCol);
        const auto* deferrable = qobject_cast<QCheckBox*>(m_table->cellWidget(row, DeferrableCol));
        m.deferrable = deferrable && deferrable->isChecked();
        const QString commitment = text(m_table, row, CommitmentCol);
        if (!commitment.isEmpty())
            m.commitment = commitment;
        m.sample = text(m_table, row, SampleCol);
        m.frequentMistakes = text(m_table, row, MistakesCol);
        out.append(m);
    }
    return out;
}

void MaterialsTable::addRow(const QString& itemCode)
{
    int next = 1;
    for (int row = 0; row < m_table->rowCount(); ++row)
        next = std::max(next, text(m_table, row, CodeCol).right(3).toInt() + 1);
    core::Material m;
    m.code = itemCode + QStringLiteral("%1").arg(next, 3, 10, QLatin1Char('0'));
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    writeRow(row, m);
    m_table->setCurrentCell(row, NameCol);
    m_table->editItem(m_table->item(row, NameCol));
}

void MaterialsTable::removeCurrent()
{
    if (m_table->currentRow() >= 0)
        m_table->removeRow(m_table->currentRow());
}

void MaterialsTable::moveCurrent(int delta, const QString& itemCode)
{
    const int row = m_table->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_table->rowCount())
        return;
    QList<core::Material> list = materials(itemCode);
    list.swapItemsAt(row, target);
    setMaterials(list);
    m_table->setCurrentCell(target, NameCol);
}

FeesTable::FeesTable(QTableWidget* table) : m_table(table)
{
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Fee"), tr("Amount (yuan)"), tr("Basis")});
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
}

void FeesTable::setFees(const QList<core::Fee>& fees)
{
    m_table->setRowCount(static_cast<int>(fees.size()));
    for (int row = 0; row < fees.size(); ++row) {
        setText(m_table, row, 0, fees[row].item);
        setText(m_table, row, 1, fees[row].amountYuan);
        setText(m_table, row, 2, fees[row].basis);
    }
}

QList<core::Fee> FeesTable::fees() const
{
    QList<core::Fee> out;
    for (int row = 0; row < m_table->rowCount(); ++row)
        out.append(core::Fee{text(m_table, row, 0), text(m_table, row, 1), text(m_table, row, 2)});
    return out;
}

void FeesTable::addRow()
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    for (int c = 0; c < 3; ++c)
        setText(m_table, row, c, QString());
    m_table->setCurrentCell(row, 0);
    m_table->editItem(m_table->item(row, 0));
}

void FeesTable::removeCurrent()
{
    if (m_table->currentRow() >= 0)
        m_table->removeRow(m_table->currentRow());
}

} // namespace onewindow::ui
