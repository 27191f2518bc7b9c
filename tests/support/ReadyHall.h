#pragma once

// The hand-out windows' queue (issue 18, 综合窗口出件): a hall with results ready for pick-up
// and cases that are not, for the store, ctl and window tests of 待出件.
#include "core/CasePayloads.h"
#include "support/HallFixture.h"

#include <catch2/catch.hpp>

namespace onewindow::test {

struct ReadyHall : HallFixture
{
    // The case numbers 待出件 lists, in the order their results came back, and the decision time
    // of each; the case numbers it must not list.
    QStringList expected;
    QList<QDateTime> readyAt;
    QStringList notListed;

    ReadyHall()
    {
        using core::EventType;
        namespace payload = core::payload;
        const QString clerk = QStringLiteral("clerk-1");
        const auto take = [&](const char* name) {
            setNow("2026-09-18", "09:00");
            auto r = cases->receive(intake(false, QString::fromUtf8(name)), clerk);
            REQUIRE(r.ok());
            REQUIRE(cases->append(r->event.caseId, EventType::Accepted, payload::accepted(), clerk)
                        .ok());
            return std::pair{r->event.caseId, r->state.caseNumber};
        };
        const auto act = [&](const QString& id, const char* day, const char* time, EventType type,
                             const QJsonObject& p) {
            setNow(day, time);
            auto done = cases->append(id, type, p, clerk);
            if (!done)
                FAIL(done.error().message.toStdString());
        };
        const auto decided = payload::decided(QStringLiteral("granted"));
        // Received in the order 甲 乙 丙 丁 戊; their results came back 丙, 乙, 甲.
        const auto [a, aNo] = take("甲");
        const auto [b, bNo] = take("乙");
        const auto [c, cNo] = take("丙");
        const auto [d, dNo] = take("丁");
        const auto [e, eNo] = take("戊");
        act(a, "2026-09-22", "10:00", EventType::Decided, decided);
        act(b, "2026-09-21", "15:00", EventType::Decided, decided);
        act(c, "2026-09-21", "09:30", EventType::Decided, decided);
        act(c, "2026-09-23", "09:00", EventType::ResultReady, {}); // 出件: still to hand out
        act(d, "2026-09-21", "09:00", EventType::Decided, decided);
        act(d, "2026-09-21", "11:00", EventType::Delivered,
            payload::delivered(QStringLiteral("electronic"))); // handed out: not listed
        expected = {cNo, bNo, aNo};
        const QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
        readyAt = {QDateTime(QDate(2026, 9, 21), QTime(9, 30), zone).toUTC(),
                   QDateTime(QDate(2026, 9, 21), QTime(15, 0), zone).toUTC(),
                   QDateTime(QDate(2026, 9, 22), QTime(10, 0), zone).toUTC()};
        notListed = {dNo, eNo}; // delivered; still being decided
        setNow("2026-09-23", "10:00");
    }
};

} // namespace onewindow::test
