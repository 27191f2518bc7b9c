#include "sync/SyncClient.h"

#include "core/ClockOffset.h"
#include "core/SyncMessages.h"
#include "core/SyncProtocol.h"
#include "core/WorkingSet.h"
#include "store/ClockState.h"
#include "store/HallConfig.h"
#include "sync/MasterRecords.h"
#include "version/Version.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

namespace onewindow::sync {

namespace proto = core::sync;

SyncClient::SyncClient(store::CaseStore& cases, Timeouts timeouts)
    : m_cases(cases), m_repo(cases), m_timeouts(timeouts)
{
    // Qt resends a POST by itself when a kept-alive connection drops; the push is idempotent
    // (docs/sync-protocol.md), so that is safe.
}

QNetworkRequest SyncClient::request(const QString& url, const QString& token,
                                    int inactivityMs) const
{
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // Every request names the protocol, the fold and the build it speaks (decision 10).
    request.setRawHeader(proto::kProtocolHeader, QByteArray::number(proto::kProtocolVersion));
    request.setRawHeader(proto::kFoldHeader, QByteArray::number(proto::kFoldVersion));
    // The server logs it: the version and the commit, as `--version` prints them.
    request.setRawHeader(proto::kBuildHeader,
                         (version::number() + QLatin1Char('+') + version::commit()).toLatin1());
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    // The inactivity timeout: no byte moved for this long aborts the request.
    request.setTransferTimeout(inactivityMs);
    return request;
}

Result<SyncClient::Reply> SyncClient::answerOf(QNetworkReply* reply, const QByteArray& method,
                                               const QString& url, bool connectTimedOut,
                                               std::optional<qint64> sentMs)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        const QString why = connectTimedOut
                                ? QStringLiteral("连接超时 %1 秒").arg(m_timeouts.connectMs / 1000)
                                : reply->errorString();
        Q_EMIT logLine(QStringLiteral("sync: %1 %2 failed: %3")
                           .arg(QString::fromLatin1(method), url, reply->errorString()));
        m_lastFailure = why;
        // Decision 7: no server, no measurement; the gap rule rests while offline.
        if (Status s = store::markClockOffline(m_cases.store()); !s)
            Q_EMIT logLine(QStringLiteral("sync: %1").arg(s.error().message));
        return proto::offline(why);
    }
    if (sentMs)
        measureClock(*reply, *sentMs);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return proto::badAnswer(QStringLiteral("HTTP %1，非 JSON").arg(status));
    return Reply{status, doc.object()};
}

