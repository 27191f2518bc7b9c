// Decision 10, versions (docs/sync-protocol.md): a new event type is taken for a hall only while
// every active device of the hall folds it, and once the hall holds one, a device of an older fold
// is told to upgrade instead of pulling records it cannot fold.
#include "ServerFixture.h"

#include "core/Inquiry.h"
#include "core/SyncProtocol.h"
#include "server/storage/FoldVersions.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QList<std::pair<QByteArray, QByteArray>> headersAt(const QByteArray& fold,
                                                   const QString& token = {})
{
    QList<std::pair<QByteArray, QByteArray>> h{{core::sync::kProtocolHeader, kProtocolNow},
                                               {core::sync::kBuildHeader, "test"},
                                               {core::sync::kFoldHeader, fold}};
    if (!token.isEmpty())
        h.append({"Authorization", "Bearer " + token.toLatin1()});
    return h;
}

HttpReply pullAt(ServerFixture& f, const ServerFixture::Device& d, const QByteArray& fold)
{
    return f.get(QStringLiteral("/v1/pull?cursor=0&limit=1000"), headersAt(fold, d.token));
}

HttpReply enrolAt(ServerFixture& f, const QString& code, const QByteArray& fold)
{
    return httpCall(
        f.net, "POST", f.url(QStringLiteral("/v1/enrol")),
        QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                  {QStringLiteral("device_name"), QStringLiteral("pc")}})
            .toJson(QJsonDocument::Compact),
        headersAt(fold));
}

QJsonArray results(const HttpReply& r)
{
    REQUIRE(r.status == 200);
    return r.json().value(QStringLiteral("results")).toArray();
}

// The fold before the newest, which the server still serves, and the newest.
const QByteArray kOlderFold = QByteArray::number(core::sync::kOldestFoldVersion);

// A case W07 takes in and then logs an inquiry about (case.inquired, 咨询: a fold 4 type).
struct InquiredCase
{
    explicit InquiredCase(EventMaker& maker)
        : make(maker), caseId(newId()),
          received(make.make(EventType::Received, caseId, {}, receivedPayload(kNumber)))
    {}
    QJsonObject receipt() const { return core::sync::eventToWire(received); }
    QJsonObject inquire()
    {
        core::Inquiry in;
        in.inquiryId = newId();
        in.windowCode = QStringLiteral("W07");
        in.person = QStringLiteral("王女士");
        in.question = QStringLiteral("我的件办到哪了");
        in.answer = QStringLiteral("已收件，正在审查材料");
        return make.wire(EventType::Inquired, caseId, {}, core::inquiredPayload(in));
    }

    inline static const QString kNumber = QStringLiteral("620102-20261207-W07-0001");
    EventMaker& make;
    QString caseId;
    core::Event received;
};

} // namespace

