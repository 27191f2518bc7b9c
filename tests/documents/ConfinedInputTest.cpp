// A hall's configuration names files only inside its folder, and its templates are bounded:
// issue 14's /etc/passwd printed into a PDF, images from anywhere, 500k placeholders.
#include "documents/DocumentFixture.h"
#include "support/TestSupport.h"

#include "documents/HallProfile.h"
#include "documents/Templates.h"

#include <QDir>
#include <QFile>
#include <QImage>

using namespace onewindow;
using core::DocumentKind;
using documents::PageFormat;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QStringList codes(const QList<core::Error>& errors)
{
    QStringList out;
    for (const core::Error& e : errors)
        out.append(e.code);
    return out;
}

} // namespace

TEST_CASE("hall.json templates outside its folder are refused: absolute, .. and symlinks")
{
    test::DocumentFixture h;
    const QString dir = h.dir.filePath(QStringLiteral("config"));
    REQUIRE(QDir().mkpath(dir));
    writeFile(h.dir.filePath(QStringLiteral("secret.html")), "<p>SECRET {{case_number}}</p>");
    REQUIRE(QFile::link(h.dir.filePath(QStringLiteral("secret.html")),
                        dir + QStringLiteral("/ready.html")));
    writeFile(dir + QStringLiteral("/hall.json"), R"({
        "templates": {"acceptance": "/etc/passwd", "notice": "../secret.html",
                      "ready": "ready.html", "refusal": "/proc/self/environ"}
    })");
    const documents::HallProfileLoad loaded = documents::loadHallProfile(dir);
    CHECK(loaded.profile.templates.isEmpty());
    REQUIRE(loaded.warnings.size() == 4);
    for (const core::Error& w : loaded.warnings) {
        CHECK(w.code == QStringLiteral("hall.outside_folder"));
        CHECK(w.message.contains(QStringLiteral("配置目录")));
    }
    const auto p = h.print(h.ready(), DocumentKind::Ready, PageFormat::A4, loaded.profile);
    CHECK(p.templateOrigin.startsWith(QStringLiteral(":/resources/documents/")));
    CHECK_FALSE(p.text.contains(QStringLiteral("SECRET")));
}

TEST_CASE("A template's images come only from the hall's folder")
{
    test::DocumentFixture h;
    const QString dir = h.dir.filePath(QStringLiteral("config"));
    REQUIRE(QDir().mkpath(dir));
    QImage logo(40, 40, QImage::Format_RGB32);
    logo.fill(Qt::red);
    REQUIRE(logo.save(dir + QStringLiteral("/logo.png")));
    REQUIRE(logo.save(h.dir.filePath(QStringLiteral("outside.png"))));
    const auto printWith = [&](const QString& src) {
        writeFile(dir + QStringLiteral("/ready.html"),
                  QStringLiteral("<p>出件 {{case_number}}</p><img src=\"%1\">{{issuer_block}}")
                      .arg(src)
                      .toUtf8());
        writeFile(dir + QStringLiteral("/hall.json"), R"({"templates": {"ready": "ready.html"}})");
        const documents::HallProfileLoad loaded = documents::loadHallProfile(dir);
        REQUIRE(loaded.warnings.isEmpty());
        auto p = h.print(h.ready(), DocumentKind::Ready, PageFormat::A4, loaded.profile);
        REQUIRE(p.warnings.isEmpty());
        return test::pdfImageCount(p.pdf);
    };
    CHECK(printWith(QStringLiteral("logo.png")) == 1);
    CHECK(printWith(h.dir.filePath(QStringLiteral("outside.png"))) == 0);
    CHECK(printWith(QStringLiteral("../outside.png")) == 0);
    CHECK(printWith(QStringLiteral("file://") + h.dir.filePath(QStringLiteral("outside.png"))) ==
          0);
}

