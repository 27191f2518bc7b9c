#include "support/TestSupport.h"

#include "core/CaseFold.h"
#include "core/CaseState.h"
#include "core/Event.h"

using namespace onewindow;

TEST_CASE("Every event type has a stable key that reads back, and a name")
{
    QSet<QString> keys;
    for (int i = 0; i <= static_cast<int>(core::EventType::DocumentPrintFailed); ++i) {
        const auto type = static_cast<core::EventType>(i);
        const QString key = core::eventTypeKey(type);
        CHECK(key.startsWith(QStringLiteral("case.")));
        CHECK(core::eventTypeFromKey(key) == type);
        CHECK_FALSE(core::eventTypeName(type).isEmpty());
        keys.insert(key);
    }
    CHECK(keys.size() == static_cast<int>(core::EventType::DocumentPrintFailed) + 1);
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

TEST_CASE("An event's civil date is its UTC time's date in the hall's zone, across midnights and "
          "daylight-saving changes")
{
    // Runs of events an hour and a bit apart, so the remembered day is hit, left at midnight and
    // asked in another zone; the zones with daylight saving change their offset on the way.
    const QList<QTimeZone> zones{QTimeZone(QByteArrayLiteral("Asia/Shanghai")),
                                 QTimeZone(QByteArrayLiteral("Europe/Berlin")),
                                 QTimeZone(QByteArrayLiteral("America/Sao_Paulo")),
                                 QTimeZone::utc()};
    core::Event e;
    int checked = 0;
    for (qint64 ms =
             QDateTime(QDate(1986, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
         ms < QDateTime(QDate(2027, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
         ms += 4'211'000LL * 17) {
        e.occurredAtUtc = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        const QTimeZone& zone = zones[(ms / 86'400'000LL) % zones.size()];
        for (qint64 step : {0LL, 3'600'000LL, 7'199'999LL}) {
            e.occurredAtUtc = QDateTime::fromMSecsSinceEpoch(ms + step, QTimeZone::utc());
            REQUIRE(core::civilDate(e, zone) == e.occurredAtUtc.toTimeZone(zone).date());
            ++checked;
        }
    }
    CHECK(checked > 50'000);
    e.occurredAtUtc = QDateTime();
    CHECK_FALSE(core::civilDate(e, zones[0]).isValid());
}
