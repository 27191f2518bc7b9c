#pragma once

#include "core/CaseClocks.h"
#include "core/CaseState.h"
#include "core/Catalog.h"
#include "core/Clock.h"
#include "server/storage/CentralDb.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace onewindow::server {

// GET /q/CASE_NO?code=QUERY_CODE: the applicant's status page, the address the receipt's QR code
// holds. HTML in Chinese for a phone (viewport, large type): the state, the dates that matter,
// what is still missing (the one-time notice's list) and where and when to collect.
//
// No oracle: a wrong code answers byte for byte as an unknown case does. A query code has only
// 10^6 values (decision 12), so guesses are limited per address (every /q/ request counts, per
// server process) and wrong codes per case number (in the database, shared by every process):
// past the cap the case answers as unknown, even to the right code, until the day has passed.
class StatusPages
{
public:
    static constexpr int kRequestsPerAddress = 20;
    static constexpr qint64 kAddressWindowSeconds = 10 * 60;
    static constexpr int kWrongCodesPerCase = 10;
    static constexpr qint64 kCaseWindowSeconds = 24 * 3600;

    StatusPages(CentralDb& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}

    struct Page
    {
        int status = 200; // 200, 404 (unknown case or wrong code), 429 (too many from here)
        QByteArray html;
    };
    Page answer(const QString& caseNumber, const QString& code, const QString& address);

private:
    bool allow(const QString& address);

    CentralDb& m_db;
    const core::Clock& m_clock;
    QHash<QString, QList<QDateTime>> m_requests;
};

// The page's HTML, from the case folded with its item and the hall's calendar.
QByteArray statusPageHtml(const QString& hallName, const core::CaseState& state,
                          const core::ServiceItem& item, const QList<core::CaseClock>& clocks);
QByteArray unknownCaseHtml();
QByteArray tooManyQueriesHtml();

} // namespace onewindow::server
