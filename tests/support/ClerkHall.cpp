#include "support/ClerkHall.h"

#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoHall.h"
#include "store/CaseStore.h"

namespace onewindow::test {

namespace {

const QTimeZone kHallZone(QByteArrayLiteral("Asia/Shanghai"));

} // namespace

ClerkHall::ClerkHall(const QDateTime& nowUtc) : TempStore(nowUtc)
{
    REQUIRE(demo::prepareDemoHall(*store).ok());
    cases = std::make_unique<store::CaseStore>(*store);
    clerk = user(QStringLiteral("zhangsan"), QStringLiteral("demo-clerk"));
    for (const core::ServiceItem& i : demo::demoItems())
        if (i.name == QStringLiteral("食品经营许可"))
            item = i;
    REQUIRE_FALSE(item.code.isEmpty());
}

ClerkHall::~ClerkHall() = default;

store::User ClerkHall::user(const QString& login, const QString& password) const
{
    auto signedIn = store::UserRepository(*store).signIn(login, password);
    REQUIRE(signedIn.ok());
    return *signedIn;
}

void ClerkHall::at(const char* isoDate, QTime hallTime)
{
    clock.set(QDateTime(d(isoDate), hallTime, kHallZone));
}

QDate ClerkHall::today() const
{
    return clock.todayIn(kHallZone);
}

QString ClerkHall::receive(bool accept, const store::User* by)
{
    const QString actor = by ? by->userId : clerk.userId;
    auto r = cases->receive(completeApplication(item), actor);
    REQUIRE(r.ok());
    if (accept)
        REQUIRE(cases
                    ->append(r->event.caseId, core::EventType::Accepted, core::payload::accepted(),
                             actor)
                    .ok());
    return r->event.caseId;
}

} // namespace onewindow::test
