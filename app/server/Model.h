#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace onewindow::server {

// What the central store holds, as the protocol and the commands see it (no SQL here).
struct Hall
{
    QString code;
    QString name;
    QString zone;
    qint64 seq = 0; // the hall's commit counter: the cursor of its last stored event
};

struct Device
{
    QString deviceId;
    QString hallCode;
    QString windowCode;
    QString role; // window, backoffice, supervisor
    QString department;
    QString name;
    QString enrolledAt;
    QString revokedAt;     // empty while active
    QString stoppedReason; // sequence_reused: stopped until re-enrolled as a new device
    // Decision 9: retired (no new actions; what it recorded before is still taken) at this time,
    // by the enrolment of this device ('' when by `device retire`); empty while active.
    QString retiredAt;
    QString retiredBy;
    qint64 nextSeq = 1;
    int foldVersion = 1; // decision 10: the fold its last request named
};

// A device just enrolled: its credential is shown once and never stored.
struct Enrolment
{
    Device device;
    QString token;
    Hall hall;
    QJsonObject profile; // the hall's settings record
    QJsonObject numbers; // decision 5: the highest number of each kind the window issued
};

// One pushed event's answer; a replay gets the stored one again, byte for byte.
struct EventAnswer
{
    QString eventId;
    qint64 deviceSeq = 0;
    bool accepted = false;
    qint64 hallSeq = 0;
    QString reasonCode;
    QString reason;
    QString winner;
    QJsonObject toJson() const;
};

// Decision 6: the hall's epoch ('' until its first failover) and the counter it started at.
struct HallEpoch
{
    QString id;
    qint64 base = 0;
};

struct PushOutcome
{
    std::optional<core::Error> error; // the batch was refused: nothing stored
    qint64 expectedSeq = 0;           // with sequence_gap
    QList<EventAnswer> answers;
    qint64 nextSeq = 0;
    bool hallMoved = false; // new events were stored: waiting pulls of the hall may answer
    HallEpoch epoch;        // the epoch the batch was answered in
    // Where the push's time went (issue 17, the answer's Server-Timing): waiting for the
    // transaction and the device's row, judging and storing, the commit.
    qint64 lockNs = 0, judgeNs = 0, commitNs = 0;
};

struct PullPage
{
    QString hall;
    QList<QJsonObject> events;
    qint64 nextCursor = 0;
    bool more = false;
    HallEpoch epoch; // the cursor counts in this epoch (decision 6)
};

} // namespace onewindow::server
