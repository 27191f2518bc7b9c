// IntakeDialog: the materials checklist. Every row starts unchecked (未核验); Space cycles the
// state of the current row, Tab moves one row on, F9 marks the rows still unchecked as provided
// after the clerk has looked at them; the decision waits until every required row is marked.
#include "ui/IntakeDialog.h"

#include "ui_IntakeDialog.h"

#include "core/CasePayloads.h"
#include "core/ItemGuide.h"

#include <QBrush>
#include <QColor>
#include <QHeaderView>
#include <QLabel>

#include <algorithm>

namespace onewindow::ui {

namespace {

// A problem a notice line has room for (the one-time notice prints it beside the requirement).
constexpr qsizetype kProblemMax = 80;

QColor rowColour(core::MaterialState state)
{
    switch (state) {
    case core::MaterialState::Missing:
        return QColor(0xf8, 0xd7, 0xda); // red: the applicant has to bring it
    case core::MaterialState::Defective:
        return QColor(0xff, 0xe8, 0xa3); // amber: the applicant has to redo it
    case core::MaterialState::Unchecked:
        return QColor(0xe4, 0xe9, 0xf2); // grey-blue: nobody has looked yet
    default:
        return QColor();
    }
}

} // namespace

void IntakeDialog::fillChecklist()
{
    QTableWidget* t = m_ui->materialsTable;
    const QSignalBlocker quiet(t);
    t->clearContents();
    t->setRowCount(static_cast<int>(m_item.materials.size()));
    const auto readOnly = [](const QString& text) {
        auto* cell = new QTableWidgetItem(text);
        cell->setFlags(cell->flags() & ~Qt::ItemIsEditable);
        cell->setToolTip(text);
        return cell;
    };
    for (int row = 0; row < m_item.materials.size(); ++row) {
        const core::Material& m = m_item.materials[row];
        QTableWidgetItem* name = readOnly(m.name);
        name->setData(Qt::UserRole, m.code);
        t->setItem(row, NameCol, name);
        t->setItem(row, RequirementCol, readOnly(core::materialSummary(m)));
        t->setItem(row, StateCol, readOnly(QString()));
        t->setItem(row, ProblemCol, new QTableWidgetItem());
        auto* copies = new QTableWidgetItem();
        copies->setData(Qt::EditRole, m.copies); // an int: the delegate edits it with a spin box
        t->setItem(row, CopiesCol, copies);
        // Required materials start unchecked: nobody has looked at the paper yet. Conditional
        // and optional ones start as not applicable, as the applicant rarely brings them.
        paintMaterialRow(row, m.requirement == core::Requirement::Required
                                  ? core::MaterialState::Unchecked
                                  : core::MaterialState::NotApplicable);
    }
    // A long material name is cut (its tooltip has it whole) so that the requirement and the
    // column the clerk writes what is wrong into keep room to read.
    t->resizeColumnsToContents();
    t->setColumnWidth(NameCol, std::min(t->columnWidth(NameCol), 300));
    t->setColumnWidth(RequirementCol, std::max(t->columnWidth(RequirementCol), 120));
}

void IntakeDialog::paintMaterialRow(int row, core::MaterialState state)
{
    QTableWidget* t = m_ui->materialsTable;
    QTableWidgetItem* cell = t->item(row, StateCol);
    if (!cell)
        return;
    cell->setData(Qt::UserRole, static_cast<int>(state));
    cell->setText(core::materialStateName(state));
    QFont font = cell->font();
    font.setBold(state == core::MaterialState::Missing || state == core::MaterialState::Defective);
    cell->setFont(font);
    const QColor colour = rowColour(state);
    for (int col = 0; col < t->columnCount(); ++col)
        if (QTableWidgetItem* c = t->item(row, col))
            c->setData(Qt::BackgroundRole,
                       colour.isValid() ? QVariant(QBrush(colour)) : QVariant());
}

QList<core::MaterialCheck> IntakeDialog::checklist() const
{
    QList<core::MaterialCheck> out;
    const QTableWidget* t = m_ui->materialsTable;
    for (int row = 0; row < t->rowCount(); ++row) {
        if (!t->item(row, NameCol))
            continue;
        core::MaterialCheck c;
        c.code = t->item(row, NameCol)->data(Qt::UserRole).toString();
        c.name = t->item(row, NameCol)->text();
        c.state =
            static_cast<core::MaterialState>(t->item(row, StateCol)->data(Qt::UserRole).toInt());
        c.problem = t->item(row, ProblemCol)->text().simplified();
        c.copies = std::clamp(t->item(row, CopiesCol)->data(Qt::EditRole).toInt(), 0, 99);
        out.append(c);
    }
    return out;
}

void IntakeDialog::setMaterialState(int row, core::MaterialState state, const QString& problem)
{
    paintMaterialRow(row, state);
    if (QTableWidgetItem* p = m_ui->materialsTable->item(row, ProblemCol))
        p->setText(problem);
}

void IntakeDialog::cycleMaterialState(int row)
{
    if (row < 0 || row >= m_item.materials.size())
        return;
    // Unchecked -> provided -> missing -> defective (-> not applicable, where the material may
    // be) -> provided ...; unchecked is never gone back to.
    QList<core::MaterialState> cycle{core::MaterialState::Provided, core::MaterialState::Missing,
                                     core::MaterialState::Defective};
    if (m_item.materials[row].requirement != core::Requirement::Required)
        cycle.append(core::MaterialState::NotApplicable);
    const auto now = static_cast<core::MaterialState>(
        m_ui->materialsTable->item(row, StateCol)->data(Qt::UserRole).toInt());
    const qsizetype at = cycle.indexOf(now);
    paintMaterialRow(row, cycle[(at + 1) % cycle.size()]);
    m_materialsProblem->clear();
}

void IntakeDialog::markRemainingProvided()
{
    for (int row = 0; row < m_ui->materialsTable->rowCount(); ++row)
        if (QTableWidgetItem* s = m_ui->materialsTable->item(row, StateCol);
            s && s->data(Qt::UserRole).toInt() == static_cast<int>(core::MaterialState::Unchecked))
            paintMaterialRow(row, core::MaterialState::Provided);
}

bool IntakeDialog::validateMaterials()
{
    QStringList unchecked;
    for (const core::MaterialCheck& m : checklist()) {
        if (m.state == core::MaterialState::Unchecked)
            unchecked.append(m.name);
        else if (m.state == core::MaterialState::Defective && m.problem.isEmpty())
            m_problems.append(tr("Say what is wrong with %1.").arg(m.name));
        if (m.problem.size() > kProblemMax)
            m_problems.append(tr("What is written for %1 is %2 characters; the notice has room "
                                 "for %3.")
                                  .arg(m.name)
                                  .arg(m.problem.size())
                                  .arg(kProblemMax));
    }
    if (!unchecked.isEmpty())
        m_problems.prepend(tr("%n material(s) not checked yet: %1. Mark each with Space, or press "
                              "F9 when you have looked at all of them.",
                              nullptr, static_cast<int>(unchecked.size()))
                               .arg(unchecked.join(QStringLiteral("、"))));
    m_materialsProblem->setText(m_problems.join(QLatin1Char('\n')));
    return m_problems.isEmpty();
}

} // namespace onewindow::ui
