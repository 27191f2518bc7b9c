#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/Clock.h"
#include "demo/DemoCatalog.h"
#include "store/CatalogRepository.h"
#include "store/Store.h"
#include "ui/CatalogModel.h"
#include "ui/CatalogPage.h"
#include "ui/ItemEditorDialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

namespace {

struct CatalogFixture
{
    QTemporaryDir dir;
    core::FakeClock clock{QDateTime(QDate(2026, 11, 22), QTime(2, 0), QTimeZone::utc())};
    std::unique_ptr<store::Store> store;
    CatalogFixture(bool demo = true)
    {
        auto opened = store::Store::open(dir.filePath(QStringLiteral("s.sqlite")), clock);
        REQUIRE(opened.ok());
        store = std::move(opened).value();
        if (demo)
            REQUIRE(store::CatalogRepository(*store)
                        .importItems(demo::demoItems(), QStringLiteral("demo"))
                        .ok());
    }
};

} // namespace

TEST_CASE("The catalog page filters as pinyin initials are typed and shows the guide")
{
    CatalogFixture f;
    ui::CatalogPage page(*f.store);
    page.resize(1100, 700);
    page.show();
    page.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&page));
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int all = page.model()->rowCount();
    CHECK(all >= 30);
    page.searchEdit()->setFocus();
    QTest::keyClicks(page.searchEdit(), QStringLiteral("bdc"));
    CHECK(page.model()->rowCount() >= 4);
    CHECK(page.model()->rowCount() < all);
    for (int row = 0; row < page.model()->rowCount(); ++row)
        CHECK(page.model()
                  ->data(page.model()->index(row, ui::CatalogModel::NameColumn))
                  .toString()
                  .contains(QStringLiteral("不动产")));
    CHECK(page.guideHtml().contains(QStringLiteral("申请材料")));
    page.grab().save(test::screenshotPath("catalog"));

    QTest::keyClick(page.searchEdit(), Qt::Key_Down);
    CHECK(page.findChild<QTableView*>()->hasFocus());
    QTest::keyClick(page.findChild<QTableView*>(), Qt::Key_Escape);
    CHECK(page.searchEdit()->hasFocus());
}

TEST_CASE("The item editor saves an edit as a new version, with the reason")
{
    CatalogFixture f(false);
    store::CatalogRepository repo(*f.store);
    const core::ServiceItem original = test::sampleItem(1);
    REQUIRE(repo.importItems({original}, QStringLiteral("v1")).ok());

    ui::ItemEditorDialog dialog(*f.store, original.code);
    CHECK(dialog.loadError().isEmpty());
    CHECK(dialog.item() == original); // the form holds exactly the stored item
    auto* promised = dialog.findChild<QSpinBox*>(QStringLiteral("promisedSpin"));
    REQUIRE(promised);
    promised->setValue(3);
    CHECK_FALSE(dialog.save()); // no reason given yet
    CHECK(dialog.problems().last().contains(QStringLiteral("修改原因")));
    dialog.findChild<QLineEdit*>(QStringLiteral("noteEdit"))
        ->setText(QStringLiteral("承诺时限调整为 3 日"));
    REQUIRE(dialog.save());
    CHECK(dialog.savedVersion() == 2);
    CHECK(repo.itemVersion(original.code, 1)->item == original);
    CHECK(repo.currentItem(original.code)->item.promisedDays == 3);
}

