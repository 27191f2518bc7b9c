#include "support/StatsFixture.h"

#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "store/CatalogRepository.h"

namespace onewindow::test {

namespace {

using core::EventType;
namespace payload = core::payload;

} // namespace

StatsFixture::StatsFixture()
    : HallFixture(QDateTime(QDate(2025, 11, 28), QTime(9, 0),
                            QTimeZone(QByteArrayLiteral("Asia/Shanghai"))))
{
    item2 = sampleItem(2, QStringLiteral("营业执照变更登记"));
    item2.department = QStringLiteral("市场监管局");
    item2.statutoryDays = 20;
    item2.promisedDays = 10;
    REQUIRE(store::CatalogRepository(*store).importItems({item2}, QStringLiteral("test")).ok());
    cases = std::make_unique<store::CaseStore>(*store); // sees the second item

    const auto receive = [&](const char* day, const core::ReceivedInput& in, const char* clerk) {
        setNow(day, "09:00");
        auto r = cases->receive(in, QString::fromLatin1(clerk));
        REQUIRE(r.ok());
        return r->event.caseId;
    };
    const auto act = [&](const QString& id, const char* day, EventType type,
                         const QJsonObject& p = {}, const char* actor = "clerk-1") {
        setNow(day, "10:00");
        auto r = cases->append(id, type, p, QString::fromLatin1(actor));
        if (!r.ok())
            FAIL(r.error().message.toStdString());
    };

    caseH = receive("2025-11-28", intake(), "clerk-1");
    act(caseH, "2025-11-28", EventType::Accepted, payload::accepted());
    act(caseH, "2025-12-03", EventType::Decided, payload::decided(QStringLiteral("granted")));
    act(caseH, "2025-12-03", EventType::Delivered,
        payload::delivered(QStringLiteral("electronic")));

    caseA = receive("2025-12-01", intake(), "clerk-1");
    act(caseA, "2025-12-01", EventType::Accepted, payload::accepted());
    act(caseA, "2025-12-10", EventType::Decided, payload::decided(QStringLiteral("granted")));
    act(caseA, "2025-12-10", EventType::Delivered,
        payload::delivered(QStringLiteral("electronic")));
    act(caseA, "2025-12-11", EventType::Rated, payload::rated(5));

    caseB = receive("2025-12-02", intake(true), "clerk-1");
    act(caseB, "2025-12-02", EventType::NoticeIssued,
        payload::notice(core::correctionsFor(*cases->state(caseB), item), 5));
    {
        QList<core::MaterialCheck> fixed = core::checklistFor(item);
        act(caseB, "2025-12-04", EventType::Corrected, payload::corrected({fixed[1]}));
    }
    act(caseB, "2025-12-04", EventType::Accepted, payload::accepted());
    act(caseB, "2025-12-05", EventType::Suspended,
        payload::suspended(QStringLiteral("inspection"), QStringLiteral("现场核查")));
    act(caseB, "2025-12-12", EventType::Resumed);
    act(caseB, "2025-12-22", EventType::Decided, payload::decided(QStringLiteral("granted")));
    act(caseB, "2025-12-22", EventType::Delivered,
        payload::delivered(QStringLiteral("electronic")));
    act(caseB, "2025-12-23", EventType::Rated, payload::rated(2));

    caseC = receive("2025-12-29", intake(), "clerk-2");
    act(caseC, "2025-12-29", EventType::Accepted, payload::accepted(), "clerk-2");
    act(caseC, "2026-01-05", EventType::ExtensionRequested,
        payload::extensionRequested(QStringLiteral("promised"), 5, QStringLiteral("需现场核实")),
        "clerk-2");
    act(caseC, "2026-01-05", EventType::ExtensionApproved, {}, "supervisor-1");
    act(caseC, "2026-01-16", EventType::Decided, payload::decided(QStringLiteral("granted")),
        "clerk-2");
    act(caseC, "2026-01-16", EventType::Delivered, payload::delivered(QStringLiteral("electronic")),
        "clerk-2");
    act(caseC, "2026-01-16", EventType::Rated, payload::rated(4), "clerk-2");

    caseD = receive("2026-01-05", intake2(), "clerk-2");
    act(caseD, "2026-01-05", EventType::Accepted, payload::accepted(), "clerk-2");
    act(caseD, "2026-01-23", EventType::Decided, payload::decided(QStringLiteral("granted")),
        "clerk-2");
    act(caseD, "2026-01-23", EventType::Delivered, payload::delivered(QStringLiteral("electronic")),
        "clerk-2");
    act(caseD, "2026-01-23", EventType::Rated, payload::rated(3), "clerk-2");

    caseE = receive("2026-01-06", intake2(), "clerk-1");
    act(caseE, "2026-01-06", EventType::Refused,
        payload::refused(QStringLiteral("not_competent"), QStringLiteral("不属于本机关职权范围"),
                         QStringLiteral("兰州市市场监督管理局")));

    caseF = receive("2026-01-07", intake(true), "clerk-1");
    act(caseF, "2026-01-07", EventType::NoticeIssued,
        payload::notice(core::correctionsFor(*cases->state(caseF), item), 5));
    {
        QList<core::MaterialCheck> fixed = core::checklistFor(item);
        act(caseF, "2026-01-09", EventType::Corrected, payload::corrected({fixed[1]}));
        const QList<core::Correction> fresh{core::Correction{fixed[0].code, fixed[0].name,
                                                             QStringLiteral("签名与身份证不一致"),
                                                             QStringLiteral("申请人本人签名")}};
        act(caseF, "2026-01-12", EventType::NoticeIssued,
            payload::notice(fresh, 5, true, QStringLiteral("核查发现签名不符"),
                            QStringLiteral("supervisor-1")));
    }

    caseG = receive("2026-01-08", intake(), "clerk-2");
    act(caseG, "2026-01-08", EventType::Accepted, payload::accepted(), "clerk-2");
}

core::ReceivedInput StatsFixture::intake2() const
{
    core::ReceivedInput in = intake();
    in.itemCode = item2.code;
    in.materials = core::checklistFor(item2);
    return in;
}

} // namespace onewindow::test
