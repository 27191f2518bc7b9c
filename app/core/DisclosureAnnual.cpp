#include "core/DisclosureAnnual.h"

#include "core/CasePayloads.h"
#include "core/DisclosureApplicant.h"

namespace onewindow::core {

namespace {

using R = AnnualResult;

R withheld(const QString& reason)
{
    switch (fromKey(kWithheldReasons, reason).value_or(WithheldReason::LawForbids)) {
    case WithheldReason::StateSecret:
        return R::Withheld1;
    case WithheldReason::LawForbids:
        return R::Withheld2;
    case WithheldReason::Endangers:
        return R::Withheld3;
    case WithheldReason::ThirdPartyRights:
        return R::Withheld4;
    case WithheldReason::InternalAffairs:
        return R::Withheld5;
    case WithheldReason::ProcessInformation:
        return R::Withheld6;
    case WithheldReason::EnforcementFile:
        return R::Withheld7;
    }
    return R::Withheld2;
}

bool discloses(R r)
{
    return r == R::Disclosed || r == R::PartlyDisclosed;
}

} // namespace

QString annualColumnName(int column)
{
    if (column >= 0 && column < int(kApplicantKinds.size()))
        return QString::fromUtf16(kApplicantKinds[std::size_t(column)].name);
    return QStringLiteral("总计");
}

QString annualColumnGroup(int column)
{
    return column >= 1 && column <= 5 ? QStringLiteral("法人或其他组织") : QString();
}

AnnualResult annualResultOfRow(const ReplyRow& row)
{
    switch (row.type) {
    case ReplyType::Published:
    case ReplyType::Disclosed:
        return R::Disclosed;
    case ReplyType::PartlyDisclosed:
        return R::PartlyDisclosed;
    case ReplyType::NotDisclosed:
        return withheld(row.reason);
    case ReplyType::OtherLaws: // Art. 36(7): 属于行政查询事项
        return R::Withheld8;
    case ReplyType::NotExist:
    case ReplyType::NotOurs: // 本机关不掌握相关政府信息
        return R::Unable1;
    case ReplyType::CannotProvide:
        return fromKey(kCannotProvideReasons, row.reason) == CannotProvideReason::StillUnclear
                   ? R::Unable3
                   : R::Unable2;
    case ReplyType::Repeated:
        return R::NotHandled2;
    case ReplyType::NotHandled:
        switch (fromKey(kNotHandledReasons, row.reason).value_or(NotHandledReason::Confirmation)) {
        case NotHandledReason::Petition:
            return R::NotHandled1;
        case NotHandledReason::Publication:
            return R::NotHandled3;
        case NotHandledReason::Excessive:
            return R::NotHandled4;
        case NotHandledReason::Confirmation:
            return R::NotHandled5;
        }
    }
    return R::Other3;
}

std::optional<AnnualResult> annualResultOf(const CaseState& s)
{
    if (!s.replies.isEmpty()) {
        const R first = annualResultOfRow(s.replies.first());
        bool same = true, someDisclosed = false, someNot = false;
        for (const ReplyRow& row : s.replies) {
            const R r = annualResultOfRow(row);
            same = same && r == first;
            (discloses(r) ? someDisclosed : someNot) = true;
        }
        if (same)
            return first;
        return someDisclosed && someNot ? R::PartlyDisclosed : first;
    }
    switch (s.status) {
    case CaseStatus::Decided:
    case CaseStatus::ResultReady:
    case CaseStatus::Delivered:
        // A disclosure case decided like a licence before replies existed.
        return fromKey(kDecisionOutcomes, s.decisionOutcome) == DecisionOutcome::Granted
                   ? R::Disclosed
                   : R::Other3;
    case CaseStatus::Abandoned: // 政府信息公开条例 Art. 30: not corrected in time
        return R::Other1;
    case CaseStatus::Withdrawn: // 国办函〔2020〕109号: the fee not paid in time; or withdrawn
        return s.closedReason == eventTypeKey(EventType::FeeLapsed) ? R::Other2 : R::Other3;
    case CaseStatus::Refused:
        return R::Other3;
    default:
        return std::nullopt;
    }
}

AnnualCase annualCaseOf(const CaseState& s)
{
    AnnualCase c;
    c.received = s.timeline.received;
    c.applicant =
        fromKey(kApplicantKinds, s.applicantKind).value_or(defaultApplicantKind(s.applicant));
    c.result = annualResultOf(s);
    if (c.result) {
        std::optional<QDate> end = s.timeline.decided;
        for (const auto& other : {s.timeline.closedWithoutDecision, s.timeline.refused})
            if (other && (!end || *other < *end))
                end = other;
        c.finished = end ? end : std::optional(s.timeline.received);
    }
    return c;
}

bool AnnualTable::balances() const
{
    for (int col = 0; col < kAnnualColumns; ++col)
        if (newApplications(col) + carriedOver(col) != processed(col) + carriedForward(col))
            return false;
    return true;
}

AnnualTable annualTable(const QList<AnnualCase>& cases, int year)
{
    AnnualTable t;
    t.year = year;
    const QDate first(year, 1, 1);
    const QDate last(year, 12, 31);
    const int total = kAnnualColumns - 1;
    auto count = [&](int row, ApplicantKind kind) {
        ++t.cells[std::size_t(row)][std::size_t(kind)];
        ++t.cells[std::size_t(row)][std::size_t(total)];
    };
    for (const AnnualCase& c : cases) {
        if (!c.received.isValid() || c.received > last)
            continue;
        if (c.finished && *c.finished < first)
            continue; // finished before the year: none of its business
        count(c.received >= first ? 0 : 1, c.applicant);
        if (c.finished && *c.finished <= last && c.result) {
            count(2 + int(*c.result), c.applicant);
            count(2 + kAnnualResults, c.applicant);
        } else {
            count(AnnualTable::kRows - 1, c.applicant);
        }
    }
    return t;
}

QList<AnnualRowLabel> annualRowLabels()
{
    const QString results = QStringLiteral("三、本年度办理结果");
    const QString withheld = QStringLiteral("（三）不予公开");
    const QString unable = QStringLiteral("（四）无法提供");
    const QString notHandled = QStringLiteral("（五）不予处理");
    const QString other = QStringLiteral("（六）其他处理");
    return {
        {QStringLiteral("一、本年新收政府信息公开申请数量"), {}, {}},
        {QStringLiteral("二、上年结转政府信息公开申请数量"), {}, {}},
        {results, QStringLiteral("（一）予以公开"), {}},
        {results, QStringLiteral("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), {}},
        {results, withheld, QStringLiteral("1.属于国家秘密")},
        {results, withheld, QStringLiteral("2.其他法律行政法规禁止公开")},
        {results, withheld, QStringLiteral("3.危及“三安全一稳定”")},
        {results, withheld, QStringLiteral("4.保护第三方合法权益")},
        {results, withheld, QStringLiteral("5.属于三类内部事务信息")},
        {results, withheld, QStringLiteral("6.属于四类过程性信息")},
        {results, withheld, QStringLiteral("7.属于行政执法案卷")},
        {results, withheld, QStringLiteral("8.属于行政查询事项")},
        {results, unable, QStringLiteral("1.本机关不掌握相关政府信息")},
        {results, unable, QStringLiteral("2.没有现成信息需要另行制作")},
        {results, unable, QStringLiteral("3.补正后申请内容仍不明确")},
        {results, notHandled, QStringLiteral("1.信访举报投诉类申请")},
        {results, notHandled, QStringLiteral("2.重复申请")},
        {results, notHandled, QStringLiteral("3.要求提供公开出版物")},
        {results, notHandled, QStringLiteral("4.无正当理由大量反复申请")},
        {results, notHandled, QStringLiteral("5.要求行政机关确认或重新出具已获取信息")},
        {results, other,
         QStringLiteral("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")},
        {results, other,
         QStringLiteral("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开"
                        "申请")},
        {results, other, QStringLiteral("3.其他")},
        {results, QStringLiteral("（七）总计"), {}},
        {QStringLiteral("四、结转下年度继续办理"), {}, {}},
    };
}

} // namespace onewindow::core
