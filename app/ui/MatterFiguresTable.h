#pragma once

#include "core/MatterFigures.h"

#include <QTableWidget>

#include <optional>

namespace onewindow::ui {

// The figures page's table of matters (一件事一次办, issue 20; core/MatterFigures.h): the hall's
// total, then one row per matter and one per department (a matter counts in every department of
// its parts, so those rows do not add up to the total).
class MatterFiguresTable : public QTableWidget
{
    Q_OBJECT
public:
    explicit MatterFiguresTable(QWidget* parent = nullptr);
    void setFigures(const core::MatterFigureTable& table);
    void showProblem(const QString& message);
    // The table shown, for the exports and the printed report; none while a problem is shown.
    const std::optional<core::MatterFigureTable>& figures() const { return m_figures; }

private:
    std::optional<core::MatterFigureTable> m_figures;
};

} // namespace onewindow::ui
