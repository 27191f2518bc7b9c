// SyncClient's part of decision 5: the office 文号 blocks this window asked for
// (store/OfficeNumbers.h), fetched from the hall's server (POST /v1/numbers).
#include "sync/SyncClient.h"

#include "core/SyncMessages.h"
#include "store/OfficeNumbers.h"

namespace onewindow::sync {

Status SyncClient::fetchNumberBlocks()
{
    store::OfficeNumbers blocks(m_cases.store());
    auto wants = blocks.wants();
    if (!wants)
        return wants.error();
    if (wants->isEmpty())
        return {};
    auto state = enrolled();
    if (!state)
        return state.error();
    for (const store::OfficeNumbers::Want& w : std::as_const(*wants)) {
        auto reply = call("POST", state->serverUrl + QStringLiteral("/v1/numbers"),
                          QJsonObject{{QStringLiteral("series"), w.series},
                                      {QStringLiteral("year"), w.year},
                                      {QStringLiteral("count"), store::OfficeNumbers::kBlockSize},
                                      {QStringLiteral("request_id"), w.requestId}},
                          state->token);
        if (!reply)
            return reply.error();
        if (reply->status == 400 && reply->json.value(QStringLiteral("error"))
                                        .toString()
                                        .startsWith(QLatin1String("numbers."))) {
            // A series the server will never allot (it says why): not asked again every round.
            Q_EMIT logLine(QStringLiteral("sync: 文号 %1〔%2〕 refused: %3")
                               .arg(w.series)
                               .arg(w.year)
                               .arg(reply->json.value(QStringLiteral("message")).toString()));
            if (Status s = blocks.drop(w); !s)
                return s;
            continue;
        }
        if (reply->status != 200)
            return refusal(*reply);
        const qint64 first = reply->json.value(QStringLiteral("first")).toInteger(0);
        const qint64 last = reply->json.value(QStringLiteral("last")).toInteger(0);
        if (first < 1 || last < first ||
            reply->json.value(QStringLiteral("series")).toString() != w.series)
            return core::sync::badAnswer(QStringLiteral("文号段的应答不完整"));
        if (Status s = blocks.allotted(w, first, last); !s)
            return s;
        Q_EMIT logLine(QStringLiteral("sync: 文号 %1〔%2〕%3–%4 allotted")
                           .arg(w.series)
                           .arg(w.year)
                           .arg(first)
                           .arg(last));
    }
    return {};
}

} // namespace onewindow::sync
