// Issue 16, the case and its documents from the keyboard: no irreversible act on two Enters, and
// a print preview that reads, prints, zooms and pages from the keys and asks on Esc.
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"
#include "ui/KeysFixture.h"

#include "core/CasePayloads.h"
#include "core/EventText.h"
#include "store/CaseStore.h"
#include "ui/ActionForm.h"
#include "ui/CaseView.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPushButton>
#include <QTest>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

TEST_CASE("Two Enters never withdraw a case: no action is a default button; an irreversible one "
          "needs its reason and asks once, naming the case and what follows")
{
    test::KeysDesk d;
    const QString id = d.receive();
    REQUIRE(d.cases->append(id, EventType::Accepted, payload::accepted(), d.clerk.userId).ok());
    ui::CaseView view(*d.cases, d.clerk, id, d.today());
    view.setPrinting(d.printing());
    view.resize(1000, 720);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    REQUIRE(view.actions().contains(EventType::Withdrawn));
    for (QPushButton* b : view.findChildren<QPushButton*>())
        CHECK_FALSE(b->isDefault());

    // Enter, and Enter again in whatever opens: nothing is recorded.
    bool formOpened = false;
    test::onNextModal(
        &view,
        [&](QWidget* modal) {
            formOpened = true;
            QTest::keyClick(test::keyTarget(modal), Qt::Key_Return);
            if (modal->isVisible())
                modal->close();
        },
        20);
    QTest::keyClick(test::keyTarget(&view), Qt::Key_Return);
    QTest::qWait(400); // longer than the watcher above waits
    CHECK_FALSE(formOpened);
    CHECK(d.cases->state(id)->status == core::CaseStatus::InProgress);

    // The button itself: an empty reason is refused in the form, Enter on the question goes back,
    // and only the action's own button in the question records it.
    QPushButton* withdraw = nullptr;
    for (QPushButton* b : view.findChildren<QPushButton*>())
        if (b->text() == core::eventTypeName(EventType::Withdrawn))
            withdraw = b;
    REQUIRE(withdraw);
    QString emptyProblem;
    QString question;
    bool enterWentBack = false;
    bool confirmed = false;
    test::onNextModal(&view, [&](QWidget* modal) {
        auto* form = qobject_cast<ui::ActionForm*>(modal);
        if (!form) {
            modal->close();
            return;
        }
        QTest::keyClick(test::keyTarget(form), Qt::Key_Return);
        if (auto* problem = form->findChild<QLabel*>(QStringLiteral("problemLabel"));
            form->isVisible() && problem->isVisible())
            emptyProblem = problem->text();
        form->setValue(QStringLiteral("reason"), QStringLiteral("申请人另行办理"));
        test::onNextModal(form, [&](QWidget* box) {
            if (auto* m = qobject_cast<QMessageBox*>(box))
                question = m->text();
            box->grab().save(test::screenshotPath("keys-withdraw-question"));
            QTest::keyClick(box, Qt::Key_Return);
        });
        QTest::keyClick(test::keyTarget(form), Qt::Key_Return);
        enterWentBack = form->isVisible();
        test::onNextModal(form, [&](QWidget* box) {
            for (QPushButton* b : box->findChildren<QPushButton*>())
                if (b->text() == core::eventTypeName(EventType::Withdrawn)) {
                    confirmed = true;
                    b->click();
                    return;
                }
            box->close();
        });
        QTest::keyClick(test::keyTarget(form), Qt::Key_Return);
        if (form->isVisible())
            form->reject();
    });
    withdraw->click();
    CHECK(emptyProblem.contains(QStringLiteral("撤回申请的原因")));
    CHECK(question.contains(d.cases->state(id)->caseNumber));
    CHECK(question.contains(d.cases->state(id)->applicant.name));
    CHECK(question.contains(QStringLiteral("不能恢复")));
    CHECK(enterWentBack);
    CHECK(confirmed);
    CHECK(d.cases->state(id)->status == core::CaseStatus::Withdrawn);
    view.grab().save(test::screenshotPath("keys-case-withdrawn"));
}

