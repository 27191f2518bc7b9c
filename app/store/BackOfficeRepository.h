#pragma once

#include "store/Store.h"

#include <QStringList>

#include <optional>

namespace onewindow::store {

// The hall's back offices at this window (core/BackOffices.h), as the last pulled
// `hall.back_offices` record left them (db/local/0025_back_offices.sql).
class BackOfficeRepository
{
public:
    explicit BackOfficeRepository(Store& store) : m_store(store) {}

    // What a forwarding may name: the hall's list (possibly empty) at an enrolled window;
    // nullopt at a store with no server (an island hall), where it stays free text.
    Result<std::optional<QStringList>> forwardingChoices() const;
    // The hall's list, in its order (empty: none pulled yet).
    Result<QStringList> list() const;
    // Replaces the list, in the caller's transaction (the pulled page's). Whether it changed.
    Result<bool> replace(const QStringList& departments);

private:
    Store& m_store;
};

} // namespace onewindow::store