Result<SyncClient::Reply> SyncClient::call(const QByteArray& method, const QString& url,
                                           const QJsonObject& body, const QString& token,
                                           int answerWithinMs)
{
    const QByteArray payload =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    const qint64 sentMs = m_cases.store().clock().machineNowUtc().toMSecsSinceEpoch();
    QNetworkReply* reply = m_net.sendCustomRequest(
        request(url, token, std::max(answerWithinMs, m_timeouts.inactivityMs)), method, payload);
    m_current = reply;
    QEventLoop loop;
    QTimer connectTimer;
    connectTimer.setSingleShot(true);
    bool connectTimedOut = false;
    // The connect timeout: until the answer's headers arrive (or bytes move up), a dead server
    // or a black-holed address is given up on.
    QObject::connect(&connectTimer, &QTimer::timeout, reply, [&] {
        connectTimedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::metaDataChanged, &connectTimer, &QTimer::stop);
    QObject::connect(reply, &QNetworkReply::uploadProgress, &connectTimer,
                     [&](qint64 sent, qint64) {
                         if (sent > 0)
                             connectTimer.stop();
                     });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    connectTimer.start(std::max(answerWithinMs, m_timeouts.connectMs));
    if (!reply->isFinished())
        loop.exec();
    m_current = nullptr;
    reply->deleteLater();
    if (!reply->isFinished()) // the thread is quitting (a window closing): no answer to wait for
        reply->abort();
    return answerOf(reply, method, url, connectTimedOut, sentMs);
}

void SyncClient::abort()
{
    abortWaitingPull();
    if (m_current)
        m_current->abort();
}

void SyncClient::measureClock(QNetworkReply& reply, qint64 sentMs)
{
    // Decision 7: every answer carries the server's time; offset = server time - the request's
    // midpoint on this machine's own clock, kept in the store and given to the clock at once.
    const core::Clock& clock = m_cases.store().clock();
    const qint64 receivedMs = clock.machineNowUtc().toMSecsSinceEpoch();
    const auto serverMs = proto::parseServerTime(reply.rawHeader(proto::kTimeHeader));
    if (!serverMs)
        return;
    const auto offset = proto::measureOffsetMs(sentMs, receivedMs, *serverMs);
    if (!offset)
        return; // a long round trip (a waiting pull) tells too little
    m_lastOffsetMs = *offset;
    if (Status s = store::recordClockOffset(m_cases.store(), *offset, clock.nowUtc()); !s)
        Q_EMIT logLine(QStringLiteral("sync: %1").arg(s.error().message));
}

Error SyncClient::refusal(const Reply& reply)
{
    Error e{reply.json.value(QStringLiteral("error")).toString(),
            reply.json.value(QStringLiteral("message")).toString()};
    if (e.code.isEmpty())
        return proto::badAnswer(QStringLiteral("HTTP %1").arg(reply.status));
    if (e.code == proto::code::kDeviceRevoked || e.code == proto::code::kDeviceStopped ||
        e.code == proto::code::kSequenceReused || e.code == proto::code::kUnauthorized) {
        // Sync stops here and says why until the window is enrolled again.
        if (Status s = m_repo.markStopped(e.code, e.message); !s)
            return s.error();
    }
    return e;
}

Status SyncClient::enrol(const QString& serverUrl, const QString& code, const QString& deviceName)
{
    const QUrl base(serverUrl.trimmed());
    if (!base.isValid() ||
        (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https")) ||
        base.host().isEmpty())
        return proto::badServerUrl(serverUrl);
    // The server's address, not one of its requests: ".../v1" used to become "/v1/v1/enrol"
    // and came back as "没有这个地址". A path prefix of a reverse proxy stays allowed.
    static const QRegularExpression request(QStringLiteral("/(v1|healthz|q)(/.*)?$"));
    if (request.match(base.path()).hasMatch() || base.hasQuery() || base.hasFragment())
        return proto::badServerUrl(serverUrl);
    QString root = base.toString(QUrl::StripTrailingSlash);
    // Before the code goes: the server spends it and makes the device at once, and a store
    // that then refused the answer left the code used and an active device nobody holds.
    if (Status s = m_repo.checkEnrollable(); !s)
        return s;
    auto reply = call(
        "POST", root + QStringLiteral("/v1/enrol"),
        QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("device_name"), deviceName}},
        {});
    if (!reply) {
        // Nothing was written: say so, rather than the queue's "kept on this machine".
        if (reply.error().code == QLatin1String("sync.offline"))
            return proto::enrolUnreachable(m_lastFailure);
        return reply.error();
    }
    if (reply->status != 200) {
        Error refused{reply->json.value(QStringLiteral("error")).toString(),
                      reply->json.value(QStringLiteral("message")).toString()};
        // An answer without the protocol's refusal: not a hall's server at that address.
        if (refused.code.isEmpty() || refused.message.isEmpty())
            return proto::badAnswer(QStringLiteral("HTTP %1").arg(reply->status));
        return refused;
    }
    const QJsonObject& o = reply->json;
    const QJsonObject hall = o.value(QStringLiteral("hall")).toObject();
    store::Enrolment e;
    e.serverUrl = root;
    e.deviceId = o.value(QStringLiteral("device_id")).toString();
    e.token = o.value(QStringLiteral("token")).toString();
    e.windowCode = o.value(QStringLiteral("window")).toString();
    e.role = o.value(QStringLiteral("role")).toString();
    e.department = o.value(QStringLiteral("department")).toString();
    e.nextSeq = o.value(QStringLiteral("next_seq")).toInteger(1);
    e.hallCode = hall.value(QStringLiteral("code")).toString();
    e.hallName = hall.value(QStringLiteral("name")).toString();
    e.zone = hall.value(QStringLiteral("zone")).toString();
    e.epoch = hall.value(QStringLiteral("epoch")).toString();
    e.snapshot = o.value(QStringLiteral("initial")).toString() == proto::kInitialSnapshot;
    if (e.deviceId.isEmpty() || e.token.isEmpty() || e.hallCode.isEmpty() || e.windowCode.isEmpty())
        return proto::badAnswer(QStringLiteral("登记回答缺少设备编号、凭据或大厅"));
    return m_repo.enrol(e);
}

Result<store::SyncState> SyncClient::enrolled()
{
    auto state = m_repo.state();
    if (!state)
        return state.error();
    if (!*state)
        return proto::notEnrolled();
    if (!(*state)->stoppedCode.isEmpty())
        return proto::syncStopped((*state)->stoppedMessage);
    return **state;
}

