// Document numbers: unique per kind, hall and year, partitioned by device; every print is a
// document-printed event committed before the paper; a reprint keeps its number, says 补打 and
// counts; a print that fails is recorded and its number never given again.
#include "documents/DocumentFixture.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "store/CatalogRepository.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace onewindow;
using core::DocumentKind;
using core::EventType;

namespace {

QList<core::Event> printedEvents(test::DocumentFixture& h, const QString& caseId)
{
    auto events = h.cases->events(caseId);
    REQUIRE(events.ok());
    QList<core::Event> out;
    for (const core::Event& e : *events)
        if (e.type == EventType::DocumentPrinted)
            out.append(e);
    return out;
}

// Document-printed events with `number`, as a second connection to the store sees them.
int countElsewhere(const QString& path, const QString& number)
{
    int n = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("observer"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                 "'case.document_printed' AND json_extract(payload, "
                                 "'$.number') = ?"));
        q.addBindValue(number);
        if (q.exec() && q.next())
            n = q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("observer"));
    return n;
}

} // namespace

TEST_CASE("Document numbers count per kind and year on this device")
{
    test::DocumentFixture h;
    const QString a = h.accepted();
    const QString b = h.accepted();
    CHECK(h.print(a, DocumentKind::Acceptance).number ==
          QStringLiteral("620102-SL-2026-W07-00001"));
    CHECK(h.print(b, DocumentKind::Acceptance).number ==
          QStringLiteral("620102-SL-2026-W07-00002"));
    CHECK(h.print(b, DocumentKind::Receipt).number == QStringLiteral("620102-SJ-2026-W07-00001"));

    // A new year starts its own count: the year of the act the document evidences.
    h.setNow("2027-01-05", "09:00");
    const QString c = h.receive();
    h.append(c, EventType::Accepted, core::payload::accepted());
    CHECK(h.print(c, DocumentKind::Acceptance).number ==
          QStringLiteral("620102-SL-2027-W07-00001"));
}

TEST_CASE("Two windows working offline never give the same document number")
{
    test::DocumentFixture w07;
    // A second workstation of the same hall: its own store and device code.
    QTemporaryDir dir;
    auto opened = store::Store::open(dir.filePath(QStringLiteral("w08.sqlite")), w07.clock);
    REQUIRE(opened.ok());
    std::unique_ptr<store::Store> store = std::move(opened).value();
    REQUIRE(store::CatalogRepository(*store).importItems({w07.item}, QStringLiteral("t")).ok());
    store::CaseStore w08(*store);
    REQUIRE(w08.ensureDevice(QStringLiteral("620102"), QStringLiteral("W08")).ok());
    auto received = w08.receive(w07.intake(), QStringLiteral("clerk-8"));
    REQUIRE(received.ok());
    REQUIRE(w08.append(received->event.caseId, EventType::Accepted, core::payload::accepted(),
                       QStringLiteral("clerk-8"))
                .ok());
    auto there = w08.recordPrint(received->event.caseId, DocumentKind::Acceptance, 1,
                                 QStringLiteral("clerk-8"), {});
    REQUIRE(there.ok());
    const auto here = w07.print(w07.accepted(), DocumentKind::Acceptance);
    CHECK(there->number == QStringLiteral("620102-SL-2026-W08-00001"));
    CHECK(here.number == QStringLiteral("620102-SL-2026-W07-00001"));
    CHECK(there->number != here.number);
}

