#include "ui/FiguresPage.h"

#include "core/DateText.h"
#include "store/CaseStore.h"
#include "store/MatterCases.h"
#include "store/StatsQueries.h"
#include "ui/DisclosureAnnualPanel.h"
#include "ui/FigureTableModel.h"
#include "ui/MatterFiguresTable.h"
#include "ui/UiText.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <optional>

namespace onewindow::ui {

namespace {

QChartView* makeChartView(const QString& title, QWidget* parent)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

bool sameQuery(const store::FigureQuery& a, const store::FigureQuery& b)
{
    return a.from == b.from && a.to == b.to && a.kind == b.kind && a.groupBy == b.groupBy &&
           a.asOf == b.asOf;
}

} // namespace

struct FiguresPage::Count
{
    core::FigureTable table;
    core::FigureTable byDepartment;
    qint64 overdue = 0;
    // 一件事: the matters' own figures for the same range (an error keeps the rest shown).
    core::Result<core::MatterFigureTable> matters = core::MatterFigureTable{};
};

namespace {

// The worker's part: counts on a read-only connection of its own thread; touches nothing of the
// page, which may be gone when it ends.
template <typename Count>
core::Result<Count> countFigures(const QString& path, const core::Clock& clock,
                                 const store::FigureQuery& query,
                                 const core::HallSettings& settings)
{
    auto opened = store::Store::openForReading(path, clock);
    if (!opened)
        return opened.error();
    store::StatsQueries stats(**opened);
    auto table = stats.figures(query);
    if (!table)
        return table.error();
    Count count;
    count.table = *table;
    count.byDepartment = *table;
    if (query.groupBy != core::GroupBy::Department) {
        store::FigureQuery byDept = query;
        byDept.groupBy = core::GroupBy::Department;
        auto byDepartment = stats.figures(byDept);
        if (!byDepartment)
            return byDepartment.error();
        count.byDepartment = *byDepartment;
    }
    auto overdue = stats.overdueNow(query.asOf);
    if (!overdue)
        return overdue.error();
    count.overdue = *overdue;
    store::CaseStore cases(**opened, settings);
    count.matters = store::matterFigures(cases, query.from, query.to, query.asOf);
    return count;
}

} // namespace

FiguresPage::FiguresPage(store::Store& store, const core::Clock& clock,
                         const core::WorkingCalendar& calendar, core::HallSettings settings,
                         QWidget* parent)
    : QWidget(parent), m_store(store), m_clock(clock), m_calendar(calendar),
      m_settings(std::move(settings))
{
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("By day"), static_cast<int>(core::PeriodKind::Day));
    m_kind->addItem(tr("By week"), static_cast<int>(core::PeriodKind::Week));
    m_kind->addItem(tr("By month"), static_cast<int>(core::PeriodKind::Month));
    m_kind->addItem(tr("By quarter"), static_cast<int>(core::PeriodKind::Quarter));
    m_kind->addItem(tr("By year"), static_cast<int>(core::PeriodKind::Year));
    m_kind->setCurrentIndex(2);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit* e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_today = m_settings.today(m_clock);
    m_from->setDate(m_today.addDays(1 - m_today.day())); // this month, counted when first shown
    m_to->setDate(m_today);
    m_groupBy = new QComboBox(this);
    m_groupBy->addItem(tr("Whole hall"), static_cast<int>(core::GroupBy::None));
    m_groupBy->addItem(tr("By window"), static_cast<int>(core::GroupBy::Window));
    m_groupBy->addItem(tr("By clerk"), static_cast<int>(core::GroupBy::Clerk));
    m_groupBy->addItem(tr("By department"), static_cast<int>(core::GroupBy::Department));
    m_groupBy->addItem(tr("By service item"), static_cast<int>(core::GroupBy::Item));

    m_count = new QPushButton(tr("C&ount"), this);
    m_count->setDefault(true);
    m_exportCsv = new QPushButton(tr("Export &CSV..."), this);
    m_exportXlsx = new QPushButton(tr("Export &XLSX..."), this);
    m_exportCases = new QPushButton(tr("Export case &list..."), this);
    m_print = new QPushButton(tr("&Print report..."), this);

    auto* fromLabel = new QLabel(tr("&From"), this);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&To"), this);
    toLabel->setBuddy(m_to);
    auto* kindLabel = new QLabel(tr("P&eriods"), this);
    kindLabel->setBuddy(m_kind);
    auto* groupLabel = new QLabel(tr("&Group"), this);
    groupLabel->setBuddy(m_groupBy);

