#include "ui/KeysFixture.h"

#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "store/CaseStore.h"

#include <QApplication>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace onewindow::test {

KeysDesk::KeysDesk()
{
    auto loaded = store::HallConfigRepository(*store).load();
    REQUIRE(loaded.ok());
    config = *loaded;
    cases = std::make_unique<store::CaseStore>(*store, config);
}

KeysDesk::~KeysDesk() = default;

ui::DocumentPrinting KeysDesk::printing() const
{
    ui::DocumentPrinting p;
    p.cases = cases.get();
    p.clock = &clock;
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
