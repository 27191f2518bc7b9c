#pragma once

#include "core/CaseState.h"
#include "core/Catalog.h"
#include "core/EnumTable.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <optional>
#include <utility>

namespace onewindow::core {

// What a clerk enters at intake (the received event's payload).
struct ReceivedInput
{
    QString caseNumber;
    QString queryCode;
    QString itemCode;
    int itemVersion = 0;
    Channel channel = Channel::InPerson;
    QDate receiptDate;
    QString windowCode;
    Applicant applicant;
    QList<MaterialCheck> materials;
    // How the applicant wants the result (one of the item's delivery options) and, for 邮寄, the
    // postal address. Unset: not asked (events written before issue 15 have neither).
    std::optional<DeliveryOption> delivery;
    QString postalAddress;
    // A part of a matter (一件事, issue 20): the matter's code, version and number. Unset: a case
    // of its own (every event before issue 20).
    std::optional<MatterLink> matter;
};
// A postal address is at most this long (characters).
inline constexpr int kMaxPostalAddress = 120;
// Whether `address` is a usable postal address for 邮寄 (not empty, not too long, no control
// characters), or what is wrong with it, in Chinese (code case.postal_address).
Status checkPostalAddress(const QString& address);

// The enumerations inside payloads: each key as stored in the JSON, with the Chinese name.

// 行政许可法 Art. 32 (1)-(2): no licence is needed, or not within this office's competence.
enum class RefusalKind
{
    NoLicenceNeeded,
    NotCompetent,
    Other
};
inline constexpr std::array<Named<RefusalKind>, 3> kRefusalKinds{{
    {RefusalKind::NoLicenceNeeded, u"no_licence_needed", u"依法不需要取得行政许可"},
    {RefusalKind::NotCompetent, u"not_competent", u"不属于本机关职权范围"},
    {RefusalKind::Other, u"other", u"其他"},
}};

// Time not counted: 行政许可法 Art. 45 (hearing ... expert review); 政府信息公开条例 Art. 32
// (consulting a third party).
enum class SuspensionKind
{
    Hearing,
    Tendering,
    Auction,
    Inspection,
    Testing,
    Quarantine,
    Appraisal,
    ExpertReview,
    ThirdParty
};
inline constexpr std::array<Named<SuspensionKind>, 9> kSuspensionKinds{{
    {SuspensionKind::Hearing, u"hearing", u"听证"},
    {SuspensionKind::Tendering, u"tendering", u"招标"},
    {SuspensionKind::Auction, u"auction", u"拍卖"},
    {SuspensionKind::Inspection, u"inspection", u"检验"},
    {SuspensionKind::Testing, u"testing", u"检测"},
    {SuspensionKind::Quarantine, u"quarantine", u"检疫"},
    {SuspensionKind::Appraisal, u"appraisal", u"鉴定"},
    {SuspensionKind::ExpertReview, u"expert_review", u"专家评审"},
    {SuspensionKind::ThirdParty, u"third_party", u"征求第三方意见"},
}};

// 行政许可法 Art. 38: a decision grants the licence or refuses it in writing.
enum class DecisionOutcome
{
    Granted,
    NotGranted
};
inline constexpr std::array<Named<DecisionOutcome>, 2> kDecisionOutcomes{{
    {DecisionOutcome::Granted, u"granted", u"准予"},
    {DecisionOutcome::NotGranted, u"not_granted", u"不予"},
}};

enum class DeliveryMethod
{
    Pickup,
    Post,
    Electronic
};
inline constexpr std::array<Named<DeliveryMethod>, 3> kDeliveryMethods{{
    {DeliveryMethod::Pickup, u"pickup", u"窗口领取"},
    {DeliveryMethod::Post, u"post", u"邮寄"},
    {DeliveryMethod::Electronic, u"electronic", u"电子送达"},
}};

// The clock an extension lengthens (行政许可法 Art. 42: the statutory limit; or the promise).
enum class ExtensionClock
{
    Statutory,
    Promised
};
inline constexpr std::array<Named<ExtensionClock>, 2> kExtensionClocks{{
    {ExtensionClock::Statutory, u"statutory", u"法定时限"},
    {ExtensionClock::Promised, u"promised", u"承诺时限"},
}};

// Payload builders: the one place the JSON of each event type is written (the fold reads it).
namespace payload {
QJsonObject received(const ReceivedInput& in);
QJsonObject notice(const QList<Correction>& corrections, int correctionDays, bool repeat = false,
                   const QString& repeatReason = {}, const QString& approvedBy = {});
QJsonObject corrected(const QList<MaterialCheck>& materials);
QJsonObject accepted(const QList<std::pair<QString, QDate>>& deferred = {},
                     const QStringList& commitments = {});
QJsonObject refused(const QString& reasonKind, const QString& reason,
                    const QString& competentOffice = {});
QJsonObject withdrawn(const QString& reason);
// `thirdParty`: the third party consulted (政府信息公开条例 Art. 32), for reasonKind third_party.
QJsonObject suspended(const QString& reasonKind, const QString& reason,
                      std::optional<QDate> expectedEnd = {}, const QString& thirdParty = {});
// 政府信息公开条例 Art. 32: the consulted third party's opinion (kThirdPartyOpinions) and what it
// said, which ends the consultation.
QJsonObject thirdPartyAnswered(const QString& opinion, const QString& summary = {});
// 政府信息公开条例 Art. 36: the reply, one row per request; the applicant's column in the annual
// table (kApplicantKinds); how a consulted third party's opinion was weighed (Art. 32).
QJsonObject disclosureReplied(const QList<ReplyRow>& rows, const QString& applicantKind,
                              const QString& thirdPartyWeighed = {});
// 国办函〔2020〕109号: the fee notice (basis, items or pages, the applicant's earlier applications
// that month, the amount) and the payment (the receipt's number).
QJsonObject feeNoticed(const QString& basis, int units, int priorInMonth, qint64 amountYuan);
QJsonObject feePaid(const QString& receipt = {});
QJsonObject extensionRequested(const QString& clock, int days, const QString& reason);
QJsonObject extensionRefused(const QString& reason);
QJsonObject forwarded(const QString& to, const QString& note = {});
QJsonObject decided(const QString& outcome, const QString& decisionNumber = {});
QJsonObject delivered(const QString& method, const QString& signer = {},
                      const QString& carrier = {}, const QString& trackingNumber = {});
// `order`: which of the case's orders is answered (1, 2 ...), so an answer that meets a newer
// order in another window's log does not close that one.
QJsonObject supervisionAnswered(const QString& reply, int order);
QJsonObject supervised(const QString& toClerk, const QString& toWindow, const QString& note,
                       std::optional<QDate> due);
QJsonObject note(const QString& text);
QJsonObject rated(int level, const QString& comment = {});
QJsonObject followedUp(const QString& result);
// `source`: the event the document was written from (see DocumentKind.h); a reprint names the
// same source and number. `paper`: "a4" or "80mm" (none recorded reads as A4).
QJsonObject documentPrinted(const QString& kind, const QString& number, int copies, bool reprint,
                            const QString& source = {}, const QString& paper = {});
// A print recorded (its document-printed event `printed`, committed first) whose output then
// failed, and why. A first print's `number` is then borne by no paper; a failed reprint leaves
// the first print's paper as it was.
QJsonObject documentPrintFailed(const QString& kind, const QString& number, bool reprint,
                                const QString& printed, const QString& reason);
} // namespace payload

// The checklist of an item's materials for intake, every one provided.
QList<MaterialCheck> checklistFor(const ServiceItem& item);
// The one-time notice a case needs now: every short material (missing or defective, not optional)
// with what is wrong and what would satisfy it, ready for the clerk to edit.
QList<Correction> correctionsFor(const CaseState& state, const ServiceItem& item);
// The standard a material must meet as a one-time notice states it: 提交原件1份（纸质）, with its
// condition and sample form where the catalog gives them.
QString materialStandard(const Material& m);

// The five levels of 好差评.
QString ratingName(int level); // 5 非常满意 … 1 非常不满意

} // namespace onewindow::core
