// Issue 16: no Alt key means two things. Every window and dialog is walked as a clerk sees it (the
// zh_CN translation loaded: the Chinese text carries its own "(&X)"), every page of its tabs and
// steps, and every menu; a mnemonic used twice within one focus scope fails the test.
#include "ui/KeysFixture.h"

#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/EventSpec.h"
#include "core/EventText.h"
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "ui/ActionForm.h"
#include "ui/CaseView.h"
#include "ui/IntakeDialog.h"
#include "ui/MainWindow.h"
#include "ui/SetupDialog.h"
#include "ui/SignInDialog.h"
#include "ui/UsersDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace onewindow;

namespace {

// The Alt key of a text ("姓名(&N)：" -> N), empty when it has none.
QString mnemonicOf(const QString& text)
{
    const QKeySequence key = QKeySequence::mnemonic(text);
    return key.isEmpty() ? QString() : key.toString(QKeySequence::PortableText);
}

struct Scopes
{
    QStringList clashes;

    void check(const QString& scope, const QList<std::pair<QString, QString>>& owners)
    {
        QMap<QString, QStringList> byKey;
        for (const auto& [key, text] : owners)
            if (!key.isEmpty())
                byKey[key].append(text);
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
            if (it.value().size() > 1)
                clashes.append(QStringLiteral("%1: %2 → %3")
                                   .arg(scope, it.key(), it.value().join(QStringLiteral(" | "))));
    }

    // What Alt reaches in `top` now: its menu bar, tab bars and the visible widgets.
    void checkShown(QWidget* top, const QString& scope)
    {
        QList<std::pair<QString, QString>> owners;
        for (QWidget* w : top->findChildren<QWidget*>()) {
            if (!w->isVisibleTo(top))
                continue;
            if (auto* b = qobject_cast<QAbstractButton*>(w))
                owners.append({mnemonicOf(b->text()), b->text()});
            else if (auto* l = qobject_cast<QLabel*>(w); l && l->buddy())
                owners.append({mnemonicOf(l->text()), l->text()});
            else if (auto* g = qobject_cast<QGroupBox*>(w); g && g->isCheckable())
                owners.append({mnemonicOf(g->title()), g->title()});
            else if (auto* bar = qobject_cast<QTabBar*>(w)) {
                for (int i = 0; i < bar->count(); ++i)
                    if (bar->isTabVisible(i))
                        owners.append({mnemonicOf(bar->tabText(i)), bar->tabText(i)});
            } else if (auto* menus = qobject_cast<QMenuBar*>(w)) {
                for (QAction* a : menus->actions())
                    if (a->isVisible())
                        owners.append({mnemonicOf(a->text()), a->text()});
            }
        }
        check(scope, owners);
        for (QMenu* menu : top->findChildren<QMenu*>()) {
            QList<std::pair<QString, QString>> items;
            for (QAction* a : menu->actions())
                if (a->isVisible() && !a->isSeparator())
                    items.append({mnemonicOf(a->text()), a->text()});
            check(scope + QStringLiteral(" menu ") + menu->title(), items);
        }
    }

    // Every page of every tab widget and stacked widget in turn (the others as they are).
    void walk(QWidget* top, const QString& scope)
    {
        checkShown(top, scope);
        for (QTabWidget* tabs : top->findChildren<QTabWidget*>()) {
            const int was = tabs->currentIndex();
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->isTabVisible(i)) {
                    tabs->setCurrentIndex(i);
                    checkShown(top, scope + QStringLiteral(" / ") + tabs->tabText(i));
                }
            tabs->setCurrentIndex(was);
        }
        for (QStackedWidget* pages : top->findChildren<QStackedWidget*>()) {
            if (qobject_cast<QTabWidget*>(pages->parentWidget()))
                continue; // a tab widget's own stack: walked above
            const int was = pages->currentIndex();
            for (int i = 0; i < pages->count(); ++i) {
                pages->setCurrentIndex(i);
                checkShown(top, scope + QStringLiteral(" / ") + pages->widget(i)->objectName());
            }
            pages->setCurrentIndex(was);
        }
    }
};

} // namespace

TEST_CASE("No Alt key means two things: every window and dialog, in Chinese, has each mnemonic "
          "once per focus scope")
{
    // The test sees what clerks see: the Chinese translation is installed (tests/support/MainGui).
    REQUIRE(QCoreApplication::translate("onewindow::ui::MainWindow", "&Cases") !=
            QStringLiteral("&Cases"));
    test::KeysDesk d;
    const store::User admin = d.user(QStringLiteral("admin"), QStringLiteral("demo-admin"));
    Scopes scopes;

    auto notices = store::CalendarRepository(*d.store).loadNotices();
    REQUIRE(notices.ok());
    ui::MainWindow window(*d.store, d.clock, core::WorkingCalendar(*notices));
    window.setSignedIn(admin, d.config);
    window.resize(1200, 800);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    scopes.walk(&window, QStringLiteral("main window"));

    ui::IntakeDialog intake(*d.store, *d.cases, d.clerk, d.today(), &window);
    intake.show();
    scopes.walk(&intake, QStringLiteral("intake"));
    intake.done(QDialog::Rejected);

    const QString id = d.receive();
    ui::CaseView view(*d.cases, d.clerk, id, d.today(), &window);
    view.setPrinting(d.printing());
    view.show();
    scopes.walk(&view, QStringLiteral("case (received)"));
    REQUIRE(
        d.cases->append(id, core::EventType::Accepted, core::payload::accepted(), d.clerk.userId)
            .ok());
    view.reload();
    scopes.walk(&view, QStringLiteral("case (in progress)"));
    view.hide();

    for (const core::EventSpec* spec : core::eventSpecs()) {
        if (spec->form.isEmpty() || spec->system)
            continue;
        ui::ActionForm form(spec->type, *d.cases->state(id), d.item, &window);
        form.show();
        scopes.walk(&form, QStringLiteral("action ") + core::eventTypeName(spec->type));
    }

    ui::SignInDialog signIn(*d.store, d.config.hallName, QStringLiteral("demo"));
    signIn.show();
    scopes.walk(&signIn, QStringLiteral("sign-in"));
    ui::SignInDialog lock(*d.store, d.config.hallName, QString(), d.clerk);
    lock.show();
    scopes.walk(&lock, QStringLiteral("lock"));
    ui::UsersDialog users(*d.store, admin, &window);
    users.show();
    scopes.walk(&users, QStringLiteral("users"));
    test::TempStore fresh(QDateTime(QDate(2026, 9, 18), QTime(2, 0), QTimeZone::utc()));
    ui::SetupDialog setup(*fresh.store);
    setup.show();
    scopes.walk(&setup, QStringLiteral("setup"));

    INFO(scopes.clashes.join(QLatin1Char('\n')).toStdString());
    CHECK(scopes.clashes.isEmpty());
}
