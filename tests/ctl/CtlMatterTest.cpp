// onewindowctl matter show / print (一件事一次办, issue 20).
#include "ctl/CtlRunner.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CatalogJson.h"
#include "core/Clock.h"
#include "core/MatterCase.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/MatterRepository.h"
#include "store/UserRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace onewindow;
using test::args;

namespace {

const QDateTime kNow(QDate(2026, 9, 18), QTime(2, 0), QTimeZone::utc());

// 开办企业 of the demo catalog taken in at window W07 with staff, without seal or invoices; the
// shared ID card of the legal representative missing. Returns the matter's number.
QString takeInOpeningABusiness(const QString& path, bool idCardMissing = true)
{
    core::FakeClock clock(kNow);
    auto opened = store::Store::open(path, clock);
    REQUIRE(opened.ok());
    store::Store& s = **opened;
    const core::CatalogParse demo =
        core::parseCatalog(test::readSourceFile(QStringLiteral("resources/catalog/demo.json")),
                           QStringLiteral("demo"));
    REQUIRE(demo.ok());
    REQUIRE(store::CatalogRepository(s)
                .importCatalog(demo.items, demo.matters, QStringLiteral("demo"))
                .ok());
    store::CaseStore cases(s);
    REQUIRE(cases.ensureDevice(QStringLiteral("620102"), QStringLiteral("W07")).ok());
    QHash<QString, core::Matter> matters;
    for (const core::Matter& m : demo.matters)
        matters.insert(m.code, m);
    const core::Matter kbqy = matters.value(QStringLiteral("KBQY"));
    const QStringList codes = core::applicableItems(kbqy, matters,
                                                    {{QStringLiteral("seal"), false},
                                                     {QStringLiteral("invoice"), false},
                                                     {QStringLiteral("staff"), true}});
    REQUIRE(codes.size() == 3);
    QList<core::ReceivedInput> inputs;
    QList<core::ServiceItem> items;
    for (const QString& code : codes) {
        const core::ServiceItem item = *std::find_if(demo.items.cbegin(), demo.items.cend(),
                                                     [&](const auto& i) { return i.code == code; });
        core::ReceivedInput in = test::completeApplication(item);
        for (core::MaterialCheck& m : in.materials)
            if (idCardMissing && (m.name == QStringLiteral("法定代表人居民身份证") ||
                                  m.name.startsWith(QStringLiteral("法定代表人、董事"))))
                m.state = core::MaterialState::Missing;
        inputs.append(in);
        items.append(item);
    }
    auto done = cases.receiveMatter(
        inputs, kbqy.code, 1,
        [&](int part, const store::CaseStore::Appended& received)
            -> core::Result<store::CaseStore::IntakeDecision> {
            const QList<core::Correction> corrections =
                core::correctionsFor(received.state, items.at(part));
            if (corrections.isEmpty())
                return store::CaseStore::IntakeDecision{core::EventType::Accepted,
                                                        core::payload::accepted()};
            return store::CaseStore::IntakeDecision{core::EventType::NoticeIssued,
                                                    core::payload::notice(corrections, 5)};
        },
        QStringLiteral("clerk-1"));
    REQUIRE(done.ok());
    return done->matterNumber;
}

// The parts waiting for papers withdrawn, the others decided, an hour after the intake: the
// matter is done on the day of its intake, within its promise of 1 working day. Returns the
// departments of its parts.
QStringList finishOnTheDay(const QString& path, const QString& number)
{
    QStringList departments;
    core::FakeClock clock(kNow.addSecs(3600));
    auto opened = store::Store::open(path, clock);
    REQUIRE(opened.ok());
    store::CaseStore cases(**opened);
    auto ids = store::MatterRepository(**opened).partCaseIds(number);
    REQUIRE(ids.ok());
    REQUIRE(ids->size() == 3);
    for (const QString& id : *ids) {
        auto state = cases.state(id);
        REQUIRE(state.ok());
        auto item = store::CatalogRepository(**opened).currentItem(state->itemCode);
        if (!departments.contains(item->item.department))
            departments.append(item->item.department);
        const bool waiting = state->status == core::CaseStatus::AwaitingCorrection;
        REQUIRE(cases
                    .append(id, waiting ? core::EventType::Withdrawn : core::EventType::Decided,
                            waiting ? core::payload::withdrawn(QStringLiteral("申请人撤回"))
                                    : core::payload::decided(QStringLiteral("granted")),
                            QStringLiteral("clerk-1"))
                    .ok());
    }
    return departments;
}

QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-enc"),
                                          QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    QString out;
    for (const QChar c : QString::fromUtf8(p.readAllStandardOutput()))
        if (!c.isSpace())
            out.append(c);
    return out;
}

} // namespace

