// Templates are resources a hall overrides from its configuration folder (hall.json); a template
// with an unknown placeholder or a missing file is refused, naming both, and the built-in one used.
#include "documents/DocumentFixture.h"
#include "support/TestSupport.h"

#include "documents/DocumentFields.h"
#include "documents/HallProfile.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>

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

} // namespace

TEST_CASE("Every built-in template fills with its kind's fields and nothing unknown")
{
    for (DocumentKind kind : core::allDocumentKinds()) {
        for (PageFormat format : {PageFormat::A4, PageFormat::Receipt80mm}) {
            if (!documents::hasFormat(kind, format))
                continue;
            const documents::Template t = documents::builtInTemplate(kind, format);
            INFO(t.origin.toStdString());
            REQUIRE_FALSE(t.html.isEmpty());
            CHECK(t.html.contains(QStringLiteral("{{document_number}}")));
        }
    }
    test::DocumentFixture h;
    const QString readme =
        QString::fromUtf8(test::readSourceFile(QStringLiteral("resources/documents/README.md")));
    for (DocumentKind kind : core::allDocumentKinds()) {
        const QString id = h.caseOf(kind);
        // Every placeholder a kind has is documented for the halls.
        auto t = h.cases->previewPrint(id, kind);
        REQUIRE(t.ok());
        auto fields = documents::documentFields(documents::DocumentRequest{kind,
                                                                           PageFormat::A4,
                                                                           t->events,
                                                                           t->context,
                                                                           t->source,
                                                                           t->number,
                                                                           t->reprint,
                                                                           test::d("2026-11-20"),
                                                                           test::testHall(),
                                                                           {}});
        REQUIRE(fields.ok());
        for (const QString& key : fields->keys()) {
            INFO(key.toStdString());
            CHECK(readme.contains(QStringLiteral("{{%1}}").arg(key)));
        }
        const auto p = h.print(id, kind);
        INFO(core::documentKindKey(kind).toStdString());
        CHECK(p.templateOrigin.startsWith(QStringLiteral(":/resources/documents/a4/")));
        CHECK_FALSE(p.text.contains(QStringLiteral("{{")));
        CHECK(p.warnings.isEmpty());
    }
}

TEST_CASE("A hall's template override is used when it is complete")
{
    test::DocumentFixture h;
    const QString path = h.dir.filePath(QStringLiteral("my-acceptance.html"));
    writeFile(path,
              QStringLiteral("<p class=\"title\">受理通知书</p><p>本中心专用：{{applicant_name}} "
                             "{{case_number}} 法定办结 {{statutory_date}}</p>"
                             "{{issuer_block}}")
                  .toUtf8());
    documents::HallProfile hall = test::testHall();
    hall.templates.insert(QStringLiteral("acceptance"), path);
    const QString id = h.accepted();
    const auto p = h.print(id, DocumentKind::Acceptance, PageFormat::A4, hall);
    CHECK(p.warnings.isEmpty());
    CHECK(p.templateOrigin == path);
    CHECK(test::compact(p.text).contains(QStringLiteral("本中心专用：张三")));
    CHECK(test::compact(p.text).contains(QStringLiteral("法定办结2026年10月22日")));
}

TEST_CASE("A template with an unknown placeholder is refused, naming both, and the built-in used")
{
    test::DocumentFixture h;
    const QString path = h.dir.filePath(QStringLiteral("bad-notice.html"));
    writeFile(path, QByteArrayLiteral("<p>本中心专用 {{applicant_name}} {{applicant_nmae}}</p>"));
    documents::HallProfile hall = test::testHall();
    hall.templates.insert(QStringLiteral("notice"), path);
    const auto p = h.print(h.noticed(), DocumentKind::Notice, PageFormat::A4, hall);
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings.first().code == QStringLiteral("template.unknown_placeholder"));
    CHECK(p.warnings.first().message.contains(path));
    CHECK(p.warnings.first().message.contains(QStringLiteral("{{applicant_nmae}}")));
    CHECK(p.templateOrigin == QStringLiteral(":/resources/documents/a4/notice.html"));
    CHECK_FALSE(p.text.contains(QStringLiteral("本中心专用")));
    CHECK(test::compact(p.text).contains(QStringLiteral("一次性告知书")));
}

