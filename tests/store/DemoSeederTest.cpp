#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/Identifiers.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoSeeder.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/Projection.h"
#include "store/Store.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace onewindow;

namespace {

const QTimeZone kShanghai(QByteArrayLiteral("Asia/Shanghai"));

// A fresh store whose clock stands at Friday 2026-11-20, 15:00 in the hall.
struct DemoHall
{
    QTemporaryDir dir;
    core::FakeClock clock{QDateTime(QDate(2026, 11, 20), QTime(15, 0), kShanghai)};
    std::unique_ptr<store::Store> store;
    std::unique_ptr<store::CaseStore> cases;
    demo::DemoSeedSummary summary;

    explicit DemoHall(int count, quint64 seed = 7)
    {
        auto opened = store::Store::open(dir.filePath(QStringLiteral("demo.sqlite")), clock);
        REQUIRE(opened.ok());
        store = std::move(opened).value();
        cases = std::make_unique<store::CaseStore>(*store);
        int calls = 0;
        int last = -1;
        demo::DemoSeeder seeder(*store, *cases, seed, count, [&](int done, int total) {
            CHECK(total == count);
            CHECK(done >= last);
            last = done;
            ++calls;
        });
        auto seeded = seeder.run();
        INFO((seeded.ok() ? QString() : seeded.error().message).toStdString());
        REQUIRE(seeded.ok());
        summary = *seeded;
        CHECK(last == count);
        CHECK(calls >= 2);
    }

    QList<QStringList> rows(const QString& sql) const
    {
        QSqlQuery q(store->database());
        REQUIRE(q.exec(sql));
        QList<QStringList> out;
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row.append(q.value(i).toString());
            out.append(row);
        }
        return out;
    }

    qint64 count(const QString& sql) const { return rows(sql).value(0).value(0).toLongLong(); }
};

} // namespace

TEST_CASE("The demo hall is the same for the same seed and the same today")
{
    DemoHall a(500);
    DemoHall b(500);
    const QString all = QStringLiteral(
        "SELECT event_id, case_id, device_id, device_seq, hlc, actor_id, occurred_at_utc, type, "
        "payload, sync_state FROM events ORDER BY rowid");
    const QList<QStringList> events = a.rows(all);
    CHECK(events.size() == a.summary.events);
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM cases")) == 500);
    CHECK(events == b.rows(all));
    CHECK(events.first().at(9) == QStringLiteral("synced"));
    DemoHall other(500, 8);
    CHECK(other.rows(all) != events);
}

