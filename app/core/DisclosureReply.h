#pragma once

#include "core/EnumTable.h"
#include "core/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace onewindow::core {

// 政府信息公开条例 Art. 36 (with Arts. 37, 38, 39, 35 and 30): the replies a disclosure application
// gets. An application carrying several requests is answered per request: one reply, one row each.
enum class ReplyType
{
    Published,       // Art. 36(1): already published; where and how to get it
    Disclosed,       // Art. 36(2): disclosed; the information, or time, way and place to get it
    PartlyDisclosed, // Art. 37: the rest withheld can be separated
    NotDisclosed,    // Art. 36(3): not disclosed; the reason and its article (Arts. 14, 15, 16)
    NotExist,        // Art. 36(4): does not exist after search
    NotOurs,         // Art. 36(5): not this office's; name the office that can be determined
    Repeated,        // Art. 36(6): a repeated application already answered
    OtherLaws,       // Art. 36(7): to be handled under other laws; name the route
    CannotProvide,   // Art. 38 (must be created) / Art. 30 (still unclear after correction)
    NotHandled,      // Arts. 35, 39: petitions, publications, excessive or confirmation requests
};
inline constexpr std::array<Named<ReplyType>, 10> kReplyTypes{{
    {ReplyType::Published, u"published", u"已主动公开"},
    {ReplyType::Disclosed, u"disclosed", u"予以公开"},
    {ReplyType::PartlyDisclosed, u"partly_disclosed", u"部分公开"},
    {ReplyType::NotDisclosed, u"not_disclosed", u"不予公开"},
    {ReplyType::NotExist, u"not_exist", u"信息不存在"},
    {ReplyType::NotOurs, u"not_ours", u"不属于本机关负责公开"},
    {ReplyType::Repeated, u"repeated", u"重复申请"},
    {ReplyType::OtherLaws, u"other_laws", u"依有关法律、行政法规办理"},
    {ReplyType::CannotProvide, u"cannot_provide", u"无法提供"},
    {ReplyType::NotHandled, u"not_handled", u"不予处理"},
}};

// Why information is withheld: the reasons of the annual report's table 三 (三)1-7, each with its
// article of the Regulation (Art. 14: secrets, laws forbidding, the "three safeties and one
// stability"; Art. 15: third parties' rights; Art. 16: internal affairs, process information,
// enforcement files).
enum class WithheldReason
{
    StateSecret,
    LawForbids,
    Endangers,
    ThirdPartyRights,
    InternalAffairs,
    ProcessInformation,
    EnforcementFile,
};
inline constexpr std::array<Named<WithheldReason>, 7> kWithheldReasons{{
    {WithheldReason::StateSecret, u"state_secret", u"属于国家秘密"},
    {WithheldReason::LawForbids, u"law_forbids", u"其他法律行政法规禁止公开"},
    {WithheldReason::Endangers, u"endangers", u"危及“三安全一稳定”"},
    {WithheldReason::ThirdPartyRights, u"third_party_rights", u"保护第三方合法权益"},
    {WithheldReason::InternalAffairs, u"internal_affairs", u"属于三类内部事务信息"},
    {WithheldReason::ProcessInformation, u"process_information", u"属于四类过程性信息"},
    {WithheldReason::EnforcementFile, u"enforcement_file", u"属于行政执法案卷"},
}};
// The article a withheld reason rests on, as the reply letter cites it: 《中华人民共和国政府信息
// 公开条例》第十四条.
QString withheldReasonArticle(WithheldReason reason);

// 无法提供 besides "does not exist" (table 三 (四)2-3).
enum class CannotProvideReason
{
    MustBeCreated, // Art. 38: no existing information; it would have to be made
    StillUnclear,  // Art. 30: still unclear after correction
};
inline constexpr std::array<Named<CannotProvideReason>, 2> kCannotProvideReasons{{
    {CannotProvideReason::MustBeCreated, u"must_be_created", u"没有现成信息需要另行制作"},
    {CannotProvideReason::StillUnclear, u"still_unclear", u"补正后申请内容仍不明确"},
}};

