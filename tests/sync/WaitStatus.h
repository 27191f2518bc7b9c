#pragma once

// Waiting for the background sync (sync::SyncService) to report a status, shared by the sync
// tests.
#include "sync/SyncService.h"

#include <QEventLoop>
#include <QTimer>

#include <functional>
#include <optional>

namespace onewindow::test {

// Runs the event loop (the in-process server answers meanwhile) until the service reports a
// status that `wanted` accepts, or 20 s pass.
inline std::optional<sync::SyncStatus>
waitForStatus(sync::SyncService& service,
              const std::function<bool(const sync::SyncStatus&)>& wanted)
{
    std::optional<sync::SyncStatus> got;
    QEventLoop loop;
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    const auto c = QObject::connect(&service, &sync::SyncService::statusChanged, &loop,
                                    [&](const sync::SyncStatus& s) {
                                        if (wanted(s)) {
                                            got = s;
                                            loop.quit();
                                        }
                                    });
    loop.exec();
    QObject::disconnect(c);
    return got;
}

} // namespace onewindow::test
