#include "support/TestSupport.h"

#include "core/Clock.h"
#include "store/CalendarRepository.h"
#include "store/Store.h"
#include "ui/CalendarPage.h"
#include "ui/DeadlinePage.h"
#include "ui/ExplanationModel.h"
#include "ui/MainWindow.h"
#include "ui/MonthModel.h"

#include <QAbstractItemModelTester>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using onewindow::test::d;

namespace {

struct Fixture
{
    QTemporaryDir dir;
    core::FakeClock clock{QDateTime(QDate(2026, 10, 15), QTime(2, 0), QTimeZone::utc())};
    std::unique_ptr<store::Store> store;
    std::unique_ptr<ui::MainWindow> window;

    Fixture()
    {
        auto opened = store::Store::open(dir.filePath(QStringLiteral("s.sqlite")), clock);
        REQUIRE(opened.ok());
        store = std::move(opened).value();
        auto notices = store::CalendarRepository(*store).loadNotices();
        REQUIRE(notices.ok());
        window = std::make_unique<ui::MainWindow>(*store, clock, core::WorkingCalendar(*notices));
        window->resize(1100, 760);
        window->show();
        // Shortcuts only fire in the active window, as for a clerk at the screen.
        window->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(window.get()));
    }

    QString write(const char* name, const QByteArray& bytes)
    {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    }
};

QString cellText(ui::MonthModel* model, const QDate& date)
{
    return model->data(model->indexOf(date), Qt::DisplayRole).toString();
}

void saveScreenshot(QWidget* w, const char* name)
{
    w->grab().save(test::screenshotPath(name));
}

} // namespace

TEST_CASE("The calendar page opens on today's month and marks days off with the holiday's name")
{
    Fixture f;
    ui::CalendarPage* page = f.window->calendarPage();
    f.window->tabs()->setCurrentWidget(page);
    QAbstractItemModelTester tester(page->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(page->shownYear() == 2026);
    CHECK(page->shownMonth() == 10);
    CHECK(cellText(page->model(), d("2026-10-01")).contains(QStringLiteral("国庆节")));
    CHECK(cellText(page->model(), d("2026-10-10")).contains(QStringLiteral("调休上班")));
    CHECK(page->model()
              ->data(page->model()->indexOf(d("2026-10-10")), ui::MonthModel::KindRole)
              .toInt() == static_cast<int>(core::DayKind::MakeUpWorkday));
    CHECK(cellText(page->model(), d("2026-10-12")) == QStringLiteral("12"));
    CHECK(page->bannerText().isEmpty());
    saveScreenshot(f.window.get(), "calendar");
}

TEST_CASE("PgDown and PgUp move through months; a provisional year shows its banner")
{
    Fixture f;
    ui::CalendarPage* page = f.window->calendarPage();
    f.window->tabs()->setCurrentWidget(page);
    QWidget* grid = page->findChild<QTableView*>();
    REQUIRE(grid);
    grid->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(grid, Qt::Key_PageDown);
    CHECK(page->shownYear() == 2027);
    CHECK(page->shownMonth() == 1);
    CHECK(page->bannerText().contains(QStringLiteral("2027")));
    CHECK(page->model()
              ->data(page->model()->indexOf(d("2027-01-01")), ui::MonthModel::ProvisionalRole)
              .toBool());
    // 元旦 is a predicted day off, named and marked as a prediction.
    CHECK(cellText(page->model(), d("2027-01-01")) == QStringLiteral("1\n元旦（预测）"));
    CHECK(page->model()
              ->data(page->model()->indexOf(d("2027-01-01")), Qt::ToolTipRole)
              .toString()
              .contains(QStringLiteral("元旦（法定节假日，预测）")));
    CHECK(page->bannerText().contains(QStringLiteral("预测")));
    saveScreenshot(f.window.get(), "calendar-provisional");
    QTest::keyClick(grid, Qt::Key_PageUp);
    CHECK(page->shownYear() == 2026);
    CHECK(page->shownMonth() == 12);
}

TEST_CASE("The deadline calculator answers and explains as the keys are typed")
{
    Fixture f;
    f.window->tabs()->setCurrentWidget(f.window->deadlinePage());
    ui::DeadlinePage* page = f.window->deadlinePage();
    QAbstractItemModelTester tester(page->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto* dateEdit = page->findChild<QDateEdit*>(QStringLiteral("fromEdit"));
    auto* spin = page->findChild<QSpinBox*>(QStringLiteral("daysSpin"));
    REQUIRE(dateEdit);
    REQUIRE(spin);
    auto* daysLabel = page->findChild<QLabel*>(QStringLiteral("daysLabel"));
    REQUIRE(daysLabel);
    CHECK(
        daysLabel->text().contains(QStringLiteral("工作日数"))); // the Designer form is translated
    dateEdit->setDate(d("2026-09-18"));
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("20"));
    CHECK(spin->value() == 20);
    CHECK(page->resultText().contains(QStringLiteral("2026年10月22日")));
    CHECK(page->resultText().contains(QStringLiteral("星期四")));
    CHECK(page->model()->rowCount() == 34);
    CHECK(page->model()->skippedCount() == 14);
    CHECK(page->provisionalText().isEmpty());
    saveScreenshot(f.window.get(), "deadline");

    page->setQuery(d("2026-12-31"), 1); // 2027-01-01 is 元旦, predicted off
    CHECK(page->resultText().contains(QStringLiteral("2027年1月4日")));
    CHECK_FALSE(page->provisionalText().isEmpty());
}

TEST_CASE("Importing a holiday notice from the window refreshes the calendar and the deadline "
          "calculator; a bad file changes nothing")
{
    Fixture f;
    const QString bad = f.write(
        "bad.json",
        R"({"year": 2027, "papers": ["u"], "days": [{"name": "元旦", "date": "2027-13-01", "isOffDay": true}]})");
    const ui::MainWindow::ImportOutcome refused = f.window->importCalendarFiles({bad});
    CHECK_FALSE(refused.imported);
    REQUIRE_FALSE(refused.errors.isEmpty());
    CHECK(refused.errors.first().contains(QStringLiteral("bad.json")));
    CHECK(f.window->calendar().isProvisionalYear(2027));

    f.window->deadlinePage()->setQuery(d("2027-02-04"), 1);
    CHECK(f.window->deadlinePage()->resultText().contains(QStringLiteral("2027年2月11日")));
    // A made-up notice: 除夕 02-05 a working day, 02-06..14 off.
    const QString good = test::sourcePath(QStringLiteral("tests/fixtures/2027-fixture.json"));
    const ui::MainWindow::ImportOutcome done = f.window->importCalendarFiles({good});
    CHECK(done.imported);
    CHECK_FALSE(f.window->calendar().isProvisionalYear(2027));
    f.window->calendarPage()->showMonth(2027, 1);
    CHECK(f.window->calendarPage()->bannerText().isEmpty());
    CHECK(cellText(f.window->calendarPage()->model(), d("2027-01-01")) ==
          QStringLiteral("1\n元旦"));
    f.window->deadlinePage()->setQuery(d("2027-02-04"), 1);
    CHECK(f.window->deadlinePage()->resultText().contains(QStringLiteral("2027年2月5日")));
}