TEST_CASE("A reprint keeps its number, says 补打, and is recorded as a document-printed event")
{
    test::DocumentFixture h;
    const QString id = h.accepted();
    const auto first = h.print(id, DocumentKind::Acceptance);
    CHECK_FALSE(first.reprint);
    CHECK_FALSE(first.text.contains(QStringLiteral("补打")));

    h.setNow("2026-11-20", "09:00");
    const auto again = h.print(id, DocumentKind::Acceptance);
    CHECK(again.reprint);
    CHECK(again.number == first.number);
    const QString text = test::compact(again.text);
    CHECK(text.contains(QStringLiteral("编号：620102-SL-2026-W07-00001（补打）")));
    CHECK(text.contains(QStringLiteral("本文书系补打，文书编号不变。补打日期：2026年11月20日。")));
    // Still dated the day of acceptance.
    CHECK(text.contains(QStringLiteral("2026年9月18日")));

    const QList<core::Event> printed = printedEvents(h, id);
    REQUIRE(printed.size() == 2);
    const QJsonObject last = printed.last().payload;
    CHECK(last.value(QStringLiteral("kind")).toString() == QStringLiteral("acceptance"));
    CHECK(last.value(QStringLiteral("number")).toString() == first.number);
    CHECK(last.value(QStringLiteral("reprint")).toBool());
    CHECK(last.value(QStringLiteral("copies")).toInt() == 1);
    CHECK_FALSE(last.value(QStringLiteral("source")).toString().isEmpty());
    CHECK(printed.first().payload.value(QStringLiteral("reprint")).toBool() == false);
    CHECK(printed.last().actorId == QStringLiteral("clerk-1"));
    auto state = h.cases->state(id);
    REQUIRE(state.ok());
    CHECK(state->documentsPrinted == 2);
    CHECK(h.count(QStringLiteral("SELECT last FROM document_counters WHERE kind = 'acceptance'")) ==
          1);

    // A second one-time notice is a new document with a new number, not a reprint.
    const QString n = h.noticed();
    const auto notice1 = h.print(n, DocumentKind::Notice);
    h.append(n, EventType::Corrected,
             core::payload::corrected({core::MaterialCheck{
                 h.item.materials[0].code, h.item.materials[0].name, core::MaterialState::Defective,
                 QStringLiteral("仍未签名"), 1, std::nullopt, QString(), QString(), QString()}}));
    h.append(n, EventType::NoticeIssued,
             core::payload::notice({{h.item.materials[0].code, h.item.materials[0].name,
                                     QStringLiteral("仍未签名"), QStringLiteral("申请人本人签名")}},
                                   3));
    const auto notice2 = h.print(n, DocumentKind::Notice);
    CHECK_FALSE(notice2.reprint);
    CHECK(notice2.number != notice1.number);
    CHECK(notice2.text.contains(QStringLiteral("仍未签名")));
}

TEST_CASE("Numbers before paper: a print that fails keeps its number recorded and the next print "
          "takes a new one")
{
    test::DocumentFixture h;
    const QString id = h.accepted();
    int outputs = 0;
    bool committedBeforeOutput = false;
    auto failed = h.cases->recordPrint(
        id, DocumentKind::Acceptance, 1, QStringLiteral("clerk-1"),
        [&](const store::CaseStore::PrintTicket& t) -> core::Status {
            ++outputs;
            // The number and its document-printed event are committed before any paper: another
            // connection to the store sees them while the printer runs.
            committedBeforeOutput = countElsewhere(h.path(), t.number) == 1;
            return core::Error{QStringLiteral("test.printer"), QStringLiteral("打印机缺纸")};
        });
    REQUIRE_FALSE(failed.ok());
    CHECK(outputs == 1);
    CHECK(committedBeforeOutput);
    CHECK(failed.error().code == QStringLiteral("document.print_failed"));
    CHECK(failed.error().message.contains(QStringLiteral("620102-SL-2026-W07-00001")));
    CHECK(failed.error().message.contains(QStringLiteral("打印机缺纸")));
    CHECK(failed.error().message.contains(QStringLiteral("新的编号")));
    const QList<core::Event> printed = printedEvents(h, id);
    REQUIRE(printed.size() == 1);
    CHECK(printed.first().payload.value(QStringLiteral("number")).toString() ==
          QStringLiteral("620102-SL-2026-W07-00001"));

    auto events = h.cases->events(id);
    REQUIRE(events.ok());
    const core::Event& last = events->last();
    CHECK(last.type == EventType::DocumentPrintFailed);
    CHECK(last.payload.value(QStringLiteral("printed")).toString() == printed.first().eventId);
    CHECK(last.payload.value(QStringLiteral("reason")).toString() == QStringLiteral("打印机缺纸"));

    // The next print is not a reprint of a number no paper bears: a new number, the old one a gap.
    const auto next = h.print(id, DocumentKind::Acceptance);
    CHECK_FALSE(next.reprint);
    CHECK(next.number == QStringLiteral("620102-SL-2026-W07-00002"));
    CHECK(next.text.contains(QStringLiteral("620102-SL-2026-W07-00002")));
    // Its reprint keeps the number that is on paper.
    const auto again = h.print(id, DocumentKind::Acceptance);
    CHECK(again.reprint);
    CHECK(again.number == next.number);
    CHECK(h.count(QStringLiteral("SELECT count(DISTINCT json_extract(payload, '$.number')) FROM "
                                 "events WHERE type = 'case.document_printed'")) == 2);
    auto state = h.cases->state(id);
    REQUIRE(state.ok());
    CHECK(state->documentsPrinted == 2);
}

