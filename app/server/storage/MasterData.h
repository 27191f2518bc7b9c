#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "server/storage/CentralDb.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace onewindow::server {

// Decision 8: a hall's master data, one author (the server). Every change is a new version of a
// record in the hall's stream, with a place from the hall's commit counter like an event's, so a
// pull carries both down one road (docs/sync-protocol.md, "Master data").
namespace record {
inline const QString kCatalogItem = QStringLiteral("catalog.item");       // key: item code
inline const QString kCalendarNotice = QStringLiteral("calendar.notice"); // key: year
inline const QString kUser = QStringLiteral("user");                      // key: user id
inline const QString kHallSettings = QStringLiteral("hall.settings");     // key: the hall code
inline const QString kDeviceRevoked = QStringLiteral("device.revoked");   // key: device id
// The hall's back offices, a forwarding's choices (core/BackOffices.h); key: the hall code.
inline const QString kBackOffices = QStringLiteral("hall.back_offices");
} // namespace record

struct MasterRecord
{
    QString kind;
    QString key;
    int version = 0;
    qint64 hallSeq = 0;
    QJsonObject body;
    QString recordedAt;
    QJsonObject toJson() const; // {kind, key, version, recorded_at, body}
};

struct MasterChange
{
    QString kind;
    QString key;
    QJsonObject body;
};

class MasterData
{
public:
    MasterData(CentralDb& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}

    // Appends each change whose body differs from the key's latest version, as its next version,
    // in the caller's transaction (the hall's row stays locked to the commit). The records written.
    core::Result<QList<MasterRecord>> appendLocked(const QString& hallCode,
                                                   const QList<MasterChange>& changes);
    // The same in a transaction of its own.
    core::Result<QList<MasterRecord>> append(const QString& hallCode,
                                             const QList<MasterChange>& changes);

    // The latest version of every key of `kind` recorded at or before `asOf` (canonical UTC
    // text; empty: everything recorded).
    core::Result<QList<MasterRecord>> latest(const QString& hallCode, const QString& kind,
                                             const QString& asOf = {});
    // What latest() would return, named without reading the bodies: "key:version," for each key
    // in key order (a cache key for what is built from those records); nullopt on failure.
    std::optional<QString> latestVersions(const QString& hallCode, const QString& kind,
                                          const QString& asOf);
    // Every distinct time a record of `kind` was recorded, newest first: the times at which
    // latest() changes (decision 8, finding the calendar an event names).
    core::Result<QStringList> recordedTimes(const QString& hallCode, const QString& kind);
    // Every version of one key, by version (decision 8: a push reads a user's history once).
    core::Result<QList<MasterRecord>> history(const QString& hallCode, const QString& kind,
                                              const QString& key);
    std::optional<MasterRecord> latestOf(const QString& hallCode, const QString& kind,
                                         const QString& key, const QString& asOf = {});
    std::optional<MasterRecord> version(const QString& hallCode, const QString& kind,
                                        const QString& key, int version);
    // The records after hall order `cursor`, at most `limit`, in hall order (for the pull).
    core::Result<QList<MasterRecord>> after(const QString& hallCode, qint64 cursor, int limit);
    // Decision 11: the hall's master data as of hall order `at`, in hall order: every version of
    // every catalog item (a case names the version it was taken under) and the latest version
    // of every other record, each recorded at or before `at`.
    core::Result<QList<MasterRecord>> asOf(const QString& hallCode, qint64 at);

    const CentralDb& database() const { return m_db; }

private:
    CentralDb& m_db;
    const core::Clock& m_clock;
};

} // namespace onewindow::server
