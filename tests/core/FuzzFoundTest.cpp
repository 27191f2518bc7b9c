// What the fuzz targets (tests/fuzz) found, each kept as a test of the normal suite; the input
// that found it stays in tests/fuzz/corpus/<target>/ and is replayed by every fuzz run.
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/HolidayNotice.h"
#include "input/PathChecks.h"

#include <QDir>
#include <QFile>

#include <algorithm>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

// fuzz_event_payload, corpus/event_payload/receipt-day-1013.json: a Received payload with the
// receipt day 1013-12-04 was admitted, and then every action that stops a clock (a withdrawal)
// passed checkEvent but failed admitEvent with clock.out_of_range: a case nobody could close.
TEST_CASE("政府信息公开条例 Art. 31: a receipt day after the day it is recorded, or outside the "
          "calendar, is refused")
{
    test::CaseBuilder c(test::licenceItem());
    core::ReceivedInput in = c.receivedInput("2026-09-19");
    in.channel = core::Channel::PostSigned;
    const core::Status later = c.add(EventType::Received, payload::received(in), "2026-09-18");
    REQUIRE_FALSE(later.ok());
    CHECK(later.error().code == QStringLiteral("case.receipt_date_future"));
    CHECK(later.error().message == QStringLiteral("收件日期 2026-09-19 晚于登记当天 2026-09-18"));

    for (const char* day : {"1013-12-04", "1999-12-31"}) {
        in = c.receivedInput(day);
        in.channel = core::Channel::PostSigned;
        const core::Status old = c.add(EventType::Received, payload::received(in), "2026-09-18");
        REQUIRE_FALSE(old.ok());
        CHECK(old.error().code == QStringLiteral("case.receipt_date_range"));
        CHECK(old.error().message.contains(QString::fromLatin1(day)));
    }
    CHECK(c.state().eventCount == 0); // nothing was recorded

    // Signed for the day before it is recorded: received, and the case can be closed.
    in = c.receivedInput("2026-09-17");
    in.channel = core::Channel::PostSigned;
    REQUIRE(c.add(EventType::Received, payload::received(in), "2026-09-18").ok());
    REQUIRE(c.add(EventType::Withdrawn, payload::withdrawn(QStringLiteral("申请人撤回")),
                  "2026-09-18", "10:30")
                .ok());
    CHECK_FALSE(c.state().isOpen());
}

// fuzz_template, corpus/template/nul-in-image-name.html: an <img src> with a NUL byte reached
// QFileInfo through insideFolder. Qt warns "Broken filename passed to function" and resolves the
// name cut at the NUL: "seal.png\0/../x" was inside the folder as seal.png, a name meaning another
// file than it says. A name with a NUL is refused before any file function sees it.
TEST_CASE("A file name with a NUL byte is never inside the hall's folder, and no file function "
          "sees it")
{
    QTemporaryDir dir;
    QFile seal(dir.filePath(QStringLiteral("seal.png")));
    REQUIRE(seal.open(QIODevice::WriteOnly));
    seal.write("png");
    seal.close();
    REQUIRE(input::insideFolder(QStringLiteral("seal.png"), dir.path()).has_value());

    static QStringList warnings;
    warnings.clear();
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString& message) {
            warnings.append(message);
        });
    const QString withNul = QStringLiteral("seal.png") + QChar(0) + QStringLiteral("/../x");
    const auto inside = input::insideFolder(withNul, dir.path());
    const auto folderWithNul = input::insideFolder(QStringLiteral("seal.png"),
                                                   dir.path() + QChar(0) + QStringLiteral("x"));
    qInstallMessageHandler(previous);
    CHECK_FALSE(inside.has_value());
    CHECK_FALSE(folderWithNul.has_value());
    CHECK(warnings.isEmpty());
}

// fuzz_holiday_notice, corpus/holiday_notice/year-2e10.json: {"year": 202e8} cast 2.02e10 to int
// (undefined behaviour) to see whether it was whole, and was told "not an integer".
TEST_CASE("A notice's year far outside the calendar is refused as out of range, by its value")
{
    const core::NoticeParse parsed = core::parseHolidayNotice(
        QByteArrayLiteral(R"({"year": 202e8, "papers": []})"), QStringLiteral("2e10.json"));
    const auto year =
        std::find_if(parsed.errors.begin(), parsed.errors.end(), [](const core::Error& e) {
            return e.code == QStringLiteral("calendar.bad_year");
        });
    REQUIRE(year != parsed.errors.end());
    CHECK(year->message.contains(QStringLiteral("年份 20200000000 超出支持范围（2000–2099）")));
    const core::NoticeParse fraction = core::parseHolidayNotice(
        QByteArrayLiteral(R"({"year": 2026.5, "papers": []})"), QStringLiteral("half.json"));
    REQUIRE_FALSE(fraction.ok());
    CHECK(std::any_of(fraction.errors.begin(), fraction.errors.end(), [](const core::Error& e) {
        return e.message.contains(QStringLiteral("年份不是整数"));
    }));
}
