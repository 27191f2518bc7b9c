// The hall's back offices at a window (hall.back_offices, pulled): kept whole in the hall's order,
// replaced by each pulled version, a forwarding's choices only at an enrolled window.
#include "store/BackOfficeRepository.h"
#include "store/CaseStore.h"
#include "store/SyncRepository.h"
#include "support/EnrolledStore.h"
#include "support/TempStore.h"

#include <catch2/catch.hpp>

using namespace onewindow;

namespace {

const QDateTime kNow(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC);
const QString kSocial = QStringLiteral("人力资源和社会保障后台审批组");
const QString kMarket = QStringLiteral("市场监管后台审批组");

} // namespace

TEST_CASE("Back offices: an island store forwards as free text; an enrolled one offers the "
          "hall's pulled list, in its order, replaced by the next version")
{
    test::TempStore s(kNow);
    store::BackOfficeRepository offices(*s.store);
    auto island = offices.forwardingChoices();
    REQUIRE(island.ok());
    CHECK_FALSE(island->has_value());

    REQUIRE(test::enrolWithoutServer(*s.store).ok());
    auto none = offices.forwardingChoices(); // enrolled, nothing pulled yet: an empty list
    REQUIRE(none.ok());
    REQUIRE(none->has_value());
    CHECK((*none)->isEmpty());

    store::CaseStore cases(*s.store);
    store::SyncRepository repo(cases);
    store::PulledMaster master;
    master.backOffices = QStringList{kSocial, kMarket};
    REQUIRE(repo.applyPull({}, 5, master).ok());
    CHECK(repo.lastMasterApplied().backOfficesChanged);
    CHECK(*offices.forwardingChoices() == std::optional<QStringList>({kSocial, kMarket}));

    // The same list again changes nothing; a shorter one replaces it whole.
    REQUIRE(repo.applyPull({}, 6, master).ok());
    CHECK_FALSE(repo.lastMasterApplied().backOfficesChanged);
    master.backOffices = QStringList{kMarket};
    REQUIRE(repo.applyPull({}, 7, master).ok());
    CHECK(repo.lastMasterApplied().backOfficesChanged);
    CHECK(*offices.list() == QStringList{kMarket});
    // A page without the record leaves the list as it is.
    REQUIRE(repo.applyPull({}, 8, store::PulledMaster{}).ok());
    CHECK(*offices.list() == QStringList{kMarket});
}
