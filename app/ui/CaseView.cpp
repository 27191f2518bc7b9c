#include "ui/CaseView.h"

#include "core/DateText.h"
#include "core/EventText.h"
#include "core/Identifiers.h"
#include "store/CaseStore.h"
#include "ui/ActionForm.h"
#include "ui/SupervisionNotice.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace onewindow::ui {

namespace {

bool supervisorOnly(core::EventType type)
{
    return type == core::EventType::ExtensionApproved ||
           type == core::EventType::ExtensionRefused || type == core::EventType::Supervised;
}

} // namespace

CaseView::CaseView(store::CaseStore& cases, const store::User& user, const QString& caseId,
                   const QDate& today, QWidget* parent)
    : QDialog(parent), m_cases(cases), m_user(user), m_caseId(caseId), m_today(today),
      m_header(new QLabel(this)), m_clocks(new QTableWidget(this)),
      m_materials(new QTableWidget(this)), m_timeline(new QListWidget(this)),
      m_buttons(new QHBoxLayout)
{
    resize(1000, 720);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clocks->setColumnCount(5);
    m_clocks->setHorizontalHeaderLabels(
        {tr("Clock"), tr("Deadline"), tr("Working days left"), tr("Warning"), tr("Note")});
    m_clocks->horizontalHeader()->setStretchLastSection(true);
    m_clocks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_clocks->verticalHeader()->hide();
    m_materials->setColumnCount(3);
    m_materials->setHorizontalHeaderLabels({tr("Material"), tr("State"), tr("Problem / due")});
    m_materials->horizontalHeader()->setStretchLastSection(true);
    m_materials->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_materials->verticalHeader()->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(new QLabel(tr("<b>Clocks</b>"), this));
    layout->addWidget(m_clocks);
    layout->addWidget(new QLabel(tr("<b>Materials</b>"), this));
    layout->addWidget(m_materials);
    layout->addWidget(new QLabel(tr("<b>Timeline</b>"), this));
    layout->addWidget(m_timeline, 1);
    layout->addLayout(m_buttons);
    reload();
}

QString CaseView::headerText() const
{
    return m_header->text();
}