TEST_CASE("A failed reprint keeps the number on paper: the next reprint uses it again")
{
    test::DocumentFixture h;
    const QString id = h.accepted();
    const auto first = h.print(id, DocumentKind::Acceptance);
    auto failed = h.cases->recordPrint(
        id, DocumentKind::Acceptance, 1, QStringLiteral("clerk-1"),
        [](const store::CaseStore::PrintTicket&) -> core::Status {
            return core::Error{QStringLiteral("test.printer"), QStringLiteral("打印机离线")};
        });
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == QStringLiteral("document.reprint_failed"));
    const auto again = h.print(id, DocumentKind::Acceptance);
    CHECK(again.reprint);
    CHECK(again.number == first.number);
}

TEST_CASE("A kind that does not fit the case's state is refused with the reason")
{
    test::DocumentFixture h;
    const QString accepted = h.accepted();
    auto refusal =
        h.cases->recordPrint(accepted, DocumentKind::Refusal, 1, QStringLiteral("clerk-1"), {});
    REQUIRE_FALSE(refusal.ok());
    CHECK(refusal.error().code == QStringLiteral("document.kind_not_fit"));
    CHECK(refusal.error().message.contains(QStringLiteral("不能出具不予受理决定书")));
    CHECK(refusal.error().message.contains(QStringLiteral("办理中")));
    CHECK(printedEvents(h, accepted).isEmpty());

    const QString received = h.receive();
    for (DocumentKind kind : {DocumentKind::Acceptance, DocumentKind::Notice, DocumentKind::Refusal,
                              DocumentKind::Extension, DocumentKind::Suspension,
                              DocumentKind::Ready, DocumentKind::Supervision}) {
        auto r = h.cases->previewPrint(received, kind);
        INFO(core::documentKindKey(kind).toStdString());
        CHECK_FALSE(r.ok());
    }
    CHECK(h.cases->previewPrint(received, DocumentKind::Receipt).ok());
    const QString refused = h.refused();
    CHECK_FALSE(h.cases->previewPrint(refused, DocumentKind::Acceptance).ok());
    CHECK(h.cases->previewPrint(refused, DocumentKind::Refusal).ok());
}

TEST_CASE("A preview shows the number the print will take and takes nothing")
{
    test::DocumentFixture h;
    const QString id = h.accepted();
    auto preview = h.cases->previewPrint(id, DocumentKind::Acceptance);
    REQUIRE(preview.ok());
    CHECK(preview->number == QStringLiteral("620102-SL-2026-W07-00001"));
    CHECK_FALSE(preview->reprint);
    CHECK(h.cases->previewPrint(id, DocumentKind::Acceptance)->number == preview->number);
    CHECK(printedEvents(h, id).isEmpty());
    CHECK(h.print(id, DocumentKind::Acceptance).number == preview->number);
    CHECK(h.cases->previewPrint(id, DocumentKind::Acceptance)->reprint);
}
