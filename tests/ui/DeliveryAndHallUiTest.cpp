// Issue 15 in the window: the applicant's delivery choice and postal address at intake, by
// keyboard with its message in Chinese; the status bar's warning when the hall's letters would go
// out without its name or seal.
#include "support/ClerkHall.h"
#include "support/TestSupport.h"
#include "ui/ChildWidget.h"

#include "core/Clock.h"
#include "demo/DemoHall.h"
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/UserRepository.h"
#include "ui/IntakeDialog.h"
#include "ui/MainWindow.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using test::child;

namespace {

using DemoWindow = test::ClerkHall;

void typeChinese(QWidget* w, const QString& text)
{
    w->setFocus();
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(w, &commit);
}

// The next widget Tab gives focus to after `from`.
QWidget* tabAfter(QWidget* from)
{
    for (QWidget* w = from->nextInFocusChain(); w && w != from; w = w->nextInFocusChain())
        if ((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(from->window()) && w->isEnabled())
            return w;
    return nullptr;
}

} // namespace

TEST_CASE("Intake asks how the result is delivered: 邮寄 needs an address, told in Chinese, and "
          "the choice is recorded in the receipt event")
{
    DemoWindow w;
    ui::IntakeDialog dialog(*w.store, *w.cases, w.clerk, QDate(2026, 9, 18));
    dialog.show();
    auto* search = child<QLineEdit>(&dialog, "itemSearchEdit");
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("spjyxk"));
    QTest::keyClick(search, Qt::Key_Return);
    REQUIRE(dialog.step() == ui::IntakeDialog::ApplicantStep);
    typeChinese(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("张三"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "idEdit"), QStringLiteral("11010519491231002X"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "phoneEdit"), QStringLiteral("13912345678"));

    // Keyboard-reachable: Tab goes from the agent's ID to the delivery choice, then the address.
    auto* delivery = child<QComboBox>(&dialog, "deliveryCombo");
    auto* postal = child<QLineEdit>(&dialog, "postalEdit");
    CHECK(tabAfter(child<QLineEdit>(&dialog, "agentIdEdit")) == delivery);
    // The item's methods, in Chinese; the address row only for 邮寄.
    REQUIRE(delivery->count() == 3);
    CHECK(delivery->itemText(0) == QStringLiteral("窗口领取"));
    CHECK_FALSE(postal->isVisibleTo(&dialog));
    delivery->setFocus();
    QTest::keyClick(delivery, Qt::Key_Down);
    REQUIRE(delivery->currentText() == QStringLiteral("邮寄"));
    CHECK(postal->isVisibleTo(&dialog));
    CHECK(tabAfter(delivery) == postal);

    QTest::keyClick(delivery, Qt::Key_Return); // no address yet: stays, says why
    CHECK(dialog.step() == ui::IntakeDialog::ApplicantStep);
    CHECK(dialog.problems().contains(QStringLiteral("选择邮寄送达的，请填写邮寄地址")));

    typeChinese(postal, QStringLiteral("兰州市城关区酒泉路100号"));
    QTest::keyClick(postal, Qt::Key_Return);
    REQUIRE(dialog.step() == ui::IntakeDialog::MaterialsStep);
    QTest::keyClick(dialog.focusWidget(), Qt::Key_F9);
    REQUIRE(dialog.step() == ui::IntakeDialog::DecisionStep);
    QTest::keyClick(dialog.focusWidget() ? dialog.focusWidget() : &dialog, Qt::Key_Return);
    REQUIRE_FALSE(dialog.caseId().isEmpty());
    auto state = w.cases->state(dialog.caseId());
    REQUIRE(state.ok());
    CHECK(state->delivery == core::DeliveryOption::Post);
    CHECK(state->postalAddress == QStringLiteral("兰州市城关区酒泉路100号"));
}

TEST_CASE("The window's status bar warns while the hall's letters lack its name or seal image, "
          "and stops once hall.json gives them")
{
    DemoWindow w;
    const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
    const QString config = w.dir.filePath(QStringLiteral("config"));
    REQUIRE(QDir().mkpath(config + QStringLiteral("/onewindow")));
    qputenv("XDG_CONFIG_HOME", config.toUtf8());
    auto notices = store::CalendarRepository(*w.store).loadNotices();
    REQUIRE(notices.ok());
    auto hall = store::HallConfigRepository(*w.store).loadOrDefaults();
    REQUIRE(hall.ok());
    {
        ui::MainWindow window(*w.store, w.clock, core::WorkingCalendar(*notices));
        window.setSignedIn(w.clerk, *hall);
        window.documentPrinting();
        auto* label = window.statusBar()->findChild<QLabel*>(QStringLiteral("hallProfileWarning"));
        REQUIRE(label);
        INFO(label->text().toStdString());
        // The demo hall has its name from setup; no hall.json: no seal image.
        CHECK(label->text().startsWith(QStringLiteral("文书打印时缺少印章图片")));
        // Short on the bar (room for the sync status and notices); what to do on the pointer.
        CHECK(label->text().size() < 20);
        CHECK(label->toolTip().contains(QStringLiteral("hall.json")));

        QImage seal(100, 100, QImage::Format_ARGB32);
        seal.fill(Qt::red);
        REQUIRE(seal.save(config + QStringLiteral("/onewindow/seal.png")));
        QFile json(config + QStringLiteral("/onewindow/hall.json"));
        REQUIRE(json.open(QIODevice::WriteOnly));
        json.write(R"({"name": "兰州市城关区政务服务中心", "sealImage": "seal.png"})");
        json.close();
        window.documentPrinting();
        CHECK(label->text().isEmpty());
    }
    qputenv("XDG_CONFIG_HOME", saved);
}
