// Issue 19: the demo hall takes in disclosure applications of every reply type (政府信息公开条例
// Art. 36), some with a third party consulted (Art. 32), and a few frequent applicants whose
// applications in a month reach the processing fee's bands (国办函〔2020〕109号 Art. 4), counted in
// the seeded store.
#include "support/TestSupport.h"

#include "core/DisclosureApplicant.h"
#include "core/DisclosureFee.h"
#include "demo/DemoSeeder.h"
#include "store/CaseStore.h"
#include "store/DisclosureQueries.h"
#include "store/Store.h"

#include <QMap>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace onewindow;

namespace {

const QTimeZone kShanghai(QByteArrayLiteral("Asia/Shanghai"));

} // namespace

TEST_CASE("国办函〔2020〕109号 Art. 4: the demo hall's disclosure applications: every reply type, "
          "third parties consulted, frequent applicants charged in the fee bands")
{
    QTemporaryDir dir;
    // Friday 2026-11-20: 14,000 cases reach back 35 working days, into September (a fee notice
    // unpaid for 20 working days lapses within them).
    core::FakeClock clock{QDateTime(QDate(2026, 11, 20), QTime(15, 0), kShanghai)};
    auto opened = store::Store::open(dir.filePath(QStringLiteral("demo.sqlite")), clock);
    REQUIRE(opened.ok());
    std::unique_ptr<store::Store> st = std::move(opened).value();
    store::CaseStore cases(*st);
    auto seeded = demo::DemoSeeder(*st, cases, 7, 14000).run();
    INFO((seeded.ok() ? QString() : seeded.error().message).toStdString());
    REQUIRE(seeded.ok());

    QStringList ids;
    {
        QSqlQuery q(st->database());
        REQUIRE(q.exec(QStringLiteral("SELECT case_id FROM cases WHERE profile = 'disclosure'")));
        while (q.next())
            ids.append(q.value(0).toString());
    }
    REQUIRE(ids.size() > 100);

    QSet<int> types;
    int consulted = 0, weighed = 0, charged = 0, secondBand = 0, thirdBand = 0, paid = 0,
        lapsed = 0;
    QMap<std::pair<QString, int>, int> perApplicantMonth; // (fee key, yyyymm) -> applications
    store::DisclosureQueries queries(cases);
    for (const QString& id : ids) {
        auto state = cases.state(id);
        REQUIRE(state.ok());
        const core::CaseState& s = *state;
        REQUIRE(s.rejected.isEmpty());
        for (const core::ReplyRow& row : s.replies)
            types.insert(int(row.type));
        if (!s.thirdParty.isEmpty() && !s.thirdPartyOpinion.isEmpty())
            ++consulted;
        if (!s.thirdPartyWeighed.isEmpty())
            ++weighed;
        const QDate received = s.timeline.received;
        ++perApplicantMonth[{core::applicantFeeKey(s.applicant),
                             received.year() * 100 + received.month()}];
        if (s.feeNoticeEventId.isEmpty())
            continue;
        ++charged;
        // The notice states the applicant's earlier applications in the month as the store
        // counts them across the hall's cases, and the amount of its band.
        auto earlier = queries.earlierApplicationsInMonth(id);
        REQUIRE(earlier.ok());
        CHECK(s.feePrior == *earlier);
        CHECK(s.feePrior >= 10);
        CHECK(s.feeBasis == QStringLiteral("count"));
        CHECK(s.feeAmount == core::feeYuan(core::FeeBasis::ByCount, 1, s.feePrior));
        // The 11th-30th 100 元; from the 31st each band of ten 100 元 more.
        CHECK(s.feeAmount == (s.feePrior < 30 ? 100 : 100 * (2 + (s.feePrior - 30) / 10)));
        if (s.feePrior >= 30)
            ++secondBand;
        if (s.feePrior >= 40)
            ++thirdBand;
        if (s.feePaid)
            ++paid;
        if (s.status == core::CaseStatus::Withdrawn)
            ++lapsed;
    }
    // Every reply type of Art. 36.
    CHECK(types.size() == int(core::kReplyTypes.size()));
    // Third parties consulted, their opinions weighed in the replies.
    CHECK(consulted >= 3);
    CHECK(weighed >= 1);
    // A few frequent applicants past ten in a month; fees in the 11th-30th band and beyond.
    int frequent = 0;
    for (auto it = perApplicantMonth.cbegin(); it != perApplicantMonth.cend(); ++it)
        if (!it.key().first.isEmpty() && it.value() > 10)
            ++frequent;
    CHECK(frequent >= 2);
    CHECK(charged > secondBand);
    CHECK(secondBand > thirdBand);
    CHECK(thirdBand > 0);
    CHECK(paid > 0);
    CHECK(lapsed > 0); // not paid within 20 working days: withdrawn
    CHECK(paid + lapsed <= charged);
}
