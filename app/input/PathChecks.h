#pragma once

#include <QString>

#include <optional>

namespace onewindow::input {

// Whether two paths name one file: the same inode when both exist (a hard link, a symlink), else
// the same canonical folder and name (a file yet to be written, a symlink to it).
bool sameFile(const QString& a, const QString& b);

// Whether writing to `path` would overwrite the store at `storePath` or its SQLite companions
// (-wal, -shm, -journal): an output is never the store itself.
bool isStoreFile(const QString& path, const QString& storePath);

// `path` (relative to `folder`, or absolute) with every symlink resolved, if it exists and lies
// inside `folder` (also resolved); otherwise nothing. A hall's configuration names files only
// inside its own folder: never /etc/passwd, never ../../anything.
std::optional<QString> insideFolder(const QString& path, const QString& folder);

// Whether `name` can name a file as a person would write it: not empty and no control character
// (U+0000-U+001F, U+007F). A NUL ends a name for the system, so Qt would open the name cut there;
// a line feed or an escape in a name is a typing or an attack, never a file a hall meant.
bool isPlainFileName(const QString& name);

// `name` with its control characters shown as \uXXXX, for a message that quotes it.
QString shownFileName(const QString& name);

} // namespace onewindow::input
