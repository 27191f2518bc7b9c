#pragma once

// Shared by the libFuzzer targets (tests/fuzz, built by the "fuzz" preset with ASan and UBSan).
// A target's own checks are properties that hold for every input; a broken one aborts, so the
// fuzzer keeps the input as a reproducer like any crash.

#include "core/WorkingCalendar.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace onewindow::fuzz {

inline QByteArray bytesOf(const std::uint8_t* data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

// A file of this repository (ONEWINDOW_SOURCE_DIR), read once at start; aborts when missing.
QByteArray sourceFile(const char* relative);
// The shipped 2024-2026 notices (resources/calendars); later years provisional.
const core::WorkingCalendar& shippedCalendar();

// Qt's warning that a file name with a NUL byte reached a file function ("Broken filename passed
// to function") stops the run as a finding: a name from an input got past the checks.
void failOnBrokenFileNames();

[[noreturn]] void fail(const char* condition, const char* file, int line, const QString& detail);

} // namespace onewindow::fuzz

// A property every input keeps; when it does not, the fuzzer stops with this input as reproducer.
#define FUZZ_CHECK(condition, detail)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::onewindow::fuzz::fail(#condition, __FILE__, __LINE__, (detail));                     \
    } while (false)
