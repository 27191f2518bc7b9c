#pragma once

// The hall a sync test's windows belong to, as the server holds it (tests/server's
// addTestMasterData): the server judges every pushed event against its own users and catalog
// (docs/sync-protocol.md, wave 2), so a window records with the hall's actors, items and times.
#include "server/ServerFixture.h"
#include "support/HallFixture.h"

#include "core/CasePayloads.h"
#include "core/CatalogJson.h"
#include "server/Commands.h"
#include "store/CatalogRepository.h"
#include "sync/SyncClient.h"

#include <catch2/catch.hpp>

#include <QFile>

namespace onewindow::test {

// A window's working time: after the server fixture's master data (2026-12-07 02:00 UTC), so the
// hall's users and catalog are in force when its events occur. A Monday, a working day.
inline QDateTime syncWindowTime()
{
    return QDateTime(QDate(2026, 12, 7), QTime(11, 0),
                     QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
}

// The hall's actors (addTestMasterData): a clerk and a supervisor.
inline const QString kHallClerk = QStringLiteral("clerk-1");
inline const QString kHallSupervisor = QStringLiteral("supervisor-1");

// The window's store gets the hall's catalog (resources/catalog/example.json, version 1 of each
// item as on the server) and its intake takes the hall's item kTestItem.
inline void useHallCatalog(HallFixture& hall)
{
    QFile file(QStringLiteral(ONEWINDOW_SOURCE_DIR "/resources/catalog/example.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const core::CatalogParse parsed =
        core::parseCatalog(file.readAll(), QStringLiteral("example.json"));
    REQUIRE(parsed.ok());
    REQUIRE(store::CatalogRepository(*hall.store)
                .importItems(parsed.items, QStringLiteral("example.json"))
                .ok());
    bool found = false;
    for (const core::ServiceItem& item : parsed.items)
        if (item.code == kTestItem) {
            hall.item = item;
            found = true;
        }
    REQUIRE(found);
}

// One workstation: a fresh store holding the hall's catalog (the same versions the pull brings,
// so it can take cases before its first pull), working after the hall's master data was
// recorded, and its sync client.
struct SyncWindow
{
    test::HallFixture hall{test::syncWindowTime()};
    std::unique_ptr<sync::SyncClient> client;
    test::ServerFixture* m_server = nullptr; // the server it enrolled with
    SyncWindow()
    {
        test::useHallCatalog(hall);
        client = std::make_unique<sync::SyncClient>(*hall.cases);
    }

    void enrol(test::ServerFixture& server, const QString& window)
    {
        m_server = &server;
        auto code = server.registry().createEnrolCode(
            {QStringLiteral("620102"), window, QStringLiteral("window"), {}, 3600});
        REQUIRE(code.ok());
        const core::Status s =
            client->enrol(server.url(QString()), code->first, window + QStringLiteral("-pc"));
        if (!s)
            FAIL(s.error().message.toStdString());
    }
    sync::SyncClient::Report syncNow()
    {
        // Decision 7: a window talks to its server on the same time, or its acts stop at a
        // measured gap over maxClockGapSeconds; these fake clocks agree when they talk.
        if (m_server)
            m_server->clock().set(hall.clock.nowUtc());
        auto r = client->syncNow();
        if (!r)
            FAIL(r.error().code.toStdString() + " " + r.error().message.toStdString());
        return *r;
    }
    QString digest()
    {
        auto d = client->repository().digest();
        REQUIRE(d.ok());
        return d->sha256;
    }
    core::CaseState state(const QString& caseId)
    {
        auto s = hall.cases->state(caseId);
        if (!s)
            FAIL(s.error().message.toStdString());
        return *s;
    }
};

// A case taken in at window `w` by the hall's clerk (the intake's item); its id.
inline QString takeIn(SyncWindow& w)
{
    auto taken = w.hall.cases->receive(w.hall.intake(), kHallClerk);
    REQUIRE(taken.ok());
    return taken->event.caseId;
}

// The same, then accepted (受理) there; its id.
inline QString takeAndAccept(SyncWindow& w)
{
    const QString caseId = takeIn(w);
    REQUIRE(w.hall.cases
                ->append(caseId, core::EventType::Accepted, core::payload::accepted(), kHallClerk)
                .ok());
    return caseId;
}

// The two-window opening of a sync test: the test hall (620102) at `server`, `w07` enrolled as its
// window W07 and `w08` as W08; neither has synced yet.
inline void openTwoWindows(ServerFixture& server, SyncWindow& w07, SyncWindow& w08)
{
    server.createHall(QStringLiteral("620102"));
    w07.enrol(server, QStringLiteral("W07"));
    w08.enrol(server, QStringLiteral("W08"));
}

// The test hall's digest as the server computes it (`onewindow-server digest`), for a window's to
// equal.
inline QString serverDigest(ServerFixture& server)
{
    auto d = server::hallDigestOf(server.db(), server.clock(), QStringLiteral("620102"));
    REQUIRE(d.ok());
    return d->sha256;
}

} // namespace onewindow::test