void CaseView::reload()
{
    auto state = m_cases.state(m_caseId);
    if (!state) {
        m_header->setText(state.error().message.toHtmlEscaped());
        return;
    }
    m_state = *state;
    auto context = m_cases.contextFor(m_state.itemCode, m_state.itemVersion);
    if (!context) {
        m_header->setText(context.error().message.toHtmlEscaped());
        return;
    }
    m_context = *context;
    const core::Applicant& a = m_state.applicant;
    m_header->setText(
        tr("<h3>%1 · %2</h3>%3 (version %4) · %5 %6 · query code %7")
            .arg(m_state.caseNumber.toHtmlEscaped(), core::caseStatusName(m_state.status),
                 m_context.item->name.toHtmlEscaped())
            .arg(m_state.itemVersion)
            .arg(a.name.toHtmlEscaped(), core::maskIdNumber(a.organisation ? a.uscc : a.idNumber),
                 m_state.queryCode));
    m_header->setText(m_header->text() + supervisionHeaderLine(m_state, m_cases.store(), m_today));
    setWindowTitle(m_state.caseNumber);

    auto clocks = core::clocksOf(m_state, m_context, m_today);
    m_clocks->setRowCount(clocks ? static_cast<int>(clocks->size()) : 0);
    for (int row = 0; clocks && row < clocks->size(); ++row) {
        const core::CaseClock& c = clocks->at(row);
        const core::ClockResult& r = c.clock;
        QStringList notes;
        if (r.provisional)
            notes.append(tr("provisional calendar"));
        if (r.status.suspended)
            notes.append(tr("suspended: days left frozen"));
        if (r.excludedDays > 0)
            notes.append(tr("%1 working days not counted").arg(r.excludedDays));
        const QStringList cells{core::clockKindName(c.kind), core::chineseDate(r.deadline),
                                QString::number(r.status.workingDaysLeft),
                                core::warningLevelName(r.status.level),
                                notes.join(QStringLiteral("；"))};
        for (int col = 0; col < cells.size(); ++col) {
            auto* cell = new QTableWidgetItem(cells[col]);
            if (r.status.level == core::WarningLevel::Red)
                cell->setBackground(QColor(0xfd, 0xd8, 0xd6));
            else if (r.status.level == core::WarningLevel::Yellow)
                cell->setBackground(QColor(0xff, 0xf1, 0xc2));
            m_clocks->setItem(row, col, cell);
        }
    }
    m_clocks->resizeColumnsToContents();

    m_materials->setRowCount(static_cast<int>(m_state.materials.size()));
    for (int row = 0; row < m_state.materials.size(); ++row) {
        const core::MaterialCheck& m = m_state.materials[row];
        m_materials->setItem(row, 0, new QTableWidgetItem(m.name));
        m_materials->setItem(row, 1, new QTableWidgetItem(core::materialStateName(m.state)));
        m_materials->setItem(
            row, 2, new QTableWidgetItem(m.dueDate ? core::chineseDate(*m.dueDate) : m.problem));
    }
    m_materials->resizeColumnToContents(0);

    m_timeline->clear();
    // The timeline names people, not their ids.
    QHash<QString, QString> names{{core::kSystemActor, tr("system")}};
    if (auto users = store::UserRepository(m_cases.store()).users())
        for (const store::User& u : *users)
            names.insert(u.userId, u.displayName);
    if (auto events = m_cases.events(m_caseId)) {
        for (const core::Event& e : *events)
            m_timeline->addItem(QStringLiteral("%1  %2  %3")
                                    .arg(e.occurredAtUtc.toTimeZone(m_cases.settings().zone)
                                             .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                         names.value(e.actorId, e.actorId),
                                         core::describeEvent(e)));
    }
    for (const core::RejectedEvent& r : m_state.rejected)
        m_timeline->addItem(tr("Not in effect: %1").arg(r.reason));

    while (QLayoutItem* item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_actions.clear();
    for (core::EventType type : core::legalActions(m_state, m_context, m_today)) {
        if (supervisorOnly(type) && m_user.role == core::Role::Clerk)
            continue;
        m_actions.append(type);
        auto* button = new QPushButton(core::eventTypeName(type), this);
        connect(button, &QPushButton::clicked, this, [this, type] { runAction(type); });
        m_buttons->addWidget(button);
    }
    m_buttons->addStretch(1);
    if (m_printing) {
        auto* print = new QPushButton(tr("&Print..."), this);
        auto* menu = new QMenu(print);
        for (core::DocumentKind kind : printableKinds()) {
            menu->addAction(core::documentKindName(kind), this, [this, kind] {
                previewDocument(this, *m_printing, m_caseId, kind);
                reload();
            });
        }
        print->setMenu(menu);
        print->setEnabled(!menu->isEmpty());
        m_buttons->addWidget(print);
    }
}

void CaseView::setPrinting(const DocumentPrinting& printing)
{
    m_printing = printing;
    reload();
}

QList<core::DocumentKind> CaseView::printableKinds() const
{
    QList<core::DocumentKind> kinds;
    auto events = m_cases.events(m_caseId);
    if (!events)
        return kinds;
    for (core::DocumentKind kind : core::allDocumentKinds())
        if (core::documentSource(kind, m_state, *events, m_cases.settings().zone))
            kinds.append(kind);
    return kinds;
}

core::Status CaseView::perform(core::EventType type, const QMap<QString, QVariant>& values)
{
    ActionForm form(type, m_state, *m_context.item, this);
    for (auto it = values.begin(); it != values.end(); ++it)
        form.setValue(it.key(), it.value());
    auto done = m_cases.append(m_caseId, type, form.payload(), m_user.userId);
    if (!done)
        return done.error();
    reload();
    return {};
}

void CaseView::runAction(core::EventType type)
{
    ActionForm form(type, m_state, *m_context.item, this);
    while (!form.hasFields() || form.exec() == QDialog::Accepted) {
        auto done = m_cases.append(m_caseId, type, form.payload(), m_user.userId);
        if (done) {
            reload();
            return;
        }
        form.showProblem(done.error().message); // keep what was typed, say why
        if (!form.hasFields())
            return;
    }
}

} // namespace onewindow::ui
