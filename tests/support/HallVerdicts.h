#pragma once

// The hall's verdicts as the server gives them (a push's answers, a pulled page), without a
// server: for store and widget tests of what a window shows of them (decision 3). The same
// against a real server: tests/sync/RejectedSyncTest.cpp.
#include "core/SyncProtocol.h"
#include "store/SyncRepository.h"
#include "support/HallFixture.h"

#include <catch2/catch.hpp>

#include <QUuid>

namespace onewindow::test {

inline void enrolWindow(HallFixture& w, const QString& window)
{
    store::Enrolment e;
    e.serverUrl = QStringLiteral("http://127.0.0.1:1"); // nobody answers: the test is the hall
    e.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.token = QStringLiteral("token");
    e.windowCode = window;
    e.role = QStringLiteral("window");
    e.hallCode = QStringLiteral("620102");
    e.hallName = QStringLiteral("测试大厅");
    e.zone = QStringLiteral("Asia/Shanghai");
    REQUIRE(store::SyncRepository(*w.cases).enrol(e).ok());
}

// The hall: the order it gives, and what it holds, as the server would answer.
struct HallVerdicts
{
    qint64 seq = 0;
    QList<store::PulledEvent> log;

    // A window's pending events pushed: each accepted unless `rejected` names it (with its
    // winner), all placed in the hall's order.
    void push(HallFixture& w, const QHash<QString, QString>& rejected = {})
    {
        store::SyncRepository repo(*w.cases);
        auto pending = repo.pending(500, 1 << 20);
        REQUIRE(pending.ok());
        if (pending->isEmpty())
            return;
        QList<store::Placement> answers;
        qint64 next = 1;
        for (const core::Event& e : *pending) {
            store::Placement p;
            p.eventId = e.eventId;
            p.caseId = e.caseId;
            p.hallSeq = ++seq;
            p.accepted = !rejected.contains(e.eventId);
            if (!p.accepted) {
                p.reasonCode = core::sync::code::kStaleHead;
                p.reason =
                    QStringLiteral("本件已被其他窗口先行办理，此操作基于过时的办件状态，未生效");
                p.winner = rejected.value(e.eventId);
            }
            answers.append(p);
            log.append({p, e, {}});
            next = e.deviceSeq + 1;
        }
        REQUIRE(repo.recordPush(answers, next).ok());
    }
    void pull(HallFixture& w) const
    {
        REQUIRE(store::SyncRepository(*w.cases).applyPull(log, seq).ok());
    }
};

} // namespace onewindow::test
