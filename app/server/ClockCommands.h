#pragma once

#include "core/Clock.h"

#include <QMap>
#include <QStringList>
#include <QTextStream>

namespace onewindow::server {

class CentralDb;

// onewindow-server settings HALL [--offline-sign-in-hours N] [--max-clock-gap-seconds N]:
// without options prints the hall's settings; with them writes the next version of the hall's
// `hall.settings` record (decision 8: the server is its one author), pulled by every window.
int settingsCommand(CentralDb& db, const QStringList& words, const QMap<QString, QString>& values,
                    QTextStream& out, QTextStream& err, const core::Clock& clock);
// onewindow-server flagged HALL [--limit N]: the hall's events whose own time lay outside [the
// device's last contact - ε, receipt + ε] (decision 7), oldest first.
int flaggedCommand(CentralDb& db, const QStringList& words, const QMap<QString, QString>& values,
                   QTextStream& out, QTextStream& err, const core::Clock& clock);

} // namespace onewindow::server