TEST_CASE(
    "onewindowctl matter show and print: the parts, the matter's clock, its receipt and notice")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    const QString number = takeInOpeningABusiness(store);
    CHECK(number == QStringLiteral("620102-20260918-W07-0001-J"));

    const test::CtlRun shown =
        test::runCtlAt(kNow, store, {QStringLiteral("matter"), QStringLiteral("show"), number});
    REQUIRE(shown.exitCode == 0);
    INFO(shown.out.toStdString());
    CHECK(shown.out.contains(QStringLiteral("开办企业")));
    for (const char* n :
         {"620102-20260918-W07-0001", "620102-20260918-W07-0002", "620102-20260918-W07-0003"})
        CHECK(shown.out.contains(QString::fromLatin1(n)));
    // Received Friday 18 September 2026: one working day later is Sunday 20 September, a working
    // day of the 2026 calendar (国庆节's make-up day), not Monday the 21st (行政许可法 Art. 82).
    CHECK(shown.out.contains(QStringLiteral("承诺 1 个工作日内办结（2026年9月20日）")));
    CHECK(shown.out.contains(QStringLiteral("已办结 0/3 项")));

    const QString receipt = dir.filePath(QStringLiteral("receipt.pdf"));
    // Printing records a document-printed event: at the tool's real time, as every print.
    const test::CtlRun printed =
        test::runCtl(store, {QStringLiteral("matter"), QStringLiteral("print"),
                             QStringLiteral("receipt"), number, QStringLiteral("--pdf"), receipt});
    REQUIRE(printed.exitCode == 0);
    const QString receiptText = pdfText(receipt);
    CHECK(receiptText.contains(QStringLiteral("一件事受理回执")));
    CHECK(receiptText.contains(number));
    CHECK(receiptText.contains(QStringLiteral("住房公积金单位缴存登记")));

    const QString notice = dir.filePath(QStringLiteral("notice.pdf"));
    REQUIRE(test::runCtl(store, {QStringLiteral("matter"), QStringLiteral("print"),
                                 QStringLiteral("notice"), number, QStringLiteral("--pdf"), notice})
                .exitCode == 0);
    const QString noticeText = pdfText(notice);
    // The legal representative's ID card: one line, naming 企业设立登记 and 住房公积金单位缴存登记.
    CHECK(noticeText.count(QStringLiteral("法定代表人居民身份证")) == 1);
    // Printing is a write, at the tool's real time: a part whose correction period lapsed since
    // 18 September has been closed (视为放弃) by then and is no longer on the notice.
    if (!noticeText.contains(QStringLiteral("企业设立登记（620102-20260918-W07-0001）")))
        WARN("企业设立登记 no longer awaits correction at the real time of printing");
    CHECK(
        noticeText.contains(QStringLiteral("住房公积金单位缴存登记（620102-20260918-W07-0003）")));

    const test::CtlRun bad =
        test::runCtlAt(kNow, store, args({"matter", "show", "620102-20260918-W07-0001"}));
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.contains(QStringLiteral("-J")));
    const test::CtlRun unknown =
        test::runCtlAt(kNow, store, args({"matter", "show", "620102-20260918-W07-0042-J"}));
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(QStringLiteral("没有编号为")));
}

