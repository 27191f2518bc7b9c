#pragma once
// A holiday notice that moves running deadlines (decision 8's "deadline moved" entries): the
// shipped 2026 notice with Wednesday 2026-12-09 made a day off, so a notice period counted from
// Monday 2026-12-07 ends on Tuesday 2026-12-15 instead of Monday 2026-12-14.
#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace onewindow::test {

// Written into `dir` as 2026-moved.json; its path.
inline QString writeMovedNotice(const QTemporaryDir& dir)
{
    QFile shipped(QStringLiteral(ONEWINDOW_SOURCE_DIR "/resources/calendars/2026.json"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    QJsonObject notice = QJsonDocument::fromJson(shipped.readAll()).object();
    QJsonArray days = notice.value(QStringLiteral("days")).toArray();
    days.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("临时放假")},
                            {QStringLiteral("date"), QStringLiteral("2026-12-09")},
                            {QStringLiteral("isOffDay"), true}});
    notice.insert(QStringLiteral("days"), days);
    const QString path = dir.filePath(QStringLiteral("2026-moved.json"));
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(notice).toJson());
    return path;
}

} // namespace onewindow::test
