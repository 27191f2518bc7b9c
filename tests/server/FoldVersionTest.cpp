// Decision 10, versions (docs/sync-protocol.md): a new event type is taken for a hall only while
// every active device of the hall folds it, and once the hall holds one, a device of an older fold
// is told to upgrade instead of pulling records it cannot fold.
#include "ServerFixture.h"

#include "core/CasePayloads.h"
#include "core/DocumentKind.h"
#include "core/RecallClose.h"
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

// A case W07 takes in and prints a letter on, and whose recall its supervisor then closes
// (case.recall_closed, 文书追回办结: a fold 5 type). Each closing is a new event of the same
// document: one the hall set aside was never taken, so the next is not a second closing.
struct RecallCase
{
    explicit RecallCase(EventMaker& maker)
        : make(maker), caseId(newId()),
          received(make.make(EventType::Received, caseId, {}, receivedPayload(kNumber))),
          printed(
              make.make(EventType::DocumentPrinted, caseId, {},
                        core::payload::documentPrinted(kKind, kLetter, 1, false, received.eventId)))
    {}
    QJsonObject receipt() const { return core::sync::eventToWire(received); }
    QJsonObject print() const { return core::sync::eventToWire(printed); }
    QJsonObject closeRecall()
    {
        make.setActor(QStringLiteral("supervisor-1"));
        const QJsonObject wire = make.wire(
            EventType::RecallClosed, caseId, {},
            core::recallClosedPayload({kKind, kLetter, core::RecallOutcome::Recovered, {}}));
        make.setActor(QStringLiteral("clerk-1"));
        return wire;
    }

    inline static const QString kNumber = QStringLiteral("620102-20261207-W07-0001");
    inline static const QString kKind = core::documentKindKey(core::DocumentKind::Refusal);
    inline static const QString kLetter = QStringLiteral("620102-BY-2026-W07-00001");
    EventMaker& make;
    QString caseId;
    core::Event received;
    core::Event printed;
};

} // namespace

TEST_CASE("Decision 10: a new event type is taken for a hall only when every active device folds "
          "it, and then a device of an older fold is told to upgrade",
          "[server][versions]")
{
    REQUIRE(core::sync::foldIntroducing(EventType::RecallClosed) == 5);
    REQUIRE(core::sync::foldIntroducing(EventType::Inquired) == 4);
    REQUIRE(core::sync::foldIntroducing(EventType::Held) == 3);
    REQUIRE(core::sync::foldIntroducing(EventType::MatterJoined) == 2);
    REQUIRE(core::sync::foldIntroducing(EventType::Received) == 1);
    const QByteArray fold1 = kOlderFold;
    const QByteArray fold2 = QByteArray::number(core::sync::kFoldVersion);
    REQUIRE(fold1 == "4");
    REQUIRE(fold2 == "5");

    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    // W08 still runs fold 4: its requests say so.
    REQUIRE(pullAt(f, w08, fold1).status == 200);

    // W07 takes a case in, prints a letter, and its supervisor closes the letter's recall: the
    // receipt and the print stand, the closing (a fold 5 type) is set aside, visibly, with a
    // reason that says what to do.
    EventMaker make(w07.id, f.clock());
    RecallCase c(make);
    const QJsonArray first = results(f.push(w07, {c.receipt(), c.print(), c.closeRecall()}));
    REQUIRE(first.size() == 3);
    CHECK(first[0].toObject().value(QStringLiteral("verdict")) == QStringLiteral("accepted"));
    CHECK(first[1].toObject().value(QStringLiteral("verdict")) == QStringLiteral("accepted"));
    const QJsonObject setAside = first[2].toObject();
    CHECK(setAside.value(QStringLiteral("verdict")) == QStringLiteral("rejected"));
    CHECK(setAside.value(QStringLiteral("reason_code")) == core::sync::code::kTypeNotEnabled);
    CHECK(setAside.value(QStringLiteral("reason")).toString().contains(QStringLiteral("第 4 版")));
    // A fold 4 device may still enrol: the hall holds nothing it cannot fold.
    auto early = f.registry().createEnrolCode(
        {kHall, QStringLiteral("W09"), QStringLiteral("window"), {}, 3600});
    REQUIRE(early.ok());
    const HttpReply w09 = enrolAt(f, early->first, fold1);
    REQUIRE(w09.status == 200);
    const ServerFixture::Device w09Device{w09.json().value(QStringLiteral("device_id")).toString(),
                                          w09.json().value(QStringLiteral("token")).toString(),
                                          kHall, 1};

    // W08 and W09 upgrade (their next requests name fold 5): the closing is taken now.
    REQUIRE(pullAt(f, w08, fold2).status == 200);
    REQUIRE(pullAt(f, w09Device, fold2).status == 200);
    const QJsonArray second = results(f.push(w07, {c.closeRecall()}));
    REQUIRE(second.size() == 1);
    CHECK(second[0].toObject().value(QStringLiteral("verdict")) == QStringLiteral("accepted"));

    // The hall now holds a fold 5 record: fold 4 is told to upgrade, a pull and an enrolment alike,
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
    RecallCase c(make);
    REQUIRE(results(f.push(w07, {c.receipt(), c.print()})).size() == 2);
    auto push = [&] {
        const QJsonArray r = results(f.push(w07, {c.closeRecall()}));
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
    // The hall already holds fold 5 records.
    REQUIRE(server::FoldVersions(f.db()).raiseFloor(kHall, core::sync::kFoldVersion).ok());
    CHECK(pullAt(f, old, kOlderFold).status == 426);
    EventMaker make(w07.id, f.clock());
    RecallCase c(make);
    const QJsonArray r = results(f.push(w07, {c.receipt(), c.print(), c.closeRecall()}));
    REQUIRE(r.size() == 3);
    CHECK(r[2].toObject().value(QStringLiteral("verdict")) == QStringLiteral("accepted"));
}