TEST_CASE("onewindowctl stats --matters: matters received, finished and finished within the "
          "matter's promise, by matter and by department")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    const QString number = takeInOpeningABusiness(store);
    const QStringList departments = finishOnTheDay(store, number);
    const test::CtlRun json = test::runCtlAt(kNow, store,
                                             args({"stats", "--matters", "--from", "2026-09-01",
                                                   "--to", "2026-09-30", "--format", "json"}));
    REQUIRE(json.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonObject total = o.value(QStringLiteral("total")).toObject();
    CHECK(total.value(QStringLiteral("received")).toInt() == 1);
    CHECK(total.value(QStringLiteral("finished")).toInt() == 1);
    CHECK(total.value(QStringLiteral("finished_on_time")).toInt() == 1);
    CHECK(total.value(QStringLiteral("on_time_rate")).toDouble() == 100.0);
    CHECK(total.value(QStringLiteral("average_days")).toDouble() == 0.0);
    const QJsonArray matters = o.value(QStringLiteral("matters")).toArray();
    REQUIRE(matters.size() == 1);
    CHECK(matters.at(0).toObject().value(QStringLiteral("label")).toString() ==
          QStringLiteral("开办企业"));
    const QJsonArray byDepartment = o.value(QStringLiteral("departments")).toArray();
    CHECK(byDepartment.size() == departments.size());
    for (const QJsonValue& row : byDepartment)
        CHECK(departments.contains(row.toObject().value(QStringLiteral("key")).toString()));

    // October: nothing received or finished; the rate has nothing to divide by.
    const test::CtlRun text = test::runCtlAt(
        kNow, store, args({"stats", "--matters", "--from", "2026-10-01", "--to", "2026-10-31"}));
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("合计  0  0  0  —  —")));

    const test::CtlRun bad = test::runCtlAt(
        kNow, store, args({"stats", "--matters", "--from", "2026-10-31", "--to", "2026-10-01"}));
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.contains(QStringLiteral("开始不晚于结束")));
}

TEST_CASE("onewindowctl matter hand-out: one hand-out when every part is ready, a partial one "
          "only of the parts asked for")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    const QString number = takeInOpeningABusiness(store, false);
    QStringList numbers;
    {
        // Every part accepted; 企业设立登记 decided, the other two still being handled.
        core::FakeClock clock(kNow.addSecs(3600));
        auto opened = store::Store::open(store, clock);
        REQUIRE(opened.ok());
        REQUIRE(store::UserRepository(**opened)
                    .create(QStringLiteral("zhangsan"), QStringLiteral("张三"), core::Role::Clerk,
                            QStringLiteral("W07"), QStringLiteral("clerk-password-7"))
                    .ok());
        store::CaseStore cases(**opened);
        auto ids = store::MatterRepository(**opened).partCaseIds(number);
        REQUIRE(ids.ok());
        for (const QString& id : *ids) {
            auto state = cases.state(id);
            numbers.append(state->caseNumber);
            if (numbers.size() == 1)
                REQUIRE(cases
                            .append(id, core::EventType::Decided,
                                    core::payload::decided(QStringLiteral("granted")),
                                    QStringLiteral("clerk-1"))
                            .ok());
        }
    }
    REQUIRE(numbers.size() == 3);
    const auto count = [&] {
        core::FakeClock clock(kNow);
        auto opened = store::Store::open(store, clock);
        REQUIRE(opened.ok());
        QSqlQuery q((*opened)->database());
        REQUIRE(
            q.exec(QStringLiteral("SELECT count(*) FROM events WHERE type = 'case.delivered'")));
        REQUIRE(q.next());
        return q.value(0).toInt();
    };
    // Not every part is ready: nothing handed out, the parts still open named. (A writing
    // command runs on the real clock.)
    const test::CtlRun whole =
        test::runCtl(store, {QStringLiteral("matter"), QStringLiteral("hand-out"), number,
                             QStringLiteral("--as"), QStringLiteral("zhangsan")});
    CHECK(whole.exitCode == 1);
    CHECK(whole.err.contains(numbers.at(1)));
    CHECK(whole.err.contains(numbers.at(2)));
    CHECK(count() == 0);
    // A part asked for that is not ready is refused as well.
    const test::CtlRun notReady =
        test::runCtl(store, {QStringLiteral("matter"), QStringLiteral("hand-out"), number,
                             QStringLiteral("--as"), QStringLiteral("zhangsan"),
                             QStringLiteral("--parts"), numbers.at(2)});
    CHECK(notReady.exitCode == 1);
    CHECK(notReady.err.contains(numbers.at(2)));
    CHECK(count() == 0);
    // The applicant asks for the one that is ready.
    const test::CtlRun partial = test::runCtl(
        store, {QStringLiteral("matter"), QStringLiteral("hand-out"), number,
                QStringLiteral("--as"), QStringLiteral("zhangsan"), QStringLiteral("--parts"),
                numbers.at(0), QStringLiteral("--signer"), QStringLiteral("李四")});
    REQUIRE(partial.exitCode == 0);
    CHECK(partial.out.contains(
        QStringLiteral("签收人 李四（一件事 %1，应申请人要求部分出件）").arg(number)));
    CHECK(count() == 1);
}

