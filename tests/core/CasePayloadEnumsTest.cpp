#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/EventText.h"

#include <QSet>

using namespace onewindow;

namespace {

template <typename E, std::size_t N>
void checkTable(const std::array<core::Named<E>, N>& table)
{
    QSet<QString> keys;
    QSet<QString> names;
    for (const core::Named<E>& n : table) {
        const QString key = core::keyOf(table, n.value);
        INFO(key.toStdString());
        CHECK_FALSE(key.isEmpty());
        CHECK_FALSE(core::nameOf(table, n.value).isEmpty());
        CHECK(core::fromKey(table, key) == n.value);
        keys.insert(key);
        names.insert(core::nameOf(table, n.value));
    }
    CHECK(keys.size() == static_cast<qsizetype>(N));  // no key twice
    CHECK(names.size() == static_cast<qsizetype>(N)); // no name twice
    CHECK_FALSE(core::fromKey(table, QStringLiteral("unknown")).has_value());
}

} // namespace

TEST_CASE("Payload enumerations: each key once, read back to its value, with a Chinese name")
{
    checkTable(core::kRefusalKinds);
    checkTable(core::kSuspensionKinds);
    checkTable(core::kDecisionOutcomes);
    checkTable(core::kDeliveryMethods);
    checkTable(core::kExtensionClocks);
    CHECK(core::keyOf(core::kRefusalKinds, core::RefusalKind::NotCompetent) ==
          QStringLiteral("not_competent"));
    CHECK(core::keyOf(core::kDecisionOutcomes, core::DecisionOutcome::NotGranted) ==
          QStringLiteral("not_granted"));
}

TEST_CASE("行政许可法 Art. 45, 政府信息公开条例 Art. 32: the suspension kinds are named as events "
          "describe them")
{
    for (const auto& n : core::kSuspensionKinds) {
        const QString key = core::keyOf(core::kSuspensionKinds, n.value);
        INFO(key.toStdString());
        CHECK(core::suspensionReasonName(key) == core::nameOf(core::kSuspensionKinds, n.value));
    }
}

TEST_CASE("行政许可法 Art. 32: the refusal kinds are named as events describe them")
{
    for (const auto& n : core::kRefusalKinds) {
        const QString key = core::keyOf(core::kRefusalKinds, n.value);
        INFO(key.toStdString());
        CHECK(core::refusalReasonName(key) == core::nameOf(core::kRefusalKinds, n.value));
    }
}
