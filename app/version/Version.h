#pragma once

#include <QString>

// The version and the git commit this build came from (issue 21): `--version` of every program
// and the window's About dialog. Fixed when the program is built (app/version/BuildInfo.cmake).
namespace onewindow::version {

// The release number, "0.1.0" (the project's version in CMakeLists.txt).
QString number();
// The commit's short hash, "-dirty" appended when the tree had uncommitted changes, or "unknown"
// when the source was not a git checkout (and no -DONEWINDOW_COMMIT was given).
QString commit();
// "PROGRAM 0.1.0 (commit 3b988d6abcde)": what `PROGRAM --version` prints.
QString line(const QString& program);

} // namespace onewindow::version
