// Issue 19: the window's reply step for a disclosure case (政府信息公开条例 Art. 36), through the
// case actions' form: reachable by keyboard, its payload the reply the fold accepts.
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/EventSpec.h"
#include "ui/ActionForm.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QTest>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

TEST_CASE("政府信息公开条例 Art. 36: the window's reply step answers a request by keyboard")
{
    core::ServiceItem item = test::licenceItem();
    item.name = QStringLiteral("政府信息公开申请");
    item.profile = core::ProcedureProfile::Disclosure;
    item.kind = core::ItemKind::Disclosure;
    test::CaseBuilder c(item);
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18").ok());
    REQUIRE(core::legalActions(c.state(), c.context(), test::d("2026-09-21"))
                .contains(EventType::DisclosureReplied));

    ui::ActionForm form(EventType::DisclosureReplied, c.state(), item);
    form.show();
    REQUIRE(QTest::qWaitForWindowExposed(&form));
    CHECK(form.hasFields());
    CHECK(QApplication::focusWidget() == form.findChild<QWidget*>(QStringLiteral("request")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    auto* type = form.findChild<QComboBox*>(QStringLiteral("type"));
    REQUIRE(type);
    CHECK(QApplication::focusWidget() == type);
    form.setValue(QStringLiteral("request"), QStringLiteral("2025年部门预算"));
    form.setValue(QStringLiteral("type"), QStringLiteral("published"));
    form.setValue(QStringLiteral("detail"), QStringLiteral("区政府门户网站财政预决算专栏"));
    const QJsonObject p = form.payload();
    REQUIRE(p.value(QStringLiteral("rows")).toArray().size() == 1);
    CHECK(p.value(QStringLiteral("applicantKind")).toString() == QStringLiteral("natural_person"));
    REQUIRE(c.add(EventType::DisclosureReplied, p, "2026-09-25").ok());
    CHECK(c.state().replies.first().type == core::ReplyType::Published);
    form.grab().save(test::screenshotPath("disclosure-reply"));
}
