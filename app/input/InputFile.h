#pragma once

#include "core/Error.h"
#include "core/InputFiles.h"

#include <QByteArray>
#include <QString>

namespace onewindow::input {

// Every command and page that reads a file a person names reads it here: a regular file only
// (not a device such as /dev/zero, not a FIFO, which would block, not a directory), at most the
// kind's stated size (core/InputFiles.h), checked on the opened file itself so nothing can be
// swapped in between. A Qt resource path (":/...") is the program's own and read as it is.
core::Result<QByteArray> readInputFile(const QString& path, core::InputKind kind);

} // namespace onewindow::input
