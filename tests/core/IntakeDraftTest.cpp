#include "support/TestSupport.h"

#include "core/Inquiry.h"
#include "core/IntakeDraft.h"

using namespace onewindow;

namespace {

core::IntakeDraft sampleDraft()
{
    core::IntakeDraft d;
    d.step = 4;
    d.itemQuery = QStringLiteral("spjyxk");
    d.itemCode = QStringLiteral("11620102MB1234567X20001100001");
    d.itemName = QStringLiteral("食品经营许可");
    d.applicant.name = QStringLiteral("张三");
    d.applicant.idNumber = QStringLiteral("11010519491231002X");
    d.applicant.phone = QStringLiteral("13912345678");
    d.applicant.agentName = QStringLiteral("李四");
    d.channel = QStringLiteral("post_signed");
    d.confirmedOn = QDate(2026, 9, 17);
    core::MaterialCheck missing;
    missing.code = QStringLiteral("001");
    missing.name = QStringLiteral("申请书");
    missing.state = core::MaterialState::Missing;
    missing.copies = 1;
    core::MaterialCheck defective = missing;
    defective.code = QStringLiteral("002");
    defective.state = core::MaterialState::Defective;
    defective.problem = QStringLiteral("未加盖公章");
    d.materials = {missing, defective};
    d.decision = QStringLiteral("refuse");
    d.refuseKind = QStringLiteral("not_competent");
    d.refuseReason = QStringLiteral("不属于本机关职权范围");
    d.office = QStringLiteral("兰州市市场监督管理局");
    return d;
}

} // namespace

TEST_CASE("Intake draft: every field survives the round trip through JSON")
{
    const core::IntakeDraft d = sampleDraft();
    REQUIRE(core::channelFromKey(d.channel).has_value()); // the sample uses a real channel key
    auto back = core::IntakeDraft::fromJson(d.toJson());
    REQUIRE(back.ok());
    CHECK(*back == d);
    CHECK(back->materials.at(1).problem == QStringLiteral("未加盖公章"));
    CHECK(back->summary().contains(QStringLiteral("张三")));
    CHECK(back->summary().contains(QStringLiteral("食品经营许可")));
    CHECK_FALSE(back->summary().contains(d.applicant.idNumber)); // IDs are shown masked
}

TEST_CASE("Intake draft: a damaged draft is refused with a message, never half read")
{
    const QByteArray good = sampleDraft().toJson();
    QByteArray wrongStep = good;
    wrongStep.replace("\"step\":4", "\"step\":9");
    QByteArray wrongState = good;
    wrongState.replace("\"missing\"", "\"lost\"");
    QByteArray noItem = good;
    noItem.replace("11620102MB1234567X20001100001", "");
    QByteArray wrongChannel = good;
    wrongChannel.replace("post_signed", "pigeon");
    QByteArray wrongDecision = good;
    wrongDecision.replace("\"refuse\"", "\"maybe\"");
    QByteArray textStep = good;
    textStep.replace("\"step\":4", "\"step\":\"4\"");
    for (const QByteArray& bad :
         {good.left(good.size() / 2), QByteArray("[]"), QByteArray(), QByteArray("{}"), wrongStep,
          wrongState, noItem, wrongChannel, wrongDecision, textStep}) {
        REQUIRE(bad != good);
        auto read = core::IntakeDraft::fromJson(bad);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().code == QStringLiteral("draft.corrupt"));
        CHECK(read.error().message.contains(QStringLiteral("草稿已损坏")));
    }
}

TEST_CASE("首问负责: an inquiry needs who asked, the question, and an answer or a referral")
{
    core::Inquiry in;
    in.person = QStringLiteral("王女士");
    in.question = QStringLiteral("办理食品经营许可需要哪些材料？");
    in.answer = QStringLiteral("已告知办事指南所列材料");
    CHECK(core::checkInquiry(in).isEmpty());
    in.answer.clear();
    REQUIRE(core::checkInquiry(in).size() == 1);
    CHECK(core::checkInquiry(in).first().field == core::InquiryProblem::Answer);
    in.referredTo = QStringLiteral("市场监管局窗口 W03");
    CHECK(core::checkInquiry(in).isEmpty()); // referred instead of answered

    core::Inquiry empty;
    QList<core::InquiryProblem::Field> fields;
    for (const core::InquiryProblem& p : core::checkInquiry(empty))
        fields.append(p.field);
    CHECK(fields == QList<core::InquiryProblem::Field>{core::InquiryProblem::Person,
                                                       core::InquiryProblem::Question,
                                                       core::InquiryProblem::Answer});
    empty.person = QStringLiteral("   ");
    CHECK(core::checkInquiry(empty).first().field == core::InquiryProblem::Person);
}

TEST_CASE("First inquiry: a phone is optional, but when given it is a mobile or a landline")
{
    core::Inquiry in;
    in.person = QStringLiteral("王女士");
    in.question = QStringLiteral("问题");
    in.answer = QStringLiteral("答复");
    for (const char* ok : {"", "13912345678", "0931-8888888", "09318888888", "010-12345678"}) {
        in.phone = QString::fromLatin1(ok);
        CHECK(core::checkInquiry(in).isEmpty());
    }
    for (const char* bad : {"12345", "23912345678", "0931-88", "abc"}) {
        in.phone = QString::fromLatin1(bad);
        const auto problems = core::checkInquiry(in);
        REQUIRE(problems.size() == 1);
        CHECK(problems.first().field == core::InquiryProblem::Phone);
        CHECK(problems.first().error.message.contains(QStringLiteral("固定电话")));
    }
}
