#include "support/TestSupport.h"

#include "core/CaseState.h"
#include "core/Event.h"

using namespace onewindow;

TEST_CASE("Every event type has a stable key that reads back, and a name")
{
    QSet<QString> keys;
    for (int i = 0; i <= static_cast<int>(core::EventType::DeadlineRecomputed); ++i) {
        const auto type = static_cast<core::EventType>(i);
        const QString key = core::eventTypeKey(type);
        CHECK(key.startsWith(QStringLiteral("case.")));
        CHECK(core::eventTypeFromKey(key) == type);
        CHECK_FALSE(core::eventTypeName(type).isEmpty());
        keys.insert(key);
    }
    CHECK(keys.size() == static_cast<int>(core::EventType::DeadlineRecomputed) + 1);
    CHECK_FALSE(core::eventTypeFromKey(QStringLiteral("case.nonsense")).has_value());
    CHECK(core::isSystemEvent(core::EventType::DeemedAccepted));
    CHECK_FALSE(core::isSystemEvent(core::EventType::Accepted));
}

TEST_CASE("政府信息公开条例 Art. 31: the receipt day depends on how the application arrived")
{
    const QDate submitted(2026, 11, 20);
    const QDate confirmed(2026, 11, 23);
    CHECK(core::receiptDay(core::Channel::InPerson, submitted, confirmed) == submitted);
    CHECK(core::receiptDay(core::Channel::PostSigned, submitted, confirmed) == confirmed);
    CHECK(core::receiptDay(core::Channel::PostPlain, submitted, confirmed) == confirmed);
    CHECK(core::receiptDay(core::Channel::Internet, submitted, confirmed) == confirmed);
    CHECK(core::receiptDay(core::Channel::Fax, submitted, confirmed) == confirmed);
}
