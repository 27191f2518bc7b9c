#pragma once
// Holiday notices that move running deadlines (decision 8): the shipped 2026 notice with one day
// more. writeMovedNotice's makes Wednesday 2026-12-09 a day off, so a notice period counted from
// Monday 2026-12-07 ends on Tuesday 2026-12-15 instead of Monday 2026-12-14 (the "deadline moved"
// entries).
#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace onewindow::test {

// The shipped 2026 notice with one day more, `date` named `name`, a day off or a working day
// (调休上班), written into `dir` as `fileName`; its path.
inline QString writeNoticeWithDay(const QTemporaryDir& dir, const QString& fileName,
                                  const QString& name, const QString& date, bool isOffDay)
{
    QFile shipped(QStringLiteral(ONEWINDOW_SOURCE_DIR "/resources/calendars/2026.json"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    QJsonObject notice = QJsonDocument::fromJson(shipped.readAll()).object();
    QJsonArray days = notice.value(QStringLiteral("days")).toArray();
    days.append(QJsonObject{{QStringLiteral("name"), name},
                            {QStringLiteral("date"), date},
                            {QStringLiteral("isOffDay"), isOffDay}});
    notice.insert(QStringLiteral("days"), days);
    const QString path = dir.filePath(fileName);
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(notice).toJson());
    return path;
}

// The notice that moves deadlines, written into `dir` as 2026-moved.json; its path.
inline QString writeMovedNotice(const QTemporaryDir& dir)
{
    return writeNoticeWithDay(dir, QStringLiteral("2026-moved.json"), QStringLiteral("临时放假"),
                              QStringLiteral("2026-12-09"), true);
}

} // namespace onewindow::test