namespace {

// The rows of `stats --matters --format json` as the exports write them: 类别, 名称, then the
// counts, the rate and the average (one decimal; — with nothing to divide).
QStringList matterRowsFromJson(const QJsonObject& o)
{
    const auto line = [](const QString& group, const QString& label, const QJsonObject& f) {
        const auto decimal = [&](const char* key, const QString& unit) {
            const QJsonValue v = f.value(QLatin1String(key));
            return v.isNull() ? QStringLiteral("—") : QString::number(v.toDouble(), 'f', 1) + unit;
        };
        return QStringList{group,
                           label,
                           QString::number(f.value(QStringLiteral("received")).toInt()),
                           QString::number(f.value(QStringLiteral("finished")).toInt()),
                           QString::number(f.value(QStringLiteral("finished_on_time")).toInt()),
                           decimal("on_time_rate", QStringLiteral("%")),
                           decimal("average_days", QString())}
            .join(QLatin1Char(','));
    };
    QStringList rows{line(QStringLiteral("全厅"), QStringLiteral("合计"),
                          o.value(QStringLiteral("total")).toObject())};
    for (const QJsonValue& r : o.value(QStringLiteral("matters")).toArray())
        rows.append(line(QStringLiteral("一件事"), r[QStringLiteral("label")].toString(),
                         r[QStringLiteral("figures")].toObject()));
    for (const QJsonValue& r : o.value(QStringLiteral("departments")).toArray())
        rows.append(line(QStringLiteral("部门"), r[QStringLiteral("label")].toString(),
                         r[QStringLiteral("figures")].toObject()));
    return rows;
}

// The lines of a CSV's table titled `title`: its header, then its rows up to a blank line.
QStringList csvTable(const QStringList& lines, const QString& title)
{
    const qsizetype at = lines.indexOf(title);
    REQUIRE(at > 0);
    REQUIRE(lines.at(at - 1).isEmpty()); // a blank line after the table before it
    QStringList table;
    for (qsizetype i = at + 1; i < lines.size() && !lines.at(i).isEmpty(); ++i)
        table.append(lines.at(i));
    return table;
}

} // namespace

