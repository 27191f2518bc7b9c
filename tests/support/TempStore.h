#pragma once

#include "core/Clock.h"
#include "store/Store.h"

#include <QTemporaryDir>

#include <memory>

namespace onewindow::test {

// A fresh store file in a temporary folder, opened with a fake clock set to `nowUtc`.
struct TempStore
{
    QTemporaryDir dir;
    core::FakeClock clock;
    std::unique_ptr<store::Store> store;

    explicit TempStore(const QDateTime& nowUtc);
    QString path() const { return dir.filePath(QStringLiteral("s.sqlite")); }
};

} // namespace onewindow::test
