#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/HolidayNotice.h"
#include "core/SyncProtocol.h"
#include "server/Model.h"
#include "server/storage/CentralDb.h"
#include "server/storage/MasterData.h"

#include <QList>
#include <QString>

#include <optional>

namespace onewindow::server {

// Halls, enrolment codes and devices in the central store.
class Registry
{
public:
    Registry(CentralDb& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}

    core::Result<Hall> createHall(const QString& code, const QString& name, const QString& zone);
    std::optional<Hall> hall(const QString& code);

    struct CodeRequest
    {
        QString hallCode;
        QString windowCode;
        QString role;
        QString department;
        qint64 validSeconds = 24 * 3600;
    };
    // A one-time code (shown once; only its hash is kept) and when it expires.
    // `fixedCode`: a code chosen by the caller instead of a random one, only for the demo hall's
    // published codes (onewindow-server-demo, demo/DemoTerminals.h); `enrol` prints random ones.
    core::Result<std::pair<QString, QString>> createEnrolCode(const CodeRequest& request,
                                                              const QString& fixedCode = {});
    // The code becomes a device with its credential, in one transaction: a code is used once.
    // Decision 10: `fold` is the fold the enrolling device runs; one older than the hall's floor
    // is refused (fold_behind_hall) and leaves the code unused.
    core::Result<Enrolment> enrol(const QString& code, const QString& deviceName,
                                  int fold = core::sync::kFoldVersion);

    // The device a bearer token names, whatever its state (the caller refuses revoked ones).
    std::optional<Device> deviceByToken(const QString& token);
    core::Result<QList<Device>> devices(const QString& hallCode = {});
    core::Status revoke(const QString& deviceId);
    // Decision 9: the device records nothing new from now on; what it recorded before is still
    // taken when it pushes, and it still pulls. Enrolling its window code does the same (enrol).
    core::Status retire(const QString& deviceId);
    // The highest number of each kind (case, or a document kind) `window` has issued.
    core::Result<QJsonObject> issuedNumbers(const QString& hallCode, const QString& window);

    // What the last retire, revoke or enrolment made itself (decision 9: the holds it took
    // back, the due facts of those cases), one line each.
    const QStringList& lastReleased() const { return m_lastReleased; }

private:
    QString now() const;
    core::Status releaseHolds(const QString& hallCode, const QStringList& deviceIds,
                              const QString& gone);

    CentralDb& m_db;
    const core::Clock& m_clock;
    QStringList m_lastReleased;
};

// The notices shipped in resources/calendars, as the records a new hall starts with.
core::Result<QList<MasterChange>> shippedCalendarRecords();
MasterChange calendarRecord(const core::HolidayNotice& notice);

// Reads one row of the devices table (the columns kDeviceColumns names, in that order).
Device deviceFromRow(const QSqlQuery& q);
extern const char* const kDeviceColumns;

} // namespace onewindow::server