TEST_CASE("onewindowctl stats: the CSV, XLSX, PDF and JSON of the figures carry the matters' "
          "table with the numbers of stats --matters")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    const QString number = takeInOpeningABusiness(store);
    const QStringList departments = finishOnTheDay(store, number);
    const QStringList range{QStringLiteral("stats"), QStringLiteral("--from"),
                            QStringLiteral("2026-09-01"), QStringLiteral("--to"),
                            QStringLiteral("2026-09-30")};
    const test::CtlRun matters =
        test::runCtlAt(kNow, store, range + args({"--matters", "--format", "json"}));
    REQUIRE(matters.exitCode == 0);
    QJsonObject expected = QJsonDocument::fromJson(matters.out.toUtf8()).object();
    const QStringList rows = matterRowsFromJson(expected);
    REQUIRE(rows.size() == 2 + departments.size()); // the hall, 开办企业, each department
    CHECK(rows.at(1) == QStringLiteral("一件事,开办企业,1,1,1,100.0%,0.0"));
    const QString header =
        QStringLiteral("类别,名称,受理,办结,承诺时限内办结,按诺办结率,平均办理工作日");

    const QString csvPath = dir.filePath(QStringLiteral("figures.csv"));
    REQUIRE(test::runCtlAt(kNow, store, range + QStringList{QStringLiteral("--out"), csvPath})
                .exitCode == 0);
    QFile csvFile(csvPath);
    REQUIRE(csvFile.open(QIODevice::ReadOnly));
    const QStringList csv =
        QString::fromUtf8(csvFile.readAll().mid(3)).split(QStringLiteral("\r\n"));
    CHECK(csv.first().startsWith(QStringLiteral("统计期间,收件,受理"))); // the cases' figures first
    CHECK(csvTable(csv, QStringLiteral("一件事一次办")) == QStringList{header} + rows);

    // To standard output the same, with plain newlines.
    const test::CtlRun out = test::runCtlAt(kNow, store, range + args({"--format", "csv"}));
    REQUIRE(out.exitCode == 0);
    CHECK(csvTable(out.out.split(QLatin1Char('\n')), QStringLiteral("一件事一次办")) ==
          QStringList{header} + rows);

    const QString xlsx = dir.filePath(QStringLiteral("figures.xlsx"));
    REQUIRE(
        test::runCtlAt(kNow, store, range + QStringList{QStringLiteral("--out"), xlsx}).exitCode ==
        0);
    const auto unzipped = [&](const char* member) {
        QProcess p;
        p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), xlsx, QString::fromLatin1(member)});
        REQUIRE(p.waitForFinished(30000));
        REQUIRE(p.exitCode() == 0);
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    CHECK(unzipped("xl/workbook.xml").contains(QStringLiteral("name=\"一件事一次办\"")));
    const QString sheet = unzipped("xl/worksheets/sheet2.xml");
    CHECK(sheet.count(QStringLiteral("<row ")) == 1 + rows.size());
    CHECK(sheet.contains(QStringLiteral("开办企业")));
    CHECK(sheet.contains(QStringLiteral("100.0%")));
    for (const QString& department : departments)
        CHECK(sheet.contains(department));

    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    REQUIRE(
        test::runCtlAt(kNow, store, range + QStringList{QStringLiteral("--out"), pdf}).exitCode ==
        0);
    const QString text = pdfText(pdf); // without spaces: the table's cells run together
    CHECK(text.contains(QStringLiteral("一件事一次办")));
    CHECK(text.contains(QStringLiteral("本期受理一件事1件，办结1件，其中一件事承诺时限内办结1件")));
    for (const QString& row : rows.mid(1)) {
        QStringList cells = row.split(QLatin1Char(','));
        const QString group = cells.takeFirst();
        CHECK(
            text.contains((group == QStringLiteral("部门") ? QStringLiteral("部门：") : QString()) +
                          cells.join(QString())));
    }

    const test::CtlRun json = test::runCtlAt(kNow, store, range + args({"--format", "json"}));
    REQUIRE(json.exitCode == 0);
    expected.remove(QStringLiteral("from"));
    expected.remove(QStringLiteral("to"));
    CHECK(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("matters")) ==
          expected);
}

TEST_CASE("onewindowctl stats: the text prints the matters' table after the cases' figures, the "
          "numbers of stats --matters")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    const QString number = takeInOpeningABusiness(store);
    const QStringList departments = finishOnTheDay(store, number);
    const QStringList range{QStringLiteral("stats"), QStringLiteral("--from"),
                            QStringLiteral("2026-09-01"), QStringLiteral("--to"),
                            QStringLiteral("2026-09-30")};
    const test::CtlRun matters = test::runCtlAt(kNow, store, range + args({"--matters"}));
    REQUIRE(matters.exitCode == 0);
    const test::CtlRun json =
        test::runCtlAt(kNow, store, range + args({"--matters", "--format", "json"}));
    REQUIRE(json.exitCode == 0);
    // The rows as the exports write them, two spaces apart instead of commas.
    QStringList rows;
    for (const QString& row :
         matterRowsFromJson(QJsonDocument::fromJson(json.out.toUtf8()).object()))
        rows.append(row.split(QLatin1Char(',')).join(QStringLiteral("  ")));
    REQUIRE(rows.size() == 2 + departments.size());
    const test::CtlRun all = test::runCtlAt(kNow, store, range);
    REQUIRE(all.exitCode == 0);
    INFO(all.out.toStdString());
    const QStringList lines = all.out.split(QLatin1Char('\n'));
    // The cases' figures first, then the matters' table: its title, header and rows.
    CHECK(lines.first().startsWith(QStringLiteral("统计期间  收件  受理")));
    const qsizetype title =
        lines.indexOf(QStringLiteral("一件事一次办 2026年9月1日 至 2026年9月30日"));
    REQUIRE(title > 1);
    CHECK(lines.at(title - 1).isEmpty());
    CHECK(lines.mid(title + 2, rows.size()) == rows);
    CHECK(lines.at(title + 2 + rows.size()).startsWith(QStringLiteral("（一件事计入")));
    // stats --matters prints exactly that table.
    CHECK(matters.out.split(QLatin1Char('\n')) == lines.mid(title));
    CHECK(rows.at(1) == QStringLiteral("一件事  开办企业  1  1  1  100.0%  0.0"));
}
