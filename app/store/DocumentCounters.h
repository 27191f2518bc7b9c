#pragma once

#include "core/DocumentKind.h"
#include "store/Store.h"

#include <QList>

namespace onewindow::store {

// The last number of a document kind in a year already issued under this workstation's window
// code elsewhere (events imported in bulk, such as a demo hall's), so its next print goes on after
// it.
struct IssuedNumbers
{
    core::DocumentKind kind = core::DocumentKind::Receipt;
    int year = 0;
    quint32 last = 0;
};

// Raises this workstation's document counters to at least each given last number (a counter
// never goes back), in one transaction.
Status raiseDocumentCounters(Store& store, const QList<IssuedNumbers>& issued);

} // namespace onewindow::store