TEST_CASE("The print preview from the keys: it opens readable (fit width), Ctrl++ zooms, Ctrl+P "
          "and Enter print, and Esc before printing asks how the applicant got the certificate")
{
    test::KeysDesk d;
    const QString id = d.receive();
    REQUIRE(d.cases->append(id, EventType::Accepted, payload::accepted(), d.clerk.userId).ok());
    const QString caseNumber = d.cases->state(id)->caseNumber;
    QWidget parent;
    parent.resize(1600, 1000);
    parent.show();
    REQUIRE(QTest::qWaitForWindowExposed(&parent));

    QPrintPreviewWidget::ZoomMode openedAs = QPrintPreviewWidget::FitInView;
    double openedZoom = 0;
    double zoomedIn = 0;
    QStringList printDialogs; // what Ctrl+P and Enter opened
    QString question;
    test::onNextModal(&parent, [&](QWidget* modal) {
        auto* dialog = qobject_cast<QPrintPreviewDialog*>(modal);
        auto* preview = modal->findChild<QPrintPreviewWidget*>();
        if (!dialog || !preview) {
            modal->close();
            return;
        }
        QTest::qWait(50);
        openedAs = preview->zoomMode();
        openedZoom = preview->zoomFactor();
        dialog->grab().save(test::screenshotPath("keys-preview"));
        QApplication::setActiveWindow(dialog);
        QTest::keySequence(dialog, QKeySequence(Qt::CTRL | Qt::Key_Plus));
        zoomedIn = preview->zoomFactor();
        for (const QKeySequence& keys :
             {QKeySequence(Qt::CTRL | Qt::Key_P), QKeySequence(Qt::Key_Return)}) {
            test::onNextModal(dialog, [&](QWidget* printDialog) {
                printDialogs.append(QString::fromLatin1(printDialog->metaObject()->className()));
                qobject_cast<QDialog*>(printDialog)->reject(); // not printed after all
            });
            QApplication::setActiveWindow(dialog); // the keys are the preview's
            QTest::keySequence(dialog, keys);
        }
        // Esc: asked; Enter goes back to the preview, then 另行交付 closes it with a note.
        test::onNextModal(dialog, [&](QWidget* box) {
            if (auto* m = qobject_cast<QMessageBox*>(box))
                question = m->text();
            box->grab().save(test::screenshotPath("keys-preview-esc"));
            QTest::keyClick(box, Qt::Key_Return);
        });
        QApplication::setActiveWindow(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        CHECK(dialog->isVisible());
        test::onNextModal(dialog, [&](QWidget* box) {
            if (auto* m = qobject_cast<QMessageBox*>(box))
                for (QAbstractButton* b : m->buttons())
                    if (m->buttonRole(b) == QMessageBox::AcceptRole)
                        b->click();
            if (box->isVisible())
                box->close();
        });
        QTest::keyClick(dialog, Qt::Key_Escape);
        if (dialog->isVisible())
            dialog->done(QDialog::Rejected);
    });
    CHECK_FALSE(ui::previewDocument(&parent, d.printing(), id, core::DocumentKind::Acceptance));
    CHECK(openedAs == QPrintPreviewWidget::FitToWidth);
    CHECK(openedZoom > 0.6); // Qt's whole-page view opened at about 0.39 on this screen
    CHECK(zoomedIn > openedZoom);
    CHECK(printDialogs ==
          QStringList{QStringLiteral("QPrintDialog"), QStringLiteral("QPrintDialog")});
    CHECK(question.contains(caseNumber));
    auto events = d.cases->events(id);
    REQUIRE(events.ok());
    CHECK(core::describeEvent(events->last()) ==
          QStringLiteral("备注：") +
              core::unprintedDocumentNote(core::DocumentKind::Acceptance, true));
}

TEST_CASE("A refusal's legal ground is chosen by the clerk, never the first one by default: the "
          "form starts on (choose) and names it until one is chosen (行政许可法 Art. 32)")
{
    test::KeysDesk d;
    const QString id = d.receive();
    QWidget window;
    ui::ActionForm form(EventType::Refused, *d.cases->state(id), d.item, &window);
    form.show();
    REQUIRE(QTest::qWaitForWindowExposed(&form));
    auto* ground = form.findChild<QComboBox*>(QStringLiteral("reasonKind"));
    REQUIRE(ground);
    CHECK(ground->currentIndex() == 0);
    CHECK(ground->currentData().toString().isEmpty());
    form.setValue(QStringLiteral("reason"), QStringLiteral("不符合受理条件"));
    QTest::keyClick(test::keyTarget(&form), Qt::Key_Return);
    CHECK(form.isVisible());
    auto* problem = form.findChild<QLabel*>(QStringLiteral("problemLabel"));
    REQUIRE(problem);
    CHECK(problem->text().contains(QStringLiteral("不予受理的依据")));
    CHECK(form.payload().value(QStringLiteral("reasonKind")).toString().isEmpty());

    // Chosen: the payload carries that ground.
    ground->setCurrentIndex(2);
    const QString chosen = ground->currentData().toString();
    CHECK_FALSE(chosen.isEmpty());
    CHECK(form.payload().value(QStringLiteral("reasonKind")).toString() == chosen);
    form.reject();
}
