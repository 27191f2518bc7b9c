#pragma once

#include "core/Clock.h"
#include "core/Event.h"
#include "server/storage/CentralDb.h"

#include <QList>
#include <QString>

#include <optional>

namespace onewindow::server {

// The status page's reads: a case by its number, and the count of wrong query codes per case.
class CaseLookup
{
public:
    CaseLookup(CentralDb& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}

    struct Found
    {
        QString hallCode;
        QString zone;
        QString hallName;
        QList<core::Event> accepted; // the case's accepted events in hall order
    };
    std::optional<Found> byNumber(const QString& caseNumber);

    // Wrong codes for `caseNumber` since the window (`windowSeconds`) began.
    int failures(const QString& caseNumber, qint64 windowSeconds);
    void recordFailure(const QString& caseNumber, qint64 windowSeconds);

private:
    CentralDb& m_db;
    const core::Clock& m_clock;
};

} // namespace onewindow::server
