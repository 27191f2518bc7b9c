#pragma once

#include "core/MatterFigures.h"

#include <QTableWidget>

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
};

} // namespace onewindow::ui
