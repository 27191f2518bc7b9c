#pragma once

#include "core/MatterFigures.h"
#include "ctl/CtlContext.h"

#include <QDate>
#include <QJsonObject>
#include <QTextStream>

namespace onewindow::exporting {
class TableSource;
}

namespace onewindow::ctl {

// stats --from DATE --to DATE [--period day|week|month|quarter|year]
//       [--by window|clerk|department|item] [--format text|csv|xlsx|json|pdf] [--out FILE]
//       [--report daily|weekly|monthly]
int runStatsCommand(CtlContext& ctx);

// stats --report disclosure-annual --year YYYY [--format text|csv|xlsx|pdf] [--out FILE]: the
// annual report's table 三 of 政府信息公开 (DisclosureReportCommand.cpp).
bool isDisclosureAnnualCommand(const QStringList& args);
int runDisclosureAnnualCommand(CtlContext& ctx);

// stats --matters --from DATE --to DATE [--format text|json]: the figures of matters
// (MatterStatsCommand.cpp).
bool isMatterStatsCommand(const QStringList& args);
// The figures of matters as JSON: total, matters and departments, each row's figures by key
// (received, finished, finished_on_time, on_time_rate, average_days); `stats --matters --format
// json` and the matters of `stats --format json`.
QJsonObject matterTableJson(const core::MatterFigureTable& table);
int runMatterStatsCommand(CtlContext& ctx);
// The matters' table as text (exporting::MatterFigureSource, the rows every export writes): its
// title and range, the table, and why the departments do not add up to the total. `stats` prints
// it after the cases' figures, `stats --matters` alone: the same numbers.
void printMatterText(QTextStream& out, const core::MatterFigureTable& table, const QDate& from,
                     const QDate& to);
// A table as text: its header, then its rows, cells two spaces apart, — where a cell is empty.
void printTableText(QTextStream& out, const exporting::TableSource& source);

// Does this command line paint (stats ... --format pdf / --out X.pdf / --report)? It then needs a
// QGuiApplication for fonts.
bool isStatsPdfCommand(int argc, char** argv);

} // namespace onewindow::ctl
