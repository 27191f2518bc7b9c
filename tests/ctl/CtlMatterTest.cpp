// onewindowctl matter show / print (一件事一次办, issue 20).
#include "ctl/CtlRunner.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CatalogJson.h"
#include "core/Clock.h"
#include "core/MatterCase.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace onewindow;
using test::args;

namespace {

const QDateTime kNow(QDate(2026, 9, 18), QTime(2, 0), QTimeZone::utc());

// 开办企业 of the demo catalog taken in at window W07 with staff, without seal or invoices; the
// shared ID card of the legal representative missing. Returns the matter's number.
QString takeInOpeningABusiness(const QString& path)
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
            if (m.name == QStringLiteral("法定代表人居民身份证") ||
                m.name.startsWith(QStringLiteral("法定代表人、董事")))
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
    CHECK(shown.out.contains(QStringLiteral("开办企业")));
    for (const char* n :
         {"620102-20260918-W07-0001", "620102-20260918-W07-0002", "620102-20260918-W07-0003"})
        CHECK(shown.out.contains(QString::fromLatin1(n)));
    // Received Friday 18 September 2026: one working day later is Sunday 20 September, a working
    // day of the 2026 calendar (国庆节's make-up day), not Monday the 21st (行政许可法 Art. 82).
    CHECK(shown.out.contains(QStringLiteral("承诺 1 个工作日内办结（2026年9月20日）")));
    CHECK(shown.out.contains(QStringLiteral("已办结 0/3 项")));

    const QString receipt = dir.filePath(QStringLiteral("receipt.pdf"));
    const test::CtlRun printed =
        test::runCtlAt(kNow, store,
                       {QStringLiteral("matter"), QStringLiteral("print"),
                        QStringLiteral("receipt"), number, QStringLiteral("--pdf"), receipt});
    REQUIRE(printed.exitCode == 0);
    const QString receiptText = pdfText(receipt);
    CHECK(receiptText.contains(QStringLiteral("一件事受理回执")));
    CHECK(receiptText.contains(number));
    CHECK(receiptText.contains(QStringLiteral("住房公积金单位缴存登记")));

    const QString notice = dir.filePath(QStringLiteral("notice.pdf"));
    REQUIRE(test::runCtlAt(kNow, store,
                           {QStringLiteral("matter"), QStringLiteral("print"),
                            QStringLiteral("notice"), number, QStringLiteral("--pdf"), notice})
                .exitCode == 0);
    const QString noticeText = pdfText(notice);
    // The legal representative's ID card: one line, naming 企业设立登记 and 住房公积金单位缴存登记.
    CHECK(noticeText.count(QStringLiteral("法定代表人居民身份证")) == 1);
    CHECK(noticeText.contains(QStringLiteral("企业设立登记（620102-20260918-W07-0001）")));
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
