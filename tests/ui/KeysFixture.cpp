#include "ui/KeysFixture.h"

#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "demo/DemoCatalog.h"
#include "demo/DemoHall.h"
#include "store/CaseStore.h"

#include <QApplication>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace onewindow::test {

KeysDesk::KeysDesk()
{
    REQUIRE(demo::prepareDemoHall(*s.store).ok());
    auto loaded = store::HallConfigRepository(*s.store).load();
    REQUIRE(loaded.ok());
    config = *loaded;
    cases = std::make_unique<store::CaseStore>(*s.store, config);
    clerk = user(QStringLiteral("zhangsan"), QStringLiteral("demo-clerk"));
    for (const core::ServiceItem& i : demo::demoItems())
        if (i.name == QStringLiteral("食品经营许可"))
            item = i;
}

KeysDesk::~KeysDesk() = default;

QDate KeysDesk::today() const
{
    return config.today(s.clock);
}

store::User KeysDesk::user(const QString& login, const QString& password) const
{
    auto signedIn = store::UserRepository(*s.store).signIn(login, password);
    REQUIRE(signedIn.ok());
    return *signedIn;
}

QString KeysDesk::receive()
{
    auto r = cases->receive(completeApplication(item), clerk.userId);
    REQUIRE(r.ok());
    return r->event.caseId;
}

ui::DocumentPrinting KeysDesk::printing() const
{
    ui::DocumentPrinting p;
    p.cases = cases.get();
    p.clock = &s.clock;
    p.hall.name = config.hallName;
    p.actor = clerk.userId;
    return p;
}

QWidget* keyTarget(QWidget* window)
{
    QWidget* focus = window->focusWidget();
    return focus ? focus : window;
}

void onNextModal(QWidget* under, std::function<void(QWidget*)> act, int tries)
{
    QPointer<QWidget> guard(under);
    const bool hadUnder = under != nullptr;
    QTimer::singleShot(10, [guard, hadUnder, act = std::move(act), tries]() mutable {
        QWidget* modal = QApplication::activeModalWidget();
        QWidget* below = hadUnder ? guard.data() : nullptr;
        if (modal && modal != below && modal->isVisible())
            act(modal);
        else if (tries > 0)
            onNextModal(below, std::move(act), tries - 1);
    });
}

} // namespace onewindow::test
