// The line parsing of `deadline --batch`, pure and in core so the batch-line fuzzer calls what the
// ctl calls: one answer or one error per input line, always.
#include "core/DeadlineQuery.h"

#include "support/TestSupport.h"

using namespace onewindow;
using onewindow::test::d;

namespace {

QList<core::BatchLine> linesOf(const QByteArray& input)
{
    qsizetype at = 0;
    const auto next = [&] {
        return at < input.size() ? static_cast<unsigned char>(input[at++]) : EOF;
    };
    QList<core::BatchLine> out;
    core::BatchLine line;
    while (core::readBatchLine(next, line))
        out.append(line);
    return out;
}

} // namespace

TEST_CASE("deadline --batch: a NUL byte neither ends nor hides a line, a long line stays one")
{
    QByteArray input("2026-01-05 3\n");
    input += QByteArray("\0 2026-01-05 3\n", 15);
    input += QByteArray(5000, 'x') + "\n";
    input += "\n2026-01-05 1"; // the last line needs no line feed
    const QList<core::BatchLine> lines = linesOf(input);
    REQUIRE(lines.size() == 5);
    CHECK_FALSE(lines[0].hasNul);
    CHECK(lines[1].hasNul);
    CHECK(lines[2].tooLong);
    CHECK(lines[2].bytes.size() == core::BatchLine::kMaxLine);
    CHECK(lines[3].bytes.isEmpty());
    CHECK(lines[4].bytes == "2026-01-05 1");
    CHECK(linesOf(QByteArray()).isEmpty());
}

TEST_CASE("deadline --batch: each line is blank, a query, or one problem")
{
    const auto parse = [](const QByteArray& bytes, bool nul = false, bool tooLong = false) {
        return core::parseBatchLine(core::BatchLine{bytes, nul, tooLong});
    };
    CHECK(parse("   \t ").blank);
    const core::BatchLineParse ok = parse(" 2026-01-05\t 10 ");
    CHECK(ok.problem.isEmpty());
    CHECK(ok.query.from == d("2026-01-05"));
    CHECK(ok.query.n == 10);
    CHECK(parse("2026-01-05 3", true).problem == QStringLiteral("含 NUL 字节"));
    CHECK(parse("2026-01-05 3", false, true).problem.contains(QStringLiteral("4095")));
    CHECK(parse("2026-01-05").problem == QStringLiteral("应为“FROM N”两项"));
    CHECK(parse("2026-02-30 1").problem.contains(QStringLiteral("无效")));
    CHECK(parse("2026-01-05 1e3").problem.contains(QStringLiteral("不是整数")));
    CHECK(parse("2026-01-05 1234567890").problem.contains(QStringLiteral("不是整数")));
    CHECK(parse("2026-01-05 -1").problem.contains(QStringLiteral("负数")));
    CHECK_FALSE(parse("2026-01-05 -1").blank);
}
