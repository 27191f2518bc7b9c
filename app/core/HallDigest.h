#pragma once

#include "core/Event.h"
#include "core/SyncProtocol.h"

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

} // namespace onewindow::core
