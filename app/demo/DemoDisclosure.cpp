#include "demo/DemoDisclosure.h"

#include "core/CasePayloads.h"
#include "core/DisclosureApplicant.h"
#include "demo/DemoPeople.h"
#include "demo/DemoRandom.h"

#include <array>

namespace onewindow::demo {

namespace {

using core::ReplyRow;
using core::ReplyType;

ReplyRow row(const char16_t* request, ReplyType type, const char16_t* reason = u"",
             const char16_t* detail = u"", const char16_t* office = u"",
             const char16_t* route = u"")
{
    return ReplyRow{QString::fromUtf16(request), type,
                    QString::fromUtf16(reason),  QString::fromUtf16(detail),
                    QString::fromUtf16(office),  QString::fromUtf16(route)};
}

QList<ReplyRow> rowsFor(quint8 variant)
{
    const ReplyRow budget = row(u"本单位2025年部门预算", ReplyType::Published, u"",
                                u"区人民政府门户网站“财政预决算”专栏，可在线查阅下载");
    const ReplyRow plan = row(u"某街道老旧小区改造实施方案", ReplyType::Disclosed, u"",
                              u"随本答复书提供复印件1份，共12页");
    switch (variant % 20) {
    case 10:
    case 11:
        return {budget};
    case 12:
        return {row(u"某道路改造工程施工合同", ReplyType::PartlyDisclosed, u"third_party_rights",
                    u"合同正文随本答复书提供，报价明细涉及商业秘密已作区分处理")};
    case 13:
        return {row(u"局务会议讨论记录", ReplyType::NotDisclosed, u"process_information",
                    u"所申请信息为行政机关内部讨论记录，属于过程性信息")};
    case 14:
        return {row(u"2003年某地块征收补偿台账", ReplyType::NotExist, u"",
                    u"经检索本机关档案及业务系统")};
    case 15:
        return {row(u"某企业纳税情况", ReplyType::NotOurs, u"", u"",
                    u"国家税务总局城关区税务局，电话0931-8888666")};
    case 16:
        return {row(u"某小区规划许可证", ReplyType::Repeated, u"",
                    u"本机关已于本年度作出答复，城政信公〔2026〕12号")};
    case 17:
        return {plan, row(u"某房屋的不动产登记资料", ReplyType::OtherLaws, u"", u"", u"",
                          u"依照《不动产登记资料查询暂行办法》向不动产登记机构申请查询")};
    case 18:
        return {row(u"近十年各类许可数量的统计分析", ReplyType::CannotProvide, u"must_be_created")};
    case 19:
        return {row(u"对某单位的投诉处理", ReplyType::NotHandled, u"petition")};
    default:
        return variant % 3 == 0 ? QList<ReplyRow>{plan, budget} : QList<ReplyRow>{plan};
    }
}

} // namespace

QJsonObject demoDisclosureReply(quint8 variant, const core::CaseState& state)
{
    const QString kind =
        core::keyOf(core::kApplicantKinds, core::defaultApplicantKind(state.applicant));
    QString weighed;
    if (!state.thirdParty.isEmpty())
        weighed = state.thirdPartyOpinion == QStringLiteral("agreed")
                      ? QStringLiteral("第三方同意公开，本机关予以公开")
                      : QStringLiteral("第三方不同意公开；本机关认为涉及其商业秘密的部分不予"
                                       "公开，其余部分予以公开");
    return core::payload::disclosureReplied(rowsFor(variant), kind, weighed);
}

quint8 demoDisclosureVariant(quint64 index)
{
    return static_cast<quint8>((index * 7) % 20);
}

int frequentApplicantOf(quint64 seed, quint64 index)
{
    constexpr quint64 kFrequentSalt = 0x6F6674656E; // "often"
    DemoRandom r(mixSeed(seed, index, kFrequentSalt));
    const int which = r.weighted(std::array<double, kFrequentApplicants + 1>{55, 20, 10, 15});
    return which < kFrequentApplicants ? which : -1;
}

core::Applicant frequentApplicant(int which)
{
    DemoRandom r(mixSeed(0x66726571, static_cast<quint64>(which), 0)); // "freq"
    core::Applicant a =
        which == 2 ? organisation(r, QDate(2026, 1, 1)) : person(r, QDate(2026, 1, 1));
    if (!a.organisation) {
        a.agentName.clear(); // they come themselves
        a.agentIdNumber.clear();
    }
    return a;
}

} // namespace onewindow::demo