Status SyncClient::pushOnce(Report& report, bool& more)
{
    more = false;
    auto state = enrolled();
    if (!state)
        return state.error();
    auto batch = m_repo.pending(proto::kMaxBatchEvents, proto::kMaxBatchBytes - 1024);
    if (!batch)
        return batch.error();
    if (batch->isEmpty())
        return {};
    QJsonArray events;
    for (const core::Event& e : std::as_const(*batch))
        events.append(proto::eventToWire(e));
    auto reply = call("POST", state->serverUrl + QStringLiteral("/v1/push"),
                      QJsonObject{{QStringLiteral("device_id"), state->deviceId},
                                  {QStringLiteral("events"), events}},
                      state->token);
    if (!reply)
        return reply.error();
    if (reply->status == 409 &&
        reply->json.value(QStringLiteral("error")).toString() == proto::code::kSequenceGap) {
        // The server waits for an earlier event than we sent: resend from there.
        const qint64 expected = reply->json.value(QStringLiteral("expected_seq")).toInteger(0);
        if (expected < 1)
            return proto::badAnswer(QStringLiteral("sequence_gap 缺少 expected_seq"));
        Q_EMIT logLine(QStringLiteral("sync: server expects seq %1, resending").arg(expected));
        if (Status s = m_repo.setAckedSeq(expected); !s)
            return s;
        more = true;
        return {};
    }
    if (reply->status != 200)
        return refusal(*reply);
    QHash<QString, QString> caseOf;
    for (const core::Event& e : std::as_const(*batch))
        caseOf.insert(e.eventId, e.caseId);
    QList<store::Placement> answers;
    for (const QJsonValue& v : reply->json.value(QStringLiteral("results")).toArray()) {
        const QJsonObject r = v.toObject();
        store::Placement p;
        p.eventId = r.value(QStringLiteral("event_id")).toString();
        p.caseId = caseOf.value(p.eventId);
        p.hallSeq = r.value(QStringLiteral("hall_seq")).toInteger(0);
        p.accepted = r.value(QStringLiteral("verdict")).toString() == QLatin1String("accepted");
        p.reasonCode = r.value(QStringLiteral("reason_code")).toString();
        p.reason = r.value(QStringLiteral("reason")).toString();
        p.winner = r.value(QStringLiteral("winner")).toString();
        if (p.caseId.isEmpty() || p.hallSeq < 1)
            return proto::badAnswer(QStringLiteral("上传结果缺少记录编号或大厅序号"));
        report.rejected += p.accepted ? 0 : 1;
        answers.append(p);
    }
    const qint64 nextSeq = reply->json.value(QStringLiteral("next_seq")).toInteger(0);
    if (nextSeq < 1)
        return proto::badAnswer(QStringLiteral("上传结果缺少 next_seq"));
    // A 200 means the server holds every earlier event of ours, whatever the epoch: the
    // placements above a new epoch's base are dropped first, then this batch's are written.
    bool rebased = false;
    if (Status s = followEpoch(reply->json, report, rebased); !s)
        return s;
    if (Status s = followRetirement(reply->json); !s)
        return s;
    if (Status s = m_repo.recordPush(answers, nextSeq); !s)
        return s;
    report.pushed += static_cast<int>(answers.size());
    auto left = m_repo.pendingCount();
    if (!left)
        return left.error();
    more = *left > 0;
    return {};
}

Status SyncClient::pullOnce(Report& report, bool& more, int limit)
{
    more = false;
    auto state = enrolled();
    if (!state)
        return state.error();
    auto reply =
        call("GET",
             state->serverUrl +
                 QStringLiteral("/v1/pull?cursor=%1&limit=%2").arg(state->cursor).arg(limit),
             {}, state->token);
    if (!reply)
        return reply.error();
    if (reply->status != 200)
        return refusal(*reply);
    return applyPage(*reply, *state, report, more);
}

Status SyncClient::applyPage(const Reply& reply, const store::SyncState& state, Report& report,
                             bool& more)
{
    const QJsonObject& o = reply.json;
    bool rebased = false;
    if (Status s = followEpoch(o, report, rebased); !s)
        return s;
    if (Status s = followRetirement(o); !s)
        return s;
    if (rebased) {
        // The page was asked for from a cursor of the old epoch: pull again from the base.
        more = true;
        return {};
    }
    const qint64 next = o.value(QStringLiteral("next_cursor")).toInteger(-1);
    if (next < state.cursor)
        return proto::badAnswer(QStringLiteral("游标后退（%1 → %2）").arg(state.cursor).arg(next));
    QList<store::PulledEvent> page;
    store::PulledMaster master;
    if (Status s = readEntries(o.value(QStringLiteral("events")).toArray(), state.cursor, next,
                               state.cursor, page, master, report);
        !s)
        return s;
    // Decision 11: a store holding a working set fetches an older case a page brings an event
    // of, up to where this page starts, so its fold never sees a case without its start.
    int fetched = 0;
    if (state.partial()) {
        auto older = fetchOlderCases(state, page);
        if (!older)
            return older.error();
        fetched = *older;
    }
    auto inserted = m_repo.applyPull(page, next, master, [&]() -> Status {
        return fetched > 0 ? m_repo.addFetchedCases(fetched) : Status{};
    });
    if (!inserted)
        return inserted.error();
    report.pulled += *inserted;
    report.fetchedCases += fetched;
    const store::MasterApplied& applied = m_repo.lastMasterApplied();
    report.calendarChanged |= applied.calendarChanged;
    report.catalogChanged |= applied.catalogChanged;
    report.settingsChanged |= applied.settingsChanged;
    if (applied.ownDeviceRevoked)
        Q_EMIT logLine(QStringLiteral("sync: this device was revoked at the hall; sync stopped"));
    report.cursor = next;
    more = o.value(QStringLiteral("more")).toBool();
    return {};
}

