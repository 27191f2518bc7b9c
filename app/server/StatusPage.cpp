#include "server/StatusPage.h"

#include "core/CaseFold.h"
#include "core/DateText.h"
#include "server/HallRules.h"
#include "server/storage/CaseLookup.h"

#include <QTimeZone>

namespace onewindow::server {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QByteArray page(const QString& title, const QString& body)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
               "<title>%1</title><style>body{font-family:sans-serif;font-size:20px;"
               "line-height:1.6;margin:1em;max-width:40em}h1{font-size:1.4em}h2{font-size:1.15em;"
               "margin-top:1.2em}.state{font-size:1.3em;font-weight:bold}dt{color:#555}"
               "dd{margin:0 0 .5em 0}li{margin-bottom:.4em}</style></head><body>%2</body></html>\n")
        .arg(esc(title), body)
        .toUtf8();
}

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<dt>%1</dt><dd>%2</dd>").arg(esc(label), esc(value));
}

} // namespace

QByteArray unknownCaseHtml()
{
    return page(QStringLiteral("办件查询"),
                QStringLiteral("<h1>办件查询</h1><p>未查到该办件。请核对回执上的办件编号和查询码；"
                               "如仍有疑问，请带回执到大厅窗口咨询。</p>"));
}

QByteArray tooManyQueriesHtml()
{
    return page(QStringLiteral("办件查询"),
                QStringLiteral("<h1>办件查询</h1><p>查询过于频繁，请十分钟后再试。</p>"));
}

QByteArray statusPageHtml(const QString& hallName, const core::CaseState& s,
                          const core::ServiceItem& item, const QList<core::CaseClock>& clocks)
{
    QString body = QStringLiteral("<h1>%1 办件进度</h1>").arg(esc(hallName));
    body += QStringLiteral("<p class=\"state\">当前状态：%1</p><dl>")
                .arg(esc(core::caseStatusName(s.status)));
    body += row(QStringLiteral("办件编号"), s.caseNumber);
    body += row(QStringLiteral("办理事项"), item.name);
    const core::CaseTimeline& t = s.timeline;
    body += row(QStringLiteral("收件日期"), core::chineseDate(t.received));
    if (t.accepted)
        body += row(t.deemedAccepted ? QStringLiteral("受理日期（视为受理）")
                                     : QStringLiteral("受理日期"),
                    core::chineseDate(*t.accepted));
    if (t.refused)
        body += row(QStringLiteral("不予受理日期"), core::chineseDate(*t.refused));
    // The deadlines still running, each by its clock's own name.
    for (const core::CaseClock& c : clocks)
        if (!c.clock.stopped)
            body += row(core::clockKindName(c.kind) + QStringLiteral("截止"),
                        core::chineseDate(c.clock.deadline));
    body += QStringLiteral("</dl>");
    if (s.status == core::CaseStatus::AwaitingCorrection && !s.notices.isEmpty()) {
        // The one-time notice's list: everything still to bring, with what it must meet.
        body += QStringLiteral("<h2>还需补正的材料</h2><ol>");
        for (const core::Correction& c : s.notices.last().corrections) {
            QString line = esc(c.materialName);
            if (!c.problem.isEmpty())
                line += QStringLiteral("：") + esc(c.problem);
            if (!c.requirement.isEmpty())
                line += QStringLiteral("（要求：%1）").arg(esc(c.requirement));
            body += QStringLiteral("<li>%1</li>").arg(line);
        }
        body += QStringLiteral("</ol>");
    }
    body += s.status == core::CaseStatus::ResultReady ? QStringLiteral("<h2>结果已可领取</h2>")
                                                      : QStringLiteral("<h2>办理地点与时间</h2>");
    body += QStringLiteral("<dl>");
    if (!item.whereToApply.isEmpty())
        body += row(QStringLiteral("地点"), item.whereToApply);
    if (!item.hours.isEmpty())
        body += row(QStringLiteral("时间"), item.hours);
    if (!item.phone.isEmpty())
        body += row(QStringLiteral("咨询电话"), item.phone);
    body += QStringLiteral("</dl><p>领取时请携带本人身份证件和受理回执。</p>");
    return page(QStringLiteral("办件进度 ") + s.caseNumber, body);
}

bool StatusPages::allow(const QString& address)
{
    const QDateTime now = m_clock.nowUtc();
    QList<QDateTime>& seen = m_requests[address];
    while (!seen.isEmpty() && seen.first().secsTo(now) >= kAddressWindowSeconds)
        seen.removeFirst();
    if (seen.size() >= kRequestsPerAddress)
        return false;
    seen.append(now);
    return true;
}

StatusPages::Page StatusPages::answer(const QString& caseNumber, const QString& code,
                                      const QString& address)
{
    if (!allow(address))
        return {429, tooManyQueriesHtml()};
    const Page unknown{404, unknownCaseHtml()};
    CaseLookup lookup(m_db, m_clock);
    if (lookup.failures(caseNumber, kCaseWindowSeconds) >= kWrongCodesPerCase)
        return unknown;
    const auto found = lookup.byNumber(caseNumber);
    core::CaseState state;
    const QTimeZone zone(found ? found->zone.toUtf8() : QByteArray("Asia/Shanghai"));
    MasterData master(m_db, m_clock);
    std::optional<HallRules> rules;
    const core::ServiceItem* item = nullptr;
    if (found && !found->accepted.isEmpty()) {
        rules.emplace(master, found->hallCode);
        const QJsonObject& receipt = found->accepted.first().payload;
        item = rules->item(receipt.value(QStringLiteral("itemCode")).toString(),
                           receipt.value(QStringLiteral("itemVersion")).toInt());
    }
    core::FoldContext context;
    context.item = item;
    context.zone = zone;
    if (item) {
        context.calendar = &rules->calendarAt({});
        auto folded = core::foldCase(found->accepted, context);
        if (folded)
            state = *folded;
    }
    // A wrong code and an unknown number take the same path and give the same bytes.
    if (!item || state.queryCode.isEmpty() || state.queryCode != code) {
        lookup.recordFailure(caseNumber, kCaseWindowSeconds);
        return unknown;
    }
    const auto clocks = core::clocksOf(state, context, m_clock.todayIn(zone));
    return {200, statusPageHtml(found->hallName, state, *item,
                                clocks ? *clocks : QList<core::CaseClock>())};
}

} // namespace onewindow::server
