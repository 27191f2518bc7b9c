#pragma once

#include "core/Error.h"

#include <QString>

namespace onewindow::core {

// The files a person hands the program (calendar notices, catalogs, a hall's configuration, its
// templates and seal): each kind has a stated maximum size, far above any real one, so a device
// (/dev/zero), a FIFO or a runaway file is refused before it is read. The reading itself is
// app/input's (core does no I/O); the limits and the messages are decided here, once.
enum class InputKind
{
    CalendarNotice, // a State Council notice in holiday-cn JSON: the shipped ones are ~5 KB
    Catalog,        // a service catalog: 5,000 items with their guides are ~10 MB
    HallProfile,    // hall.json
    Template,       // a document template (HTML)
    Image,          // the hall's seal and a template's images (PNG, JPEG)
    PasswordFile,   // onewindow-server user --password-file: one line, a password
    PendingEvents,  // onewindowctl sync export-pending: a stopped device's unpushed events
};

struct InputLimit
{
    qint64 maxBytes;
    const char* name; // what the file is, in Chinese, for the messages
};

InputLimit inputLimit(InputKind kind);
// "1 MB", "32 MB": the limit as a person reads it.
QString byteSizeText(qint64 bytes);

// The refusals, each naming the file and (where it applies) the limit.
Error inputNotRegular(InputKind kind, const QString& path);
Error inputTooLarge(InputKind kind, const QString& path);
Error inputUnreadable(InputKind kind, const QString& path, const QString& reason);

} // namespace onewindow::core
