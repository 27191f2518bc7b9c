#pragma once

#include "core/Error.h"
#include "core/Event.h"
#include "store/Store.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace onewindow::store {

// Every event of the store in the canonical order (hlc, device, sequence), handed to `take` in
// pages of at most `pageSize`: what a hall's log is, for handing a whole store on
// (onewindow-server-demo puts the demo hall's log on the server). Paged because a hall of
// 1,000,000 cases (some 8.6 million events) does not fit in memory as one list. A failing
// `take` stops the reading and its error is returned.
using EventPageSink = std::function<core::Status(const QList<core::Event>& page)>;
core::Status exportEventPages(const Store& store, int pageSize, const EventPageSink& take);

// The distinct actors of the store's events, sorted (the people a hall handed on must know).
core::Result<QStringList> eventActors(const Store& store);

} // namespace onewindow::store
