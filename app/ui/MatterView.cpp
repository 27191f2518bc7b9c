#include "ui/MatterView.h"

#include "core/ClockText.h"
#include "core/DateText.h"
#include "core/Identifiers.h"
#include "core/MatterHandOut.h"
#include "store/CaseStore.h"
#include "ui/ActionForm.h"
#include "ui/CaseView.h"

#include <QColor>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace onewindow::ui {

namespace {

// "2026年10月22日 · 剩余 3 个工作日", or a dash when the clock has not started.
QString clockCell(const QList<core::CaseClock>& clocks, core::ClockKind kind)
{
    for (const core::CaseClock& c : clocks)
        if (c.kind == kind)
            return QStringLiteral("%1 · %2").arg(
                core::deadlineText(c.clock.deadline, c.clock.provisional),
                core::clockStandingText(c.clock.status, c.clock.unit));
    return QStringLiteral("—");
}

} // namespace

MatterView::MatterView(store::CaseStore& cases, const store::User& user,
                       const QString& matterNumber, const QDate& today, QWidget* parent)
    : QDialog(parent), m_cases(cases), m_user(user), m_number(matterNumber), m_today(today)
{
    setWindowTitle(tr("Matter %1").arg(matterNumber));
    resize(980, 460);
    auto* layout = new QVBoxLayout(this);
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    layout->addWidget(m_header);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("matterParts"));
    m_table->setHorizontalHeaderLabels({tr("Now"), tr("Case"), tr("Item"), tr("Department"),
                                        tr("State"), tr("Promised"), tr("Statutory")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->installEventFilter(this);
    layout->addWidget(m_table, 1);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_problem);
    layout->addWidget(
        new QLabel(tr("Enter: open the part · Space: the applicant asks for it now"), this));
    auto* buttons = new QHBoxLayout;
    m_forward = new QPushButton(tr("&Forward to its department..."), this);
    m_handOut = new QPushButton(tr("&Hand out the whole matter..."), this);
    m_handOutChosen = new QPushButton(tr("Hand out the &chosen parts..."), this);
    auto* close = new QPushButton(tr("Close"), this);
    m_forward->setObjectName(QStringLiteral("forwardButton"));
    m_handOut->setObjectName(QStringLiteral("handOutButton"));
    m_handOutChosen->setObjectName(QStringLiteral("handOutChosenButton"));
    for (QPushButton* b : {m_forward, m_handOut, m_handOutChosen, close}) {
        // Enter opens a part; it never hands anything out.
        b->setAutoDefault(false);
        b->setDefault(false);
    }
    buttons->addWidget(m_forward);
    buttons->addStretch(1);
    buttons->addWidget(m_handOut);
    buttons->addWidget(m_handOutChosen);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    connect(m_forward, &QPushButton::clicked, this, &MatterView::forwardSelected);
    connect(m_handOut, &QPushButton::clicked, this, [this] { handOutWith(false); });
    connect(m_handOutChosen, &QPushButton::clicked, this, [this] { handOutWith(true); });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    reload();
    m_table->setFocus();
}

MatterView::~MatterView() = default;

QString MatterView::headerText() const
{
    return m_header->text();
}

QString MatterView::problem() const
{
    return m_problem->text();
}

void MatterView::showProblem(const QString& message)
{
    m_problem->setText(message);
}

