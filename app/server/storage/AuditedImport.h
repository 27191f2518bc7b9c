#pragma once

#include "core/Clock.h"
#include "core/Event.h"
#include "server/storage/CentralDb.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace onewindow::server {

// The number an imported event issues as importAccepted records it: a receipt's case number and
// the window that number names (the importing administrator's devices are no windows); nullopt
// for every other event. (number, window)
std::optional<std::pair<QString, QString>> caseNumberImportedBy(const core::Event& event);

// Events that were judged elsewhere, put into a hall's stream by an administrator's act (the
// demo hall now; decision 2's forked events of a restored device later): each is stored as
// accepted with `reasonCode` naming the import, in the order given, with the case heads and
// case numbers the pushes keep. An event whose id the hall already holds is skipped. In
// transactions of `batch` events; returns how many were new.
core::Result<qint64> importAccepted(CentralDb& db, const core::Clock& clock,
                                    const QString& hallCode, const QList<core::Event>& events,
                                    const QString& reasonCode, int batch = 5000);

} // namespace onewindow::server