TEST_CASE("Demo cases are legal, realistic and numbered as their windows would number them")
{
    DemoHall h(6000);
    const demo::DemoSeedSummary& s = h.summary;
    CHECK(s.cases == 6000);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM cases")) == 6000);
    // About 400 a working day: the 15 working days before Friday 2026-11-20 (the hall is seeded
    // as it stands before opening today).
    CHECK(s.firstDay == test::d("2026-10-30"));
    CHECK(s.lastDay == test::d("2026-11-19"));

    // Every case folds without a rejected event, and the stored projection says so too.
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM cases WHERE rejected_count > 0")) == 0);
    for (const QStringList& row : h.rows(QStringLiteral("SELECT case_id FROM cases"))) {
        auto state = h.cases->state(row.first());
        REQUIRE(state.ok());
        REQUIRE(state->rejected.isEmpty());
    }

    // The mix: notices (some repeated), refusals, suspensions, extensions, ratings and, as of
    // today, open cases past or near their deadline.
    CHECK(s.noticeCases > 6000 * 8 / 100);
    CHECK(s.notices > s.noticeCases);
    CHECK(s.byStatus.value(QStringLiteral("refused")) > 6000 * 2 / 100);
    CHECK(s.byStatus.value(QStringLiteral("withdrawn")) > 0);
    CHECK(s.byStatus.value(QStringLiteral("delivered")) > 6000 / 2);
    CHECK(s.suspended > 0);
    CHECK(s.extensionsApproved > 0);
    CHECK(s.forwarded > 0);
    CHECK(s.supervised > 0);
    CHECK(s.ratings[5] > s.ratings[4]);
    CHECK(s.ratings[4] > s.ratings[1]);
    CHECK(s.ratings[1] + s.ratings[2] > 0);
    CHECK(s.openCases > 0);
    CHECK(s.openRed > 0);
    CHECK(s.openYellow > 0);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'case.rated'")) ==
          s.ratings[1] + s.ratings[2] + s.ratings[3] + s.ratings[4] + s.ratings[5]);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'case.suspended'")) > 0);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                 "'case.extension_approved' AND actor_id LIKE 'supervisor-%'")) ==
          s.extensionsApproved);
    CHECK(h.count(QStringLiteral("SELECT count(DISTINCT actor_id) FROM events WHERE actor_id LIKE "
                                 "'clerk-w__-_'")) == 30);

    // Documents printed right after the act they evidence, naming it, numbered per device, kind
    // and year as the store numbers its own prints.
    const QString printed = QStringLiteral("FROM events WHERE type = 'case.document_printed'");
    const qint64 prints = h.count(QStringLiteral("SELECT count(*) ") + printed);
    CHECK(prints > 6000);
    CHECK(h.count(QStringLiteral("SELECT count(DISTINCT json_extract(payload, '$.number')) ") +
                  printed) == prints);
    CHECK(h.count(QStringLiteral("SELECT count(*) ") + printed +
                  QStringLiteral(
                      " AND json_extract(payload, '$.number') NOT GLOB "
                      "'620102-[A-Z][A-Z]-2026-W[01][0-9]-[0-9][0-9][0-9][0-9][0-9]'")) == 0);
    CHECK(h.count(QStringLiteral(
              "SELECT count(*) FROM events p WHERE p.type = 'case.document_printed' AND NOT EXISTS "
              "(SELECT 1 FROM events s WHERE s.event_id = json_extract(p.payload, '$.source') AND "
              "s.case_id = p.case_id AND s.rowid < p.rowid)")) == 0);

    // Twelve windows, each its own device with a contiguous sequence from 1 in time order; the
    // lapses stand outside every window's sequence (core/SystemEvents.h).
    const QList<QStringList> devices = h.rows(QStringLiteral(
        "SELECT device_id, count(*), min(device_seq), max(device_seq) FROM events WHERE device_id "
        "NOT GLOB 'system/*' GROUP BY device_id"));
    CHECK(devices.size() == 12);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE device_id GLOB 'system/*' AND "
                                 "(device_seq != 1 OR actor_id != 'system' OR type NOT IN "
                                 "('case.deemed_accepted', 'case.deemed_abandoned'))")) == 0);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type IN "
                                 "('case.deemed_accepted', 'case.deemed_abandoned') AND device_id "
                                 "NOT GLOB 'system/*'")) == 0);
    for (const QStringList& d : devices) {
        CHECK(d[2] == QStringLiteral("1"));
        CHECK(d[3] == d[1]);
    }
    CHECK(h.count(QStringLiteral(
              "SELECT count(*) FROM events a JOIN events b ON b.device_id = a.device_id AND "
              "b.device_seq = a.device_seq + 1 WHERE b.occurred_at_utc < a.occurred_at_utc OR "
              "b.hlc <= a.hlc")) == 0);

    // Case numbers, query codes unique; identifiers valid; times in office hours, none ahead.
    CHECK(h.count(QStringLiteral("SELECT count(DISTINCT query_code) FROM cases")) == 6000);
    CHECK(h.count(QStringLiteral(
              "SELECT count(*) FROM cases WHERE case_number NOT GLOB "
              "'620102-2026[01][0-9][0-3][0-9]-W[01][0-9]-[0-9][0-9][0-9][0-9]'")) == 0);
    int organisations = 0;
    for (const QStringList& row :
         h.rows(QStringLiteral("SELECT applicant_id, applicant_phone FROM cases"))) {
        INFO(row[0].toStdString());
        if (row[0].startsWith(QStringLiteral("9"))) {
            ++organisations;
            CHECK(core::checkUscc(row[0]).ok());
        } else {
            CHECK(core::checkCitizenId(row[0], test::d("2026-11-20")).ok());
        }
        CHECK(core::checkMobile(row[1]).ok());
    }
    CHECK(organisations > 6000 * 5 / 100);
    CHECK(organisations < 6000 * 18 / 100);
    const QDateTime now = h.clock.nowUtc();
    // A person's action happens in office hours on a working day; a lapse is dated the midnight
    // its period ran out.
    for (const QStringList& row : h.rows(QStringLiteral(
             "SELECT occurred_at_utc FROM events WHERE actor_id != 'system' ORDER BY rowid"))) {
        const QDateTime at = QDateTime::fromString(row.first(), Qt::ISODateWithMs);
        REQUIRE(at.isValid());
        REQUIRE(at <= now);
        const QDateTime local = at.toTimeZone(kShanghai);
        INFO(local.toString(Qt::ISODate).toStdString());
        REQUIRE(h.cases->calendar().isWorkingDay(local.date()));
        const QTime t = local.time();
        REQUIRE(
            ((t >= QTime(9, 0) && t < QTime(12, 0)) || (t >= QTime(13, 30) && t < QTime(17, 30))));
    }
}