void MatterView::reload()
{
    const int current = std::max(0, m_table->currentRow());
    auto loaded = store::loadMatter(m_cases, m_number, m_today);
    if (!loaded) {
        m_matter.reset();
        m_table->setRowCount(0);
        m_header->setText(loaded.error().message.toHtmlEscaped());
        for (QPushButton* b : {m_forward, m_handOut, m_handOutChosen})
            b->setEnabled(false);
        return;
    }
    m_matter = *loaded;
    const core::MatterProgress& p = m_matter->progress;
    const core::CaseState& first = m_matter->parts.first().state;
    const core::Applicant& a = first.applicant;
    // The matter's own clock: the hall's promise for the whole matter (issue 20).
    const QString clock = p.done ? tr("done on %1").arg(core::chineseDate(*p.doneOn))
                                 : core::clockStandingText(p.clock.status, p.clock.unit);
    m_header->setText(
        tr("<h3>%1 · %2</h3>%3 %4 · %5 of %6 parts finished<br>The matter's promise: %7 "
           "working days from %8, due %9 · %10")
            .arg(m_number.toHtmlEscaped(), m_matter->matter.name.toHtmlEscaped(),
                 a.name.toHtmlEscaped(), core::maskIdNumber(a.organisation ? a.uscc : a.idNumber))
            .arg(p.finished)
            .arg(p.parts)
            .arg(m_matter->matter.promisedDays)
            .arg(core::chineseDate(p.received),
                 core::deadlineText(p.clock.deadline, p.clock.provisional), clock));
    if (m_asked.size() != m_matter->parts.size())
        m_asked = QList<bool>(m_matter->parts.size(), false);
    m_table->setRowCount(static_cast<int>(m_matter->parts.size()));
    for (int row = 0; row < m_matter->parts.size(); ++row)
        fillRow(row);
    m_table->resizeColumnsToContents();
    m_table->selectRow(std::min(current, m_table->rowCount() - 1));
    QList<core::CaseState> states;
    for (const core::MatterPartCase& part : m_matter->parts)
        states.append(part.state);
    // Enabled while anything is ready: asked too early, the whole hand-out says which parts
    // are still being handled.
    const bool anyReady = std::any_of(states.begin(), states.end(), core::partReadyToHandOut);
    m_handOut->setEnabled(anyReady);
    m_handOutChosen->setEnabled(anyReady);
}

void MatterView::fillRow(int row)
{
    const core::MatterPartCase& part = m_matter->parts.at(row);
    const core::CaseState& s = part.state;
    QList<core::CaseClock> clocks;
    if (auto ctx = m_cases.contextFor(s.itemCode, s.itemVersion))
        if (auto all = core::clocksOf(s, *ctx, m_today))
            clocks = *all;
    const bool ready = core::partReadyToHandOut(s);
    QString state = core::caseStatusName(s.status);
    if (!s.forwardedTo.isEmpty() && s.status == core::CaseStatus::InProgress)
        state = tr("%1, forwarded to %2").arg(state, s.forwardedTo);
    const QStringList cells{m_asked.at(row) ? QStringLiteral("✔") : QString(),
                            s.caseNumber,
                            part.item.name,
                            part.item.department,
                            state,
                            clockCell(clocks, core::ClockKind::Promised),
                            clockCell(clocks, core::ClockKind::Statutory)};
    for (int c = 0; c < ColumnCount; ++c) {
        auto* cell = new QTableWidgetItem(cells.at(c));
        if (ready)
            cell->setForeground(QColor(0x1b, 0x5e, 0x20));
        m_table->setItem(row, c, cell);
    }
}

QList<int> MatterView::askedParts() const
{
    QList<int> out;
    for (int i = 0; i < m_asked.size(); ++i)
        if (m_asked.at(i))
            out.append(i);
    return out;
}

