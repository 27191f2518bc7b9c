#pragma once

#include "core/CaseFold.h"
#include "core/Error.h"
#include "core/Event.h"
#include "core/SyncProtocol.h"

#include <QCryptographicHash>
#include <QList>
#include <QString>

namespace onewindow::core {

// One hall's digest (issue 18 "The digest, exactly"): the workstation's `store digest` and the
// server's `digest HALL` compute it with this one function, so equal digests mean equal halls.
// It hashes the hall-ordered list of (event id, verdict) and each case's folded state without
// the fields that change with today's date (no clocks, no warning level, no days left). The fold
// is the lifecycle replay every store and the server share (an empty item: the limits a device
// judged by are recorded in the events), over each case's accepted events in hall order.
// Compared only when nothing is pending on either side.

// The fold version every request names (decision 10): bumped when a fold step changes what a
// case folds to.
using sync::kFoldVersion;

struct PlacedEvent
{
    qint64 hallSeq = 0;
    bool accepted = true;
    Event event;
};

struct HallDigest
{
    QString sha256; // 64 hex
    qint64 cursor = 0;
    int events = 0;
    int cases = 0;
    int foldVersion = kFoldVersion;
    QString calendarVersion; // what the caller holds ("-" when it has none)
    QString catalogVersion;
    // One line: "digest <hex> cursor N events E cases C fold F calendar X catalog Y".
    QString text() const;
};

// `placed` in hall order (ascending hall_seq); any other order is sorted first.
HallDigest hallDigest(QList<PlacedEvent> placed);

// The same digest fed as it is read (decision 11, the working set's digest at the window and the
// server): no more than one case's events held at once, so a store of any size is digested in
// the memory of its largest case. Two passes, in the order the hash takes them:
// 1. addPlacement() for every placed event in hall order (ascending hall_seq);
// 2. addCase() for every case with an accepted event, by ascending case id as QString orders it
//    (UTF-16 code units: an SQL collation may order otherwise, so callers sort the ids
//    themselves), with that case's accepted events in hall order.
// finish() refuses (`digest.order`) a feed out of either order instead of giving a wrong digest.
class HallDigestBuilder
{
public:
    HallDigestBuilder();
    void addPlacement(qint64 hallSeq, const QString& eventId, bool accepted);
    void addCase(const QString& caseId, const QList<Event>& accepted);
    Result<HallDigest> finish();

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    FoldContext m_context;
    HallDigest m_out;
    qint64 m_lastSeq = 0;
    QString m_lastCase;
    bool m_cases = false; // the second pass has begun
    bool m_ordered = true;
};

} // namespace onewindow::core
