#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/InquiryRepository.h"

using namespace onewindow;

namespace {

core::Inquiry inquiry(const QString& person, const QString& window = QStringLiteral("W07"))
{
    core::Inquiry in;
    in.clerkId = QStringLiteral("clerk-1");
    in.windowCode = window;
    in.person = person;
    in.question = QStringLiteral("办理食品经营许可需要哪些材料？");
    in.answer = QStringLiteral("已告知办事指南所列材料");
    return in;
}

} // namespace

TEST_CASE("First-inquiry log: inquiries are listed per window and day, in the order asked")
{
    test::HallFixture h; // 2026-09-18 10:00 in the hall
    store::InquiryRepository log(*h.store);
    core::Inquiry first = inquiry(QStringLiteral(" 王女士 "));
    first.itemCode = QStringLiteral("11620102MB1234567X20001100001");
    first.itemName = QStringLiteral("食品经营许可");
    first.phone = QStringLiteral("13912345678");
    auto a = log.record(first);
    REQUIRE(a.ok());
    CHECK(a->person == QStringLiteral("王女士")); // trimmed
    CHECK(a->askedOn == QDate(2026, 9, 18));
    CHECK_FALSE(a->inquiryId.isEmpty());
    h.setNow("2026-09-18", "11:30");
    core::Inquiry second = inquiry(QStringLiteral("李先生"));
    second.itemName = QStringLiteral("社保卡补办"); // not a catalog item: the asker's words
    second.answer.clear();
    second.referredTo = QStringLiteral("人社局窗口 W03");
    REQUIRE(log.record(second).ok());
    REQUIRE(log.record(inquiry(QStringLiteral("赵女士"), QStringLiteral("W08"))).ok());
    h.setNow("2026-09-19", "09:10");
    REQUIRE(log.record(inquiry(QStringLiteral("钱先生"))).ok());

    auto today = log.onDay(QDate(2026, 9, 18), QStringLiteral("W07"));
    REQUIRE(today.ok());
    REQUIRE(today->size() == 2);
    CHECK(today->at(0) == *a);
    CHECK(today->at(0).askedAtUtc.toTimeZone(QTimeZone("Asia/Shanghai")).time() == QTime(10, 0));
    CHECK(today->at(1).person == QStringLiteral("李先生"));
    CHECK(today->at(1).itemCode.isEmpty());
    CHECK(today->at(1).itemName == QStringLiteral("社保卡补办"));
    CHECK(today->at(1).referredTo == QStringLiteral("人社局窗口 W03"));
    CHECK(today->at(1).phone.isEmpty()); // a null phone is stored as empty text
    CHECK(log.onDay(QDate(2026, 9, 18), QStringLiteral("W08"))->size() == 1);
    CHECK(log.onDay(QDate(2026, 9, 19), QStringLiteral("W07"))->size() == 1);
}

TEST_CASE("First-inquiry log: the day is the hall's civil date, not UTC's")
{
    // 00:30 in Lanzhou on 2026-09-19 is still 2026-09-18 in UTC.
    test::HallFixture h(QDateTime(QDate(2026, 9, 19), QTime(0, 30), QTimeZone("Asia/Shanghai")));
    store::InquiryRepository log(*h.store);
    auto a = log.record(inquiry(QStringLiteral("王女士")));
    REQUIRE(a.ok());
    CHECK(a->askedAtUtc.date() == QDate(2026, 9, 18));
    CHECK(a->askedOn == QDate(2026, 9, 19));
    CHECK(log.onDay(QDate(2026, 9, 19), QStringLiteral("W07"))->size() == 1);
}

TEST_CASE("First-inquiry log: an inquiry without an answer or referral is refused, nothing stored")
{
    test::HallFixture h;
    store::InquiryRepository log(*h.store);
    core::Inquiry unanswered = inquiry(QStringLiteral("王女士"));
    unanswered.answer = QStringLiteral("  ");
    auto refused = log.record(unanswered);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("inquiry.answer"));
    core::Inquiry anonymous = inquiry(QString());
    CHECK(log.record(anonymous).error().code == QStringLiteral("inquiry.person"));
    core::Inquiry nobody = inquiry(QStringLiteral("王女士"));
    nobody.clerkId.clear();
    CHECK(log.record(nobody).error().code == QStringLiteral("inquiry.clerk"));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM inquiries")) == 0);
}

TEST_CASE("First-inquiry log: an entry is corrected the same day at its window, stamped; a past "
          "day's log stays as recorded")
{
    test::HallFixture h; // 2026-09-18 10:00 in the hall
    store::InquiryRepository log(*h.store);
    auto a = log.record(inquiry(QStringLiteral("王女士")));
    REQUIRE(a.ok());
    CHECK_FALSE(a->amendedAtUtc.isValid());

    h.setNow("2026-09-18", "15:00");
    core::Inquiry changed = *a;
    changed.person = QStringLiteral(" 汪女士 ");
    changed.answer.clear();
    changed.referredTo = QStringLiteral("市场监管局 W05");
    auto amended = log.amend(changed, QStringLiteral("clerk-2"), QStringLiteral("W07"));
    REQUIRE(amended.ok());
    CHECK(amended->person == QStringLiteral("汪女士"));
    CHECK(amended->askedAtUtc == a->askedAtUtc); // when it was asked does not move
    CHECK(amended->amendedBy == QStringLiteral("clerk-2"));
    CHECK(amended->amendedAtUtc == QDateTime(QDate(2026, 9, 18), QTime(7, 0), QTimeZone::utc()));
    auto listed = log.onDay(QDate(2026, 9, 18), QStringLiteral("W07"));
    REQUIRE(listed->size() == 1);
    CHECK(listed->first() == *amended);

    // The same checks as recording: neither an answer nor a referral is refused, nothing changes.
    core::Inquiry empty = *amended;
    empty.referredTo.clear();
    REQUIRE_FALSE(log.amend(empty, QStringLiteral("clerk-2"), QStringLiteral("W07")).ok());
    // Another window cannot correct it.
    auto elsewhere = log.amend(changed, QStringLiteral("clerk-9"), QStringLiteral("W08"));
    REQUIRE_FALSE(elsewhere.ok());
    CHECK(elsewhere.error().code == QStringLiteral("inquiry.not_today"));
    // The next day, yesterday's log is as it was.
    h.setNow("2026-09-19", "09:00");
    auto late = log.amend(changed, QStringLiteral("clerk-2"), QStringLiteral("W07"));
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().message.contains(QStringLiteral("当天")));
    CHECK(log.onDay(QDate(2026, 9, 18), QStringLiteral("W07"))->first() == *amended);
}
