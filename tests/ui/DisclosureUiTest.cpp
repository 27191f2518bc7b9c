// Issue 19: the window's reply step for a disclosure case (政府信息公开条例 Art. 36), through the
// case actions' form: reachable by keyboard, its payload the reply the fold accepts.
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"
#include "ui/KeysFixture.h"

#include "core/EventSpec.h"
#include "demo/DemoCatalog.h"
#include "ui/ActionForm.h"
#include "ui/CaseView.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QMenu>
#include <QMessageBox>
#include <QPageLayout>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
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

TEST_CASE("政府信息公开条例 Art. 36: the case view prints the reply's 80 mm slip where the "
          "applicant collects it in person")
{
    test::KeysDesk d;
    for (const core::ServiceItem& i : demo::demoItems())
        if (i.profile == core::ProcedureProfile::Disclosure)
            d.item = i;
    REQUIRE(d.item.profile == core::ProcedureProfile::Disclosure);
    core::ReceivedInput in = test::completeApplication(d.item);
    for (core::MaterialCheck& m : in.materials)
        if (m.name.startsWith(QStringLiteral("申请人身份证明")))
            m.state = core::MaterialState::Provided; // the ID card (its name mentions 营业执照)
    auto received = d.cases->receive(in, d.clerk.userId);
    INFO((received ? QString() : received.error().message).toStdString());
    REQUIRE(received.ok());
    const QString id = received->event.caseId;
    REQUIRE(d.cases->append(id, EventType::Accepted, payload::accepted(), d.clerk.userId).ok());
    d.at("2026-09-25", QTime(15, 0));
    const core::ReplyRow row{QStringLiteral("2025年部门预算"),
                             core::ReplyType::Published,
                             {},
                             QStringLiteral("区政府门户网站财政预决算专栏"),
                             {},
                             {}};
    REQUIRE(d.cases
                ->append(id, EventType::DisclosureReplied,
                         payload::disclosureReplied({row}, QStringLiteral("natural_person")),
                         d.clerk.userId)
                .ok());
    ui::CaseView view(*d.cases, d.clerk, id, d.today());
    view.setPrinting(d.printing());
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    QMenu* menu = nullptr;
    for (QPushButton* b : view.findChildren<QPushButton*>())
        if (b->menu())
            menu = b->menu();
    REQUIRE(menu);
    QAction* slip = nullptr;
    QStringList texts;
    for (QAction* a : menu->actions()) {
        texts.append(a->text());
        if (a->text() == QStringLiteral("政府信息公开申请答复书（80 毫米小票）"))
            slip = a;
    }
    INFO(texts.join(QLatin1Char('|')).toStdString());
    CHECK(texts.contains(QStringLiteral("政府信息公开申请答复书")));
    REQUIRE(slip);
    // The preview lays the slip out on the 80 mm roll.
    double widthMm = 0;
    test::onNextModal(&view, [&](QWidget* modal) {
        auto* preview = qobject_cast<QPrintPreviewDialog*>(modal);
        if (!preview) {
            modal->close();
            return;
        }
        QTest::qWait(50);
        widthMm = preview->printer()->pageLayout().fullRect(QPageLayout::Millimeter).width();
        // Closed unprinted: the question how the applicant got it is answered 另行交付.
        test::onNextModal(preview, [](QWidget* box) {
            if (auto* m = qobject_cast<QMessageBox*>(box))
                for (QAbstractButton* b : m->buttons())
                    if (m->buttonRole(b) == QMessageBox::AcceptRole)
                        b->click();
            if (box->isVisible())
                box->close();
        });
        QApplication::setActiveWindow(preview);
        QTest::keyClick(preview, Qt::Key_Escape);
        if (preview->isVisible())
            preview->done(QDialog::Rejected);
    });
    slip->trigger();
    CHECK(widthMm == Approx(80).margin(1));
}
