#pragma once

#include "core/Clock.h"

#include <QByteArray>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace onewindow::server {

class CentralDb;

// onewindow-server calendar import HALL FILE... [--chunk-cases N] (decision 8; docs/operations.md):
// the holiday notices become the hall's in one short transaction (the hall's row locked first, so
// a second process waits and finds them held), then every open case the hall held then whose
// clock deadlines they move gets its "deadline moved" entry (case.deadline_recomputed by the
// server, server/ServerMade.h) in chunks of `chunkCases` cases, each chunk a transaction of its
// own that locks the hall's row, so the hall's pushes are taken between chunks. Where the chunks
// have got to is kept with them (storage/CalendarRecomputes.h): an import stopped midway is
// finished by any later import of the hall (the same command again), and of two processes each
// takes the next chunk in turn. Every entry's id is name-based besides, so nothing is made twice.
struct CalendarImportOptions
{
    int chunkCases = 100;
    // Called after each chunk's commit with the chunks done so far; false stops the import there
    // as a killed process would (tests: a push between chunks, an import interrupted).
    std::function<bool(int chunks)> afterChunk;
};

int calendarImportCommand(CentralDb& db, const QString& hallCode, const QList<QByteArray>& files,
                          const QStringList& names, QTextStream& out, QTextStream& err,
                          const core::Clock& clock, const CalendarImportOptions& options = {});

} // namespace onewindow::server
