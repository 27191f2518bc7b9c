#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <initializer_list>

class QTemporaryDir;

namespace onewindow::test {

struct CtlRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the onewindowctl binary with --store STORE and the arguments, feeding `input` on stdin.
CtlRun runCtl(const QString& store, const QStringList& args, const QByteArray& input = {});
// The same with the tool's clock fixed at `nowUtc` (ONEWINDOW_FAKE_NOW), never the real time.
CtlRun runCtlAt(const QDateTime& nowUtc, const QString& store, const QStringList& args);
QString writeTempFile(const QTemporaryDir& dir, const char* name, const QByteArray& bytes);
// A new store in `dir` (schema and shipped calendars, as the window's first start or an import
// makes one), for the commands that refuse a missing store; returns its path.
QString newStore(const QTemporaryDir& dir, const char* name = "s.sqlite");
// Command-line words from UTF-8 literals.
QStringList args(std::initializer_list<const char*> words);

} // namespace onewindow::test
