#include "support/ClerkHall.h"
#include "support/TestSupport.h"

#include "core/Clock.h"
#include "demo/DemoHall.h"
#include "store/CaseStore.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/UserRepository.h"
#include "ui/InquiryPage.h"
#include "ui/IntakeDialog.h"

#include <QLabel>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

// A failure the UI used to drop reaches the person: the catalog that cannot be read.

namespace {

struct BrokenCatalog : test::ClerkHall
{
    BrokenCatalog()
    {
        // The catalog cannot be read (as with a damaged file).
        QSqlQuery q(store->database());
        REQUIRE(q.exec(QStringLiteral("ALTER TABLE catalog_items RENAME TO catalog_unreadable")));
    }
};

} // namespace

TEST_CASE("An intake whose catalog cannot be read says so instead of showing an empty list")
{
    BrokenCatalog b;
    ui::IntakeDialog dialog(*b.store, *b.cases, b.clerk, QDate(2026, 9, 18));
    auto* hint = dialog.findChild<QLabel*>(QStringLiteral("itemHint"));
    REQUIRE(hint);
    CHECK(hint->text().contains(QStringLiteral("无法读取事项目录")));
    CHECK(hint->text().contains(QStringLiteral("管理员")));
}

TEST_CASE("The inquiry page whose catalog cannot be read says so")
{
    BrokenCatalog b;
    auto config = store::HallConfigRepository(*b.store).load();
    REQUIRE(config.ok());
    ui::InquiryPage page(*b.store, b.clock, *config);
    page.setClerk(b.clerk);
    page.show(); // the page reads the catalog whenever it is shown
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    bool said = false;
    for (const QLabel* l : page.findChildren<QLabel*>())
        said = said || l->text().contains(QStringLiteral("无法读取事项目录"));
    CHECK(said);
}
