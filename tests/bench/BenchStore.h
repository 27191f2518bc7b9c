#pragma once

#include "core/Clock.h"
#include "store/Store.h"

#include <QFileInfo>
#include <QString>

#include <cstdio>
#include <memory>

namespace onewindow::bench {

// The store a bench reads: argv[1], else the 1,000,000-case demo store's usual place.
inline QString benchStorePath(int argc, char** argv)
{
    return argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("/tmp/demo1m.sqlite");
}

// Opens an existing store; nullptr after saying on stderr why (and how to make one when missing).
inline std::unique_ptr<store::Store> openBenchStore(const QString& path, const core::Clock& clock)
{
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr,
                     "no store at %s: make one with onewindowctl --store %s demo seed "
                     "--cases 1000000\n",
                     qPrintable(path), qPrintable(path));
        return nullptr;
    }
    auto opened = store::Store::open(path, clock);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return nullptr;
    }
    return std::move(opened).value();
}

} // namespace onewindow::bench