TEST_CASE("A missing template file is refused, naming the file and the template, built-in used")
{
    test::DocumentFixture h;
    const QString path = h.dir.filePath(QStringLiteral("no-such-receipt.html"));
    documents::HallProfile hall = test::testHall();
    hall.templates.insert(QStringLiteral("acceptance-80mm"), path);
    const auto p = h.print(h.accepted(), DocumentKind::Acceptance, PageFormat::Receipt80mm, hall);
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings.first().code == QStringLiteral("template.missing"));
    CHECK(p.warnings.first().message.contains(path));
    CHECK(p.warnings.first().message.contains(QStringLiteral("acceptance-80mm")));
    CHECK(p.templateOrigin == QStringLiteral(":/resources/documents/80mm/acceptance.html"));
    CHECK(test::compact(p.text).contains(QStringLiteral("受理回执")));
}

TEST_CASE("hall.json names the hall, its seal, query URL, bodies and template overrides")
{
    test::DocumentFixture h;
    const QString dir = h.dir.filePath(QStringLiteral("config"));
    REQUIRE(QDir().mkpath(dir + QStringLiteral("/templates")));
    QImage seal(400, 400, QImage::Format_ARGB32);
    seal.fill(Qt::transparent);
    {
        QPainter p(&seal);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(210, 20, 20), 14));
        p.drawEllipse(QRectF(10, 10, 380, 380));
    }
    REQUIRE(seal.save(dir + QStringLiteral("/seal.png")));
    writeFile(dir + QStringLiteral("/templates/ready.html"),
              QByteArrayLiteral("<p>出件通知 {{case_number}} 请到 {{where_to_submit}} 领取</p>"
                                "{{issuer_block}}"));
    writeFile(dir + QStringLiteral("/hall.json"), R"({
        "name": "兰州市城关区政务服务中心",
        "address": "兰州市城关区北滨河中路1号",
        "phone": "0931-8888000",
        "sealImage": "seal.png",
        "queryUrl": "https://zwfw.example.cn/q?no={caseNumber}&code={queryCode}",
        "reviewBody": "兰州市城关区人民政府",
        "court": "兰州市城关区人民法院",
        "templates": {"ready": "templates/ready.html"},
        "departments": {"兰州市城关区自然资源局": {"sealImage": "seal.png"}}
    })");
    const documents::HallProfileLoad loaded = documents::loadHallProfile(dir);
    CHECK(loaded.warnings.isEmpty());
    const documents::HallProfile& hall = loaded.profile;
    CHECK(hall.name == QStringLiteral("兰州市城关区政务服务中心"));
    CHECK(hall.sealImage.endsWith(QStringLiteral("/config/seal.png")));
    CHECK(hall.court == QStringLiteral("兰州市城关区人民法院"));
    CHECK(hall.templates.value(QStringLiteral("ready"))
              .endsWith(QStringLiteral("templates/ready.html")));

    const QString id = h.ready();
    const auto p = h.print(id, DocumentKind::Ready, PageFormat::A4, hall);
    CHECK(p.warnings.isEmpty());
    CHECK(test::compact(p.text).contains(QStringLiteral("请到城关区政务服务中心一楼领取")));
    const auto notice = h.print(id, DocumentKind::Acceptance, PageFormat::A4, hall);
    CHECK(notice.qrPayload.startsWith("https://zwfw.example.cn/q?no=620102-20260918-W07-"));
    // The seal is the only image (the QR code is drawn as vector squares).
    CHECK(test::pdfImageCount(notice.pdf) >= 1);
    CHECK(test::pdfImageCount(h.print(id, DocumentKind::Acceptance).pdf) == 0);

    // Problems are told, naming the file and the field, and the defaults are kept.
    writeFile(dir + QStringLiteral("/hall.json"),
              R"({"name": "某中心", "sealImage": "gone.png", "queryUrl": "https://例子.cn/{x}"})");
    const documents::HallProfileLoad bad = documents::loadHallProfile(dir);
    CHECK(bad.profile.name == QStringLiteral("某中心"));
    CHECK(bad.profile.sealImage.isEmpty());
    CHECK(bad.profile.queryUrl.isEmpty());
    REQUIRE(bad.warnings.size() == 2);
    CHECK(bad.warnings[0].message.contains(QStringLiteral("gone.png")));
    CHECK(bad.warnings[1].message.contains(QStringLiteral("queryUrl")));
    writeFile(dir + QStringLiteral("/hall.json"), QByteArrayLiteral("{ not json"));
    const documents::HallProfileLoad broken = documents::loadHallProfile(dir);
    REQUIRE(broken.warnings.size() == 1);
    CHECK(broken.warnings.first().message.contains(dir + QStringLiteral("/hall.json")));
    CHECK(broken.profile.name == documents::defaultHallProfile().name);
    CHECK(documents::loadHallProfile(h.dir.filePath(QStringLiteral("none"))).warnings.isEmpty());
}