TEST_CASE("Demo projections equal a fresh fold of the log, and a seeded store is not seeded again")
{
    DemoHall h(3000, 11);
    QSqlDatabase db = h.store->database();
    QList<std::pair<QString, store::CaseProjection>> stored;
    for (const QStringList& row : h.rows(QStringLiteral("SELECT case_id FROM cases"))) {
        auto p = store::readProjection(db, row.first());
        REQUIRE(p.ok());
        stored.append({row.first(), *p});
    }
    REQUIRE(h.store
                ->transaction([&]() -> core::Status {
                    for (const auto& [caseId, projection] : stored)
                        if (core::Status s = h.cases->reproject(caseId); !s)
                            return s;
                    return {};
                })
                .ok());
    for (const auto& [caseId, projection] : stored) {
        auto again = store::readProjection(db, caseId);
        REQUIRE(again.ok());
        REQUIRE(*again == projection);
    }

    demo::DemoSeeder twice(*h.store, *h.cases, 11, 10);
    auto refused = twice.run();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("demo.store_not_empty"));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM cases")) == 3000);
    // The store's own window (W01) numbers its cases after the demo cases of its code.
    const qint64 w01 = h.count(QStringLiteral(
        "SELECT count(*) FROM cases WHERE case_number LIKE '620102-20261119-W01-%'"));
    CHECK(w01 > 0);
    h.clock.set(QDateTime(QDate(2026, 11, 19), QTime(16, 0), kShanghai));
    const core::ServiceItem item = demo::demoItems().at(2);
    core::ReceivedInput in;
    in.itemCode = item.code;
    in.itemVersion = 1;
    in.applicant.name = QStringLiteral("张三");
    in.applicant.idNumber = QStringLiteral("11010519491231002X");
    in.applicant.phone = QStringLiteral("13912345678");
    in.materials = core::checklistFor(item);
    auto next = h.cases->receive(in, QStringLiteral("clerk-1"));
    REQUIRE(next.ok());
    CHECK(next->state.caseNumber ==
          QStringLiteral("620102-20261119-W01-%1").arg(w01 + 1, 4, 10, QLatin1Char('0')));
    const qint64 w01Acceptances = h.count(
        QStringLiteral("SELECT count(*) FROM events WHERE type = 'case.document_printed' AND "
                       "json_extract(payload, '$.number') LIKE '620102-SL-2026-W01-%'"));
    CHECK(w01Acceptances > 0);
    CHECK(h.count(QStringLiteral("SELECT last FROM document_counters WHERE kind = 'acceptance' AND "
                                 "year = 2026")) == w01Acceptances);
}

TEST_CASE("The demo hall stays within the calendar: no receipts before 2001")
{
    QTemporaryDir dir;
    core::FakeClock clock(QDateTime(QDate(2003, 6, 2), QTime(9, 0), kShanghai));
    auto opened = store::Store::open(dir.filePath(QStringLiteral("old.sqlite")), clock);
    REQUIRE(opened.ok());
    store::CaseStore cases(**opened);
    auto refused = demo::DemoSeeder(**opened, cases, 1, 400'000).run();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("demo.too_many"));
    auto seeded = demo::DemoSeeder(**opened, cases, 1, 2000).run();
    REQUIRE(seeded.ok());
    CHECK(seeded->firstDay.year() == 2003);
}

TEST_CASE("民法典 Art. 203: the demo plans calendar-day limits by their own deadline, so no "
          "extension is asked for after it")
{
    // With seeds 1 and 11 on Friday 2026-11-20, items whose limits count 日 had extensions planned
    // on the working-day count of the limit, after the clock's deadline: the seed failed with
    // demo.illegal_event ("期限已届满…不能再申请延期").
    for (quint64 seed : {1u, 11u}) {
        INFO(seed);
        DemoHall h(6000, seed);
        CHECK(h.summary.cases == 6000);
        CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                     "'case.extension_requested'")) > 0);
    }
}
