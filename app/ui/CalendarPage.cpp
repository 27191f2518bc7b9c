#include "ui/CalendarPage.h"

#include "ui/MonthModel.h"
#include "ui/UiText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace onewindow::ui {

namespace {

QLabel* legendChip(const QString& text, const char* color, QWidget* parent)
{
    auto* chip = new QLabel(text, parent);
    chip->setStyleSheet(QStringLiteral("QLabel { background: %1; border: 1px solid #c8c8c8; "
                                       "padding: 2px 8px; }")
                            .arg(QLatin1String(color)));
    return chip;
}

} // namespace

CalendarPage::CalendarPage(const core::WorkingCalendar* calendar, QDate today, QWidget* parent)
    : QWidget(parent), m_calendar(calendar), m_today(today)
{
    m_model = new MonthModel(calendar, this);
    m_model->setToday(today);

    auto* previous = new QToolButton(this);
    previous->setText(tr("◀ Previous month"));
    previous->setToolTip(tr("Previous month (PgUp)"));
    auto* next = new QToolButton(this);
    next->setText(tr("Next month ▶"));
    next->setToolTip(tr("Next month (PgDown)"));
    auto* todayButton = new QPushButton(tr("Today"), this);
    todayButton->setToolTip(tr("Back to the current month (Ctrl+Home)"));
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto* nav = new QHBoxLayout;
    nav->addWidget(previous);
    nav->addWidget(m_title, 1, Qt::AlignCenter);
    nav->addWidget(todayButton);
    nav->addWidget(next);

    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: %1; border: 1px solid #e0b252; "
                                           "padding: 6px; }")
                                .arg(QLatin1String(colors::provisional)));
    m_source = new QLabel(this);
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(true);
    m_view->setMinimumHeight(360);

    auto* legend = new QHBoxLayout;
    legend->addWidget(legendChip(tr("Day off"), colors::holiday, this));
    legend->addWidget(legendChip(tr("Make-up workday"), colors::makeUp, this));
    legend->addWidget(legendChip(tr("Weekend"), colors::weekend, this));
    legend->addWidget(
        legendChip(tr("Provisional (holidays predicted)"), colors::provisional, this));
    legend->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(nav);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addLayout(legend);
    layout->addWidget(m_source);

    connect(previous, &QToolButton::clicked, this, [this] { step(-1); });
    connect(next, &QToolButton::clicked, this, [this] { step(1); });
    connect(todayButton, &QPushButton::clicked, this,
            [this] { showMonth(m_today.year(), m_today.month()); });

    // The month keys work wherever the focus is on this page, the grid included.
    const auto shortcut = [this](QKeySequence keys, auto slot) {
        auto* sc = new QShortcut(keys, this);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_PageUp), [this] { step(-1); });
    shortcut(QKeySequence(Qt::Key_PageDown), [this] { step(1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Home),
             [this] { showMonth(m_today.year(), m_today.month()); });

    showMonth(today.year(), today.month());
}

void CalendarPage::setCalendar(const core::WorkingCalendar* calendar)
{
    m_calendar = calendar;
    m_model->setCalendar(calendar);
    refreshHeader();
}

void CalendarPage::setToday(const QDate& today)
{
    if (!today.isValid() || today == m_today)
        return;
    const bool followed = shownYear() == m_today.year() && shownMonth() == m_today.month();
    m_today = today;
    m_model->setToday(today);
    if (followed)
        showMonth(today.year(), today.month());
    else if (const QModelIndex cell = m_model->indexOf(today); cell.isValid())
        m_view->setCurrentIndex(cell);
}

int CalendarPage::shownYear() const
{
    return m_model->year();
}

int CalendarPage::shownMonth() const
{
    return m_model->month();
}

QString CalendarPage::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void CalendarPage::showMonth(int year, int month)
{
    const QDate first(year, month, 1);
    if (!core::WorkingCalendar::supports(first))
        return;
    m_model->setMonth(year, month);
    refreshHeader();
    const QModelIndex todayIndex = m_model->indexOf(m_today);
    if (todayIndex.isValid())
        m_view->setCurrentIndex(todayIndex);
}

void CalendarPage::step(int months)
{
    const QDate target = QDate(shownYear(), shownMonth(), 1).addMonths(months);
    showMonth(target.year(), target.month());
}

void CalendarPage::refreshHeader()
{
    const int year = shownYear();
    m_title->setText(tr("%1-%2").arg(year).arg(shownMonth(), 2, 10, QLatin1Char('0')));
    const core::HolidayNotice* notice = m_calendar ? m_calendar->notice(year) : nullptr;
    m_banner->setVisible(notice == nullptr);
    m_banner->setText(tr("%1 is provisional: no State Council holiday notice has been imported for "
                         "it, so its statutory holidays (and a make-up day for one on a weekend) "
                         "are predicted from the national holiday regulations and make-up working "
                         "days are not known yet. Every deadline that reaches into %1 is marked "
                         "provisional and will be recomputed when the notice is imported.")
                          .arg(year));
    if (notice)
        m_source->setText(tr("Official calendar for %1, imported from %2. Notice: %3")
                              .arg(year)
                              .arg(notice->source, notice->papers.join(QStringLiteral(" "))));
    else
        m_source->clear();
}

} // namespace onewindow::ui