bool MatterView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress && m_matter) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const int row = m_table->currentRow();
        if (key->key() == Qt::Key_Space && row >= 0 && row < m_asked.size()) {
            m_asked[row] = !m_asked.at(row);
            fillRow(row);
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && row >= 0) {
            openPart();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void MatterView::openPart()
{
    const int row = m_table->currentRow();
    if (!m_matter || row < 0 || row >= m_matter->parts.size())
        return;
    CaseView view(m_cases, m_user, m_matter->parts.at(row).state.caseId, m_today, this);
    if (m_printing)
        view.setPrinting(*m_printing);
    view.exec();
    reload();
}

core::Status MatterView::forwardPart(int row, const QString& to, const QString& note)
{
    if (!m_matter || row < 0 || row >= m_matter->parts.size())
        return core::Error{QStringLiteral("matter.no_part"), QStringLiteral("请先选择一个办件")};
    const core::MatterPartCase& part = m_matter->parts.at(row);
    ActionForm form(core::EventType::Forwarded, part.state, part.item, this,
                    hallChoices(m_cases.store(), core::EventType::Forwarded));
    form.setValue(QStringLiteral("to"), to);
    form.setValue(QStringLiteral("note"), note);
    auto done = m_cases.append(part.state.caseId, core::EventType::Forwarded, form.payload(),
                               m_user.userId);
    if (!done)
        return done.error();
    reload();
    return {};
}

void MatterView::forwardSelected()
{
    const int row = m_table->currentRow();
    if (!m_matter || row < 0 || row >= m_matter->parts.size())
        return;
    const core::MatterPartCase& part = m_matter->parts.at(row);
    // 前台综合受理、后台分类审批: the part goes to the department of its item.
    ActionForm form(core::EventType::Forwarded, part.state, part.item, this,
                    hallChoices(m_cases.store(), core::EventType::Forwarded));
    form.setValue(QStringLiteral("to"), part.item.department);
    while (form.exec() == QDialog::Accepted) {
        auto done = m_cases.append(part.state.caseId, core::EventType::Forwarded, form.payload(),
                                   m_user.userId);
        if (done) {
            showProblem(QString());
            reload();
            return;
        }
        form.showProblem(done.error().message);
    }
}

core::Status MatterView::handOut(const QList<int>& asked, const QMap<QString, QVariant>& values)
{
    if (!m_matter)
        return core::Error{QStringLiteral("matter.unknown"), headerText()};
    QList<core::CaseState> states;
    for (const core::MatterPartCase& part : m_matter->parts)
        states.append(part.state);
    auto plan = core::planHandOut(states, asked);
    if (!plan)
        return plan.error();
    const core::MatterPartCase& first = m_matter->parts.at(plan->parts.first());
    ActionForm form(core::EventType::Delivered, first.state, first.item, this);
    for (auto it = values.begin(); it != values.end(); ++it)
        form.setValue(it.key(), it.value());
    QStringList ids;
    for (int i : plan->parts)
        ids.append(states.at(i).caseId);
    auto done = m_cases.handOutMatter(m_number, ids, form.payload(), plan->partial, m_user.userId);
    if (!done)
        return done.error();
    m_asked.clear();
    reload();
    return {};
}

void MatterView::handOutWith(bool partialOnly)
{
    if (!m_matter)
        return;
    QList<core::CaseState> states;
    for (const core::MatterPartCase& part : m_matter->parts)
        states.append(part.state);
    const QList<int> asked = partialOnly ? askedParts() : QList<int>();
    if (partialOnly && asked.isEmpty()) {
        showProblem(tr("Mark the parts the applicant asks for with Space first."));
        return;
    }
    auto plan = core::planHandOut(states, asked);
    if (!plan) {
        showProblem(plan.error().message);
        return;
    }
    // One form for the whole hand-out: how it is delivered and who signs, once for every part.
    const core::MatterPartCase& first = m_matter->parts.at(plan->parts.first());
    ActionForm form(core::EventType::Delivered, first.state, first.item, this);
    form.setWindowTitle(plan->partial ? tr("Partial hand-out of %1").arg(m_number)
                                      : tr("Hand-out of %1").arg(m_number));
    while (form.exec() == QDialog::Accepted) {
        QStringList ids;
        for (int i : plan->parts)
            ids.append(states.at(i).caseId);
        auto done =
            m_cases.handOutMatter(m_number, ids, form.payload(), plan->partial, m_user.userId);
        if (done) {
            showProblem(QString());
            m_asked.clear();
            reload();
            return;
        }
        form.showProblem(done.error().message);
    }
}

} // namespace onewindow::ui