TEST_CASE("A template of 500k placeholders or 20k unclosed tables is refused before parsing")
{
    test::DocumentFixture h;
    QString many;
    for (int i = 0; i < 500000; ++i)
        many += QStringLiteral("{{p%1}}").arg(i);
    QString tables = QStringLiteral("{{case_number}}");
    for (int i = 0; i < 20000; ++i)
        tables += QStringLiteral("<table><tr><td>");
    const QString shortNames = QStringLiteral("{{case_number}}").repeated(100000); // 1.5 MB
    const QSet<QString> known{QStringLiteral("case_number")};
    // The 500k-placeholder file (5.5 MB) is over the template size and never read; the other two
    // fit the size and are refused by their counts, before Qt or the placeholder scan sees them.
    const QList<QPair<QString, QString>> refused{
        {many, QStringLiteral("input.too_large")},
        {tables, QStringLiteral("template.too_complex")},
        {shortNames, QStringLiteral("template.too_complex")}};
    for (const auto& [html, code] : refused) {
        INFO(code.toStdString());
        auto problem = documents::templateTooComplex(html, QStringLiteral("t.html"));
        REQUIRE(problem);
        CHECK(problem->code == QStringLiteral("template.too_complex"));
        const QString path = h.dir.filePath(QStringLiteral("big.html"));
        QFile::remove(path);
        writeFile(path, html.toUtf8());
        QList<core::Error> warnings;
        const documents::Template t =
            documents::chooseTemplate(DocumentKind::Ready, PageFormat::A4,
                                      {{QStringLiteral("ready"), path}}, known, warnings);
        CHECK(t.origin.startsWith(QStringLiteral(":/")));
        CHECK(codes(warnings) == QStringList{code});
    }
    // At the limits a template is still taken, and its placeholders are listed once each.
    QString edge;
    for (int i = 0; i < documents::kMaxTemplatePlaceholders; ++i)
        edge += QStringLiteral("{{p%1}}").arg(i % 10);
    CHECK_FALSE(documents::templateTooComplex(edge, QStringLiteral("t.html")));
    CHECK(documents::placeholdersIn(edge).size() == 10);
    CHECK(documents::templateTooComplex(edge + QStringLiteral("{{p0}}"), QStringLiteral("t.html")));
}

TEST_CASE("A template that is a FIFO or a device is refused unread, the built-in used")
{
    test::DocumentFixture h;
    QList<core::Error> warnings;
    const documents::Template t = documents::chooseTemplate(
        DocumentKind::Ready, PageFormat::A4,
        {{QStringLiteral("ready"), QStringLiteral("/dev/zero")}}, {}, warnings);
    CHECK(t.origin.startsWith(QStringLiteral(":/")));
    CHECK(codes(warnings) == QStringList{QStringLiteral("input.not_regular")});
}

namespace {
QStringList brokenNames; // Qt's "Broken filename" warnings seen while the handler is installed
void watchBrokenNames(QtMsgType, const QMessageLogContext&, const QString& message)
{
    if (message.contains(QStringLiteral("Broken filename")))
        brokenNames.append(message);
}
} // namespace

TEST_CASE("hall.json file names with a control character are refused before any file function")
{
    // fuzz_hall_profile found a template name with a NUL reaching QFileInfo (Qt: "Broken
    // filename") and kept as the template's path.
    test::DocumentFixture h;
    const QString dir = h.dir.filePath(QStringLiteral("config"));
    REQUIRE(QDir().mkpath(dir));
    writeFile(dir + QStringLiteral("/ready.html"), "<p>{{case_number}}</p>");
    writeFile(dir + QStringLiteral("/seal.png"), "x");
    // JSON's own escapes \b \t \f pass strict JSON (a raw or \u-escaped NUL does not).
    writeFile(dir + QStringLiteral("/hall.json"), R"({
        "sealImage": "seal.png\b",
        "templates": {"ready": "re\tady.html", "notice": "ready.html\n",
                      "refusal": "re\fady.html", "acceptance": "ready.html"}
    })");
    brokenNames.clear();
    const QtMessageHandler previous = qInstallMessageHandler(watchBrokenNames);
    const documents::HallProfileLoad loaded = documents::loadHallProfile(dir);
    qInstallMessageHandler(previous);
    CHECK(brokenNames.isEmpty());
    CHECK(loaded.profile.sealImage.isEmpty());
    // "ready.html\n" is trimmed into a plain name; the acceptance template is kept.
    QStringList kept = loaded.profile.templates.keys(); // a hash: no order
    kept.sort();
    CHECK(kept == QStringList{QStringLiteral("acceptance"), QStringLiteral("notice")});
    const QStringList got = codes(loaded.warnings);
    CHECK(got.count(QStringLiteral("hall.bad_file_name")) == 3);
    for (const core::Error& w : loaded.warnings) {
        CHECK_FALSE(w.message.contains(QChar(0)));
        if (w.code == QStringLiteral("hall.bad_file_name"))
            CHECK((w.message.contains(QStringLiteral("\\u0008")) ||
                   w.message.contains(QStringLiteral("\\u0009")) ||
                   w.message.contains(QStringLiteral("\\u000c"))));
    }
}
