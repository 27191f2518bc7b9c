#pragma once

#include "core/HallSettings.h"
#include "store/CaseStore.h"
#include "store/Store.h"

namespace onewindow::store {

// What the first-start setup records about this hall and this window: the hall's one settings
// object, kept in the hall_settings table.
using HallConfig = core::HallSettings;

// Validates a hall configuration (codes, hours, settings) with messages for the setup form.
inline QList<core::Error> validateHallConfig(const HallConfig& config)
{
    return core::validateHallSettings(config);
}

class HallConfigRepository
{
public:
    explicit HallConfigRepository(Store& store) : m_store(store) {}
    bool configured() const;
    Result<HallConfig> load() const;
    // The hall's settings, or the defaults while the first-start setup has not been done (a
    // store that cannot be read still answers with its error).
    Result<HallConfig> loadOrDefaults() const;
    Status save(const HallConfig& config);  // one transaction
    Status write(const HallConfig& config); // the same inside the caller's transaction

private:
    Store& m_store;
};

} // namespace onewindow::store