    auto* controls = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{fromLabel, m_from, toLabel, m_to, kindLabel,
                                                      m_kind, groupLabel, m_groupBy, m_count})
        controls->addWidget(w);
    controls->addStretch();
    for (QWidget* w : {m_exportCsv, m_exportXlsx, m_exportCases, m_print})
        controls->addWidget(w);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_tableNote = new QLabel(this);
    m_tableNote->setObjectName(QStringLiteral("figuresTableNote"));
    m_tableNote->setWordWrap(true);
    m_tableNote->hide();
    m_model = new FigureTableModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setMinimumSectionSize(36);

    m_onTimeChart = makeChartView(tr("On-time rate (%)"), this);
    m_departmentChart = makeChartView(tr("Cases received by department"), this);
    m_ratingChart = makeChartView(tr("Ratings"), this);
    auto* charts = new QWidget(this);
    auto* chartLayout = new QVBoxLayout(charts);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    for (QChartView* v : {m_onTimeChart, m_departmentChart, m_ratingChart})
        chartLayout->addWidget(v);
    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* tableBox = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_view, 1);
    tableLayout->addWidget(m_tableNote);
    m_matters = new MatterFiguresTable(tableBox);
    m_matters->setMaximumHeight(180);
    tableLayout->addWidget(m_matters);
    split->addWidget(tableBox);
    split->addWidget(charts);
    split->setStretchFactor(0, 4); // the table first: every column, 满意率 too, without scrolling
    split->setStretchFactor(1, 1);
    charts->setMinimumWidth(320);
    split->setSizes({1000, 420});

    // Two parts: the hall's figures by period, and the disclosure annual report's table 三.
    auto* figures = new QWidget(this);
    auto* figuresLayout = new QVBoxLayout(figures);
    figuresLayout->setContentsMargins(0, 0, 0, 0);
    figuresLayout->addLayout(controls);
    figuresLayout->addWidget(m_message);
    figuresLayout->addWidget(split, 1);
    m_disclosure = new DisclosureAnnualPanel(store, clock, m_settings, this);
    m_parts = new QTabWidget(this);
    m_parts->setObjectName(QStringLiteral("figuresParts"));
    m_parts->addTab(figures, tr("&Business figures"));
    m_parts->addTab(m_disclosure, tr("A&nnual disclosure table"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_parts, 1);

    connect(m_count, &QPushButton::clicked, this, [this] { refresh(); });
    // Keyboard: Enter anywhere on the page counts the part shown (a page has no default button),
    // F5 again.
    for (const QKeySequence& key :
         {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter), QKeySequence(Qt::Key_F5)})
        connect(new QShortcut(key, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut),
                &QShortcut::activated, this, [this] {
                    if (m_parts->currentWidget() == m_disclosure)
                        m_disclosure->refresh();
                    else
                        refresh();
                });
    connect(m_exportCsv, &QPushButton::clicked, this,
            [this] { chooseAndExport(false, QStringLiteral("csv")); });
    connect(m_exportXlsx, &QPushButton::clicked, this,
            [this] { chooseAndExport(false, QStringLiteral("xlsx")); });
    connect(m_exportCases, &QPushButton::clicked, this,
            [this] { chooseAndExport(true, QStringLiteral("xlsx")); });
    connect(m_print, &QPushButton::clicked, this, &FiguresPage::printReport);
    for (QPushButton* b : {m_exportCsv, m_exportXlsx, m_exportCases, m_print})
        b->setEnabled(false);
    m_count->setObjectName(QStringLiteral("count"));
    m_exportCsv->setObjectName(QStringLiteral("exportCsv"));
    m_exportXlsx->setObjectName(QStringLiteral("exportXlsx"));
    m_exportCases->setObjectName(QStringLiteral("exportCases"));
    m_print->setObjectName(QStringLiteral("printReport"));

    m_countWatcher = new QFutureWatcher<void>(this);
    connect(m_countWatcher, &QFutureWatcher<void>::finished, this, &FiguresPage::countFinished);
    m_exportWatcher = new QFutureWatcher<void>(this);
    connect(m_exportWatcher, &QFutureWatcher<void>::finished, this, &FiguresPage::exportFinished);
    m_exportTick = new QTimer(this);
    m_exportTick->setInterval(100);
}

void FiguresPage::setQuery(core::PeriodKind kind, const QDate& from, const QDate& to,
                           core::GroupBy by)
{
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(kind)));
    m_from->setDate(from);
    m_to->setDate(to);
    m_groupBy->setCurrentIndex(m_groupBy->findData(static_cast<int>(by)));
}

void FiguresPage::setSettings(const core::HallSettings& settings)
{
    m_settings = settings;
    m_disclosure->setSettings(settings);
}

QString FiguresPage::message() const
{
    return m_message->text();
}