Result<SyncClient::Report> SyncClient::syncNow()
{
    Report report;
    // A second round only after a failover (decision 6): the pull that saw the new epoch made
    // pending again the own events the server lost, and they go up at once.
    // Decision 11: a new window of a large hall takes its working set first (nothing of its
    // own can be placed before: its events wait, pending, until the set is whole).
    if (Status s = takeWorkingSet(report); !s)
        return s.error();
    for (int round = 0; round < 2; ++round) {
        const bool before = report.epochChanged;
        for (bool more = true; more;)
            if (Status s = pushOnce(report, more); !s)
                return s.error();
        for (bool more = true; more;)
            if (Status s = pullOnce(report, more); !s)
                return s.error();
        auto left = m_repo.pendingCount();
        if (!left)
            return left.error();
        report.pending = *left;
        if (report.epochChanged == before || report.pending == 0)
            break;
    }
    if (Status s = fetchNumberBlocks(); !s)
        return s.error();
    if (Status s = m_repo.markSynced(m_cases.store().clock().nowUtc()); !s)
        return s.error();
    return report;
}

Status SyncClient::startWaitingPull(int waitSeconds, WaitDone done)
{
    if (m_waiting)
        return Error{QStringLiteral("sync.waiting"), QStringLiteral("已有一个等待中的拉取")};
    auto state = enrolled();
    if (!state)
        return state.error();
    const QString url = state->serverUrl + QStringLiteral("/v1/pull?cursor=%1&limit=%2&wait=%3")
                                               .arg(state->cursor)
                                               .arg(proto::kMaxBatchEvents)
                                               .arg(waitSeconds);
    // The server says nothing until the hall moves on or the wait ends: the inactivity timeout
    // is a few seconds above the wait.
    QNetworkReply* reply =
        m_net.get(request(url, state->token, waitSeconds * 1000 + m_timeouts.waitSlackMs));
    m_waiting = reply;
    // The connect timeout ends when the request is on the wire (no headers come back before
    // the answer, which may be the whole wait away).
    auto* connectTimer = new QTimer(reply);
    connectTimer->setSingleShot(true);
    QObject::connect(connectTimer, &QTimer::timeout, reply, [reply] {
        reply->setProperty("connectTimedOut", true);
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::requestSent, connectTimer, &QTimer::stop);
    QObject::connect(reply, &QNetworkReply::metaDataChanged, connectTimer, &QTimer::stop);
    connectTimer->start(m_timeouts.connectMs);
    const qint64 from = state->cursor;
    QObject::connect(reply, &QNetworkReply::finished, this, [this, reply, url, from, done] {
        m_waiting = nullptr;
        reply->deleteLater();
        Report report;
        bool more = false;
        auto answer =
            answerOf(reply, "GET", url, reply->property("connectTimedOut").toBool(), std::nullopt);
        if (!answer)
            return done(answer.error(), report, more, false);
        if (answer->status != 200)
            return done(refusal(*answer), report, more, false);
        // The store as it is now: stopped or re-enrolled meanwhile, the page is not applied.
        auto now = enrolled();
        if (!now)
            return done(now.error(), report, more, false);
        if (now->cursor != from)
            return done(proto::badAnswer(
                            QStringLiteral("等待中游标已变（%1 → %2）").arg(from).arg(now->cursor)),
                        report, more, false);
        if (Status s = applyPage(*answer, *now, report, more); !s)
            return done(s, report, more, false);
        if (Status s = m_repo.markSynced(m_cases.store().clock().nowUtc()); !s)
            return done(s, report, more, false);
        done(Status{}, report, more, report.cursor > from);
    });
    return {};
}

void SyncClient::abortWaitingPull()
{
    if (!m_waiting)
        return;
    QNetworkReply* reply = m_waiting;
    m_waiting = nullptr;
    QObject::disconnect(reply, &QNetworkReply::finished, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

} // namespace onewindow::sync
