#pragma once

#include "core/DeadlineClock.h"

#include <QDate>
#include <QString>
#include <QVariant>

#include <functional>

class QTranslator;
class QCoreApplication;
class QTableView;

namespace onewindow::ui {

// The lists of every page: whole rows, one at a time, read-only, `stretch` column filling the
// width.
void setUpListView(QTableView* view, int stretch);

// Installs the Simplified Chinese translation and Qt's own; returns false if ours is missing.
bool installChineseTranslation(QCoreApplication& app);

// The colours every screen uses for the calendar and warning levels (light backgrounds that keep
// black text readable).
namespace colors {
inline constexpr const char* holiday = "#fde2e1";
inline constexpr const char* weekend = "#f1f1f1";
inline constexpr const char* makeUp = "#dbeafe";
inline constexpr const char* provisional = "#fff4d6";
inline constexpr const char* suspended = "#ece3f6"; // a suspended working day of a case's clock
} // namespace colors

// The background of a row or cell at a warning level: red or yellow, nothing when normal.
QVariant levelBackground(core::WarningLevel level);

} // namespace onewindow::ui