void FiguresPage::setToday(const QDate& today)
{
    if (!today.isValid() || today == m_today)
        return;
    const bool onDefault =
        m_from->date() == m_today.addDays(1 - m_today.day()) && m_to->date() == m_today;
    m_today = today;
    if (onDefault) {
        m_from->setDate(today.addDays(1 - today.day()));
        m_to->setDate(today);
    }
}

store::FigureQuery FiguresPage::currentQuery() const
{
    store::FigureQuery query;
    query.kind = static_cast<core::PeriodKind>(m_kind->currentData().toInt());
    query.groupBy = static_cast<core::GroupBy>(m_groupBy->currentData().toInt());
    query.from = m_from->date();
    query.to = m_to->date();
    query.asOf = m_settings.today(m_clock);
    return query;
}

void FiguresPage::refresh()
{
    const store::FigureQuery query = currentQuery();
    if (m_counting) {
        // Enter or F5 again while counting: nothing runs twice. A changed query is counted when
        // this count ends (its older result is dropped); the running query asked again is a no-op.
        if (sameQuery(query, m_running))
            m_pending.reset();
        else
            m_pending = query;
        return;
    }
    startCount(query);
}

void FiguresPage::startCount(const store::FigureQuery& query)
{
    // A year by month on a big store takes a few hundred milliseconds: counted off the UI thread,
    // which keeps painting and answering; the result arrives through the watcher.
    m_counting = true;
    m_running = query;
    m_count->setEnabled(false);
    m_message->setText(tr("Counting the figures..."));
    auto result = std::make_shared<std::optional<core::Result<Count>>>();
    m_countResult = result;
    const QString path = m_store.path();
    const core::Clock& clock = m_store.clock();
    m_countWatcher->setFuture(QtConcurrent::run(
        [result, path, &clock, query, settings = m_settings, before = m_beforeCount] {
            if (before)
                before();
            result->emplace(countFigures<Count>(path, clock, query, settings));
        }));
}

void FiguresPage::countFinished()
{
    m_counting = false;
    if (m_pending) {
        const store::FigureQuery next = *m_pending;
        m_pending.reset();
        startCount(next); // the older result is not shown: the latest request wins
        return;
    }
    m_count->setEnabled(true);
    if (m_countResult && m_countResult->has_value())
        showCount(**m_countResult);
    else
        showCount(core::Error{QStringLiteral("figures.not_counted"),
                              tr("The figures could not be counted. Press F5 to try again.")});
    m_countResult.reset();
    Q_EMIT counted();
}

void FiguresPage::showCount(const core::Result<Count>& result)
{
    if (!result) {
        m_message->setText(result.error().message);
        m_lastCount = result.error();
        return;
    }
    const Count& count = *result;
    m_model->setTable(count.table);
    m_byDepartment = count.byDepartment;
    m_overdueInHall = count.overdue;
    QString text =
        tr("%1 to %2: %3 received, %4 decided, on-time rate %5, satisfaction %6; "
           "%7 cases overdue in the hall today.")
            .arg(core::chineseDate(count.table.from), core::chineseDate(count.table.to))
            .arg(count.table.total.received)
            .arg(count.table.total.decided)
            .arg(core::figureText(count.table.total, QStringLiteral("on_time_rate")),
                 core::figureText(count.table.total, QStringLiteral("satisfaction_rate")))
            .arg(m_overdueInHall);
    if (m_calendar.touchesProvisional(count.table.from, count.table.to))
        text += QLatin1Char(' ') + tr("The range touches a year without an official holiday "
                                      "notice: its working days are provisional.");
    m_message->setText(text);
    // 受理 > 收件 in a row is no error: each figure counts on its own day, so a case received
    // last month and accepted this month counts in this month's 受理 only. Say so under the table.
    const QList<core::FigureRow>& rows =
        count.table.groupBy == core::GroupBy::None ? count.table.periodTotals : count.table.rows;
    const bool acceptedEarlier = std::any_of(rows.begin(), rows.end(), [](const auto& r) {
        return r.figures.accepted > r.figures.received;
    });
    m_tableNote->setText(acceptedEarlier
                             ? tr("Note: where Accepted exceeds Received, cases received before "
                                  "the period were accepted in it (each figure counts on its own "
                                  "day).")
                             : QString());
    m_tableNote->setVisible(acceptedEarlier);
    if (count.matters)
        m_matters->setFigures(*count.matters);
    else
        m_matters->showProblem(count.matters.error().message);
    updateCharts();
    m_hasCount = true;
    setExportButtonsEnabled(!m_exporting);
    m_lastCount = {};
}

QString FiguresPage::tableNote() const
{
    return m_tableNote->isVisibleTo(this) ? m_tableNote->text() : QString();
}

void FiguresPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_hasCount && !m_counting)
        refresh(); // this month at once, not an empty page waiting for 统计
}

} // namespace onewindow::ui