TEST_CASE("The item editor sets each limit's unit beside it and the deferral period of 容缺受理")
{
    CatalogFixture f(false);
    store::CatalogRepository repo(*f.store);
    core::ServiceItem original = test::sampleItem(1);
    original.deferralDays = 7;
    REQUIRE(repo.importItems({original}, QStringLiteral("v1")).ok());

    ui::ItemEditorDialog dialog(*f.store, original.code);
    dialog.resize(900, 800);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    CHECK(dialog.item() == original);
    // Each unit sits on its limit's row, right of the number, not on top of it.
    for (const char* row : {"statutory", "promised", "correction"}) {
        INFO(row);
        auto* spin = dialog.findChild<QSpinBox*>(QLatin1String(row) + QStringLiteral("Spin"));
        auto* unit = dialog.findChild<QComboBox*>(QLatin1String(row) + QStringLiteral("UnitCombo"));
        REQUIRE(spin);
        REQUIRE(unit);
        CHECK(unit->isVisible());
        const QRect s(spin->mapTo(&dialog, QPoint(0, 0)), spin->size());
        const QRect u(unit->mapTo(&dialog, QPoint(0, 0)), unit->size());
        CHECK_FALSE(s.intersects(u));
        CHECK(u.left() >= s.right());
        CHECK(u.top() < s.bottom());
        CHECK(s.top() < u.bottom());
    }
    auto* deferral = dialog.findChild<QSpinBox*>(QStringLiteral("deferralSpin"));
    REQUIRE(deferral);
    CHECK(deferral->value() == 7);
    deferral->setValue(10);
    dialog.findChild<QLineEdit*>(QStringLiteral("noteEdit"))
        ->setText(QStringLiteral("容缺材料补交期限调整为 10 个工作日"));
    REQUIRE(dialog.save());
    CHECK(repo.currentItem(original.code)->item.deferralDays == 10);
}

TEST_CASE("The item editor shows validation beside the form and will not save an invalid item")
{
    CatalogFixture f(false);
    REQUIRE(store::CatalogRepository(*f.store)
                .importItems({test::sampleItem(1)}, QStringLiteral("v1"))
                .ok());
    ui::ItemEditorDialog dialog(*f.store, test::sampleItem(1).code);
    dialog.findChild<QSpinBox*>(QStringLiteral("promisedSpin"))->setValue(45);
    REQUIRE_FALSE(dialog.problems().isEmpty());
    CHECK(dialog.problems().first().contains(QStringLiteral("超过法定时限")));
    CHECK_FALSE(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->isEnabled());
    CHECK_FALSE(dialog.save());

    auto* profile = dialog.findChild<QComboBox*>(QStringLiteral("profileCombo"));
    profile->setCurrentIndex(profile->findData(static_cast<int>(core::ProcedureProfile::SameDay)));
    CHECK(dialog.item().promisedDays == 0); // same-day items promise the same day
    CHECK(dialog.problems().isEmpty());
}

TEST_CASE("The item editor adds and reorders materials; codes follow the materials")
{
    CatalogFixture f(false);
    core::ServiceItem item = test::sampleItem(1);
    REQUIRE(store::CatalogRepository(*f.store).importItems({item}, QStringLiteral("v1")).ok());
    ui::ItemEditorDialog dialog(*f.store, item.code);
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("materialsTable"));
    REQUIRE(table);
    dialog.findChild<QPushButton*>(QStringLiteral("addMaterialButton"))->click();
    REQUIRE(table->rowCount() == 3);
    table->item(2, 1)->setText(QStringLiteral("身份证明"));
    table->setCurrentCell(2, 1);
    dialog.findChild<QPushButton*>(QStringLiteral("moveUpButton"))->click();
    const QList<core::Material> materials = dialog.item().materials;
    REQUIRE(materials.size() == 3);
    CHECK(materials[1].name == QStringLiteral("身份证明"));
    CHECK(materials[1].code == item.code + QStringLiteral("003")); // a new number, kept on reorder
    CHECK(materials[2].code == item.code + QStringLiteral("002"));
    CHECK(materials[2].commitment == item.materials[1].commitment);
    dialog.grab().save(test::screenshotPath("item-editor"));
}

TEST_CASE("A new item is created through the editor with its first version")
{
    CatalogFixture f(false);
    ui::ItemEditorDialog dialog(*f.store, QString());
    CHECK_FALSE(dialog.problems().isEmpty()); // an empty form is not an item yet
    core::ServiceItem item = test::sampleItem(7, QStringLiteral("公章刻制备案"));
    dialog.setItem(item);
    CHECK(dialog.problems().isEmpty());
    REQUIRE(dialog.save());
    CHECK(dialog.savedVersion() == 1);
    CHECK(store::CatalogRepository(*f.store).currentItem(item.code)->item == item);
}