TEST_CASE("Decision 10: a new event type is taken for a hall only when every active device folds "
          "it, and then a device of an older fold is told to upgrade",
          "[server][versions]")
{
    REQUIRE(core::sync::foldIntroducing(EventType::Inquired) == 4);
    REQUIRE(core::sync::foldIntroducing(EventType::Held) == 3);
    REQUIRE(core::sync::foldIntroducing(EventType::MatterJoined) == 2);
    REQUIRE(core::sync::foldIntroducing(EventType::Received) == 1);
    const QByteArray fold1 = kOlderFold;
    const QByteArray fold2 = QByteArray::number(core::sync::kFoldVersion);
    REQUIRE(fold1 == "3");
    REQUIRE(fold2 == "4");

    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    // W08 still runs fold 3: its requests say so.
    REQUIRE(pullAt(f, w08, fold1).status == 200);

    // W07 takes a case in and logs an inquiry about it: the receipt stands, the inquiry (a fold 4
    // type) is set aside, visibly, with a reason that says what to do.
    EventMaker make(w07.id, f.clock());
    InquiredCase c(make);
    const QJsonArray first = results(f.push(w07, {c.receipt(), c.inquire()}));
    REQUIRE(first.size() == 2);
    CHECK(first[0].toObject().value(QStringLiteral("verdict")) == QStringLiteral("accepted"));
    const QJsonObject setAside = first[1].toObject();
    CHECK(setAside.value(QStringLiteral("verdict")) == QStringLiteral("rejected"));
    CHECK(setAside.value(QStringLiteral("reason_code")) == core::sync::code::kTypeNotEnabled);
    CHECK(setAside.value(QStringLiteral("reason")).toString().contains(QStringLiteral("第 3 版")));
    // A fold 3 device may still enrol: the hall holds nothing it cannot fold.
    auto early = f.registry().createEnrolCode(
        {kHall, QStringLiteral("W09"), QStringLiteral("window"), {}, 3600});
    REQUIRE(early.ok());
    const HttpReply w09 = enrolAt(f, early->first, fold1);
    REQUIRE(w09.status == 200);
    const ServerFixture::Device w09Device{w09.json().value(QStringLiteral("device_id")).toString(),
                                          w09.json().value(QStringLiteral("token")).toString(),
                                          kHall, 1};

    // W08 and W09 upgrade (their next requests name fold 4): an inquiry is taken now.
    REQUIRE(pullAt(f, w08, fold2).status == 200);
    REQUIRE(pullAt(f, w09Device, fold2).status == 200);
    const QJsonArray second = results(f.push(w07, {c.inquire()}));
    REQUIRE(second.size() == 1);
    CHECK(second[0].toObject().value(QStringLiteral("verdict")) == QStringLiteral("accepted"));

    // The hall now holds a fold 4 record: fold 3 is told to upgrade, a pull and an enrolment alike,
    // and the enrolment code stays unused for the upgraded workstation.
    const HttpReply behind = pullAt(f, w08, fold1);
    CHECK(behind.status == 426);
    CHECK(behind.json().value(QStringLiteral("error")) == core::sync::code::kFoldBehindHall);
    auto late = f.registry().createEnrolCode(
        {kHall, QStringLiteral("W10"), QStringLiteral("window"), {}, 3600});
    REQUIRE(late.ok());
    const HttpReply refused = enrolAt(f, late->first, fold1);
    CHECK(refused.status == 426);
    CHECK(refused.json().value(QStringLiteral("error")) == core::sync::code::kFoldBehindHall);
    CHECK(enrolAt(f, late->first, fold2).status == 200);
    CHECK(pullAt(f, w08, fold2).status == 200);
}

TEST_CASE("Decision 10: a revoked device no longer holds a hall's new event types back",
          "[server][versions]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto old = f.enrol(kHall, QStringLiteral("W08"));
    REQUIRE(pullAt(f, old, kOlderFold).status == 200);
    EventMaker make(w07.id, f.clock());
    InquiredCase c(make);
    REQUIRE(results(f.push(w07, {c.receipt()})).size() == 1);
    auto push = [&] {
        const QJsonArray r = results(f.push(w07, {c.inquire()}));
        REQUIRE(r.size() == 1);
        return r[0].toObject().value(QStringLiteral("verdict")).toString();
    };
    CHECK(push() == QStringLiteral("rejected"));
    REQUIRE(f.registry().revoke(old.id).ok());
    CHECK(push() == QStringLiteral("accepted"));
}

TEST_CASE("Decision 10: a device whose fold is below the hall's floor holds nothing back: it is "
          "refused before it could pull",
          "[server][versions]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto old = f.enrol(kHall, QStringLiteral("W08"));
    REQUIRE(pullAt(f, old, kOlderFold).status == 200);
    // The hall already holds fold 4 records.
    REQUIRE(server::FoldVersions(f.db()).raiseFloor(kHall, core::sync::kFoldVersion).ok());
    CHECK(pullAt(f, old, kOlderFold).status == 426);
    EventMaker make(w07.id, f.clock());
    InquiredCase c(make);
    const QJsonArray r = results(f.push(w07, {c.receipt(), c.inquire()}));
    REQUIRE(r.size() == 2);
    CHECK(r[1].toObject().value(QStringLiteral("verdict")) == QStringLiteral("accepted"));
}