// 不予处理 besides the repeated application (table 三 (五)1, 3-5).
enum class NotHandledReason
{
    Petition,     // Art. 39: petitions, reports and complaints in the form of an application
    Publication,  // Art. 39: asks for public publications (gazettes, books)
    Excessive,    // Art. 35: masses of repeated applications without a good reason
    Confirmation, // asks the office to confirm or re-issue information already obtained
};
inline constexpr std::array<Named<NotHandledReason>, 4> kNotHandledReasons{{
    {NotHandledReason::Petition, u"petition", u"信访举报投诉类申请"},
    {NotHandledReason::Publication, u"publication", u"要求提供公开出版物"},
    {NotHandledReason::Excessive, u"excessive", u"无正当理由大量反复申请"},
    {NotHandledReason::Confirmation, u"confirmation", u"要求行政机关确认或重新出具已获取信息"},
}};

// How the opinion of a consulted third party (Art. 32) was weighed.
enum class ThirdPartyOpinion
{
    Agreed,   // the third party agreed to disclosure
    Objected, // objected; the office decides whether the public interest outweighs (Art. 32)
    Silent,   // no opinion within 15 working days: the office decides (Art. 32)
};
inline constexpr std::array<Named<ThirdPartyOpinion>, 3> kThirdPartyOpinions{{
    {ThirdPartyOpinion::Agreed, u"agreed", u"第三方同意公开"},
    {ThirdPartyOpinion::Objected, u"objected", u"第三方不同意公开"},
    {ThirdPartyOpinion::Silent, u"silent", u"第三方逾期未提出意见"},
}};

// Who applied, as the columns of the annual report's table 三 (国办公开办函〔2021〕30号): natural
// persons, and legal persons or other organisations by kind.
enum class ApplicantKind
{
    NaturalPerson,
    Business,
    Research,
    SocialWelfare,
    LegalService,
    Other,
};
inline constexpr std::array<Named<ApplicantKind>, 6> kApplicantKinds{{
    {ApplicantKind::NaturalPerson, u"natural_person", u"自然人"},
    {ApplicantKind::Business, u"business", u"商业企业"},
    {ApplicantKind::Research, u"research", u"科研机构"},
    {ApplicantKind::SocialWelfare, u"social_welfare", u"社会公益组织"},
    {ApplicantKind::LegalService, u"legal_service", u"法律服务机构"},
    {ApplicantKind::Other, u"other", u"其他"},
}};

// One request of an application and its reply.
struct ReplyRow
{
    QString request; // what was asked (Art. 29: name, number or description)
    ReplyType type = ReplyType::Disclosed;
    QString reason; // key of the withheld / cannot-provide / not-handled reason
    QString detail; // where and how (published, disclosed), what is given (partly), the earlier
                    // reply (repeated), the search made (not exist), why (not disclosed)
    QString office; // not ours: the office that can be determined
    QString route;  // other laws: the route (档案查阅, 不动产登记资料查询 ...)

    QJsonObject toJson() const;
    // Unset when the row's type is not one of ours (never for a row that passed checkReplyRows).
    static std::optional<ReplyRow> fromJson(const QJsonObject& o);
    friend bool operator==(const ReplyRow&, const ReplyRow&) = default;
};

// Whether every row holds what its reply must contain, or the first one that does not, in Chinese
// naming the request (codes disclosure.*). At least one row; at most kMaxReplyRows.
inline constexpr int kMaxReplyRows = 50;
Status checkReplyRows(const QJsonArray& rows);
QList<ReplyRow> replyRowsOf(const QJsonArray& rows);

// The reply's sentence for one row as the letter prints it (what, why and the article).
QString replyText(const ReplyRow& row);

} // namespace onewindow::core
