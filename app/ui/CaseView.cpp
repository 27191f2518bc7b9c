#include "ui/CaseView.h"

#include "core/CaseActions.h"
#include "core/CaseHold.h"

#include "ui_CaseView.h"

#include "core/DateText.h"
#include "core/EventSpec.h"
#include "core/EventText.h"
#include "core/Identifiers.h"
#include "core/Users.h"
#include "documents/Templates.h"
#include "store/CaseStore.h"
#include "store/DisclosureQueries.h"
#include "store/RejectedRecords.h"
#include "store/SyncRepository.h"
#include "store/TimeFlagRecords.h"
#include "ui/ActionForm.h"
#include "ui/CaseClocksModel.h"
#include "ui/ClockExplanationDialog.h"
#include "ui/InquiryPage.h"
#include "ui/MaterialCheckModel.h"
#include "ui/MatterIntakeDialog.h"
#include "ui/MatterPreview.h"
#include "ui/MatterView.h"
#include "ui/SupervisionNotice.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

namespace onewindow::ui {

CaseView::CaseView(store::CaseStore& cases, const store::User& user, const QString& caseId,
                   const QDate& today, QWidget* parent)
    : QDialog(parent), m_cases(cases), m_user(user), m_caseId(caseId), m_today(today),
      m_ui(std::make_unique<Ui::CaseView>()), m_clocksModel(new CaseClocksModel(this)),
      m_materialsModel(new MaterialCheckModel(this))
{
    m_ui->setupUi(this);
    if (auto device = m_cases.device())
        m_deviceId = device->deviceId;
    m_inHall = store::SyncRepository::enrolled(m_cases.store());
    m_department = store::SyncRepository::backOfficeDepartment(m_cases.store());
    m_ui->clocksView->setModel(m_clocksModel);
    m_ui->clocksView->horizontalHeader()->setStretchLastSection(true);
    m_ui->clocksView->verticalHeader()->hide();
    m_ui->materialsView->setModel(m_materialsModel);
    m_ui->materialsView->horizontalHeader()->setStretchLastSection(true);
    m_ui->materialsView->verticalHeader()->hide();
    // A record that did not take effect reads whole, its reason and winner wrapped.
    m_ui->timelineList->setWordWrap(true);
    connect(m_ui->explainButton, &QPushButton::clicked, this, [this] { explainDeadline(); });
    // F4 as well as Alt+E: the clerk asked "why then?" keeps the hands on the keys.
    connect(new QShortcut(QKeySequence(Qt::Key_F4), this), &QShortcut::activated,
            m_ui->explainButton, &QPushButton::click);
    reload();
}

CaseView::~CaseView() = default;

QString CaseView::headerText() const
{
    return m_ui->headerLabel->text();
}

void CaseView::reload()
{
    m_stale = false;
    auto state = m_cases.state(m_caseId);
    if (!state) {
        m_ui->headerLabel->setText(state.error().message.toHtmlEscaped());
        return;
    }
    m_state = *state;
    auto context = m_cases.contextFor(m_state.itemCode, m_state.itemVersion);
    if (!context) {
        m_ui->headerLabel->setText(context.error().message.toHtmlEscaped());
        return;
    }
    m_context = *context;
    const core::Applicant& a = m_state.applicant;
    m_ui->headerLabel->setText(
        tr("<h3>%1 · %2</h3>%3 (version %4) · %5 %6 · query code %7")
            .arg(m_state.caseNumber.toHtmlEscaped(), core::caseStatusName(m_state.status),
                 m_context.item->name.toHtmlEscaped())
            .arg(m_state.itemVersion)
            .arg(a.name.toHtmlEscaped(), core::maskIdNumber(a.organisation ? a.uscc : a.idNumber),
                 m_state.queryCode));
    m_ui->headerLabel->setText(m_ui->headerLabel->text() +
                               supervisionHeaderLine(m_state, m_cases.store(), m_today) +
                               holdHeaderLine());
    setWindowTitle(m_state.caseNumber);

    auto clocks = core::clocksOf(m_state, m_context, m_today);
    m_clocksModel->setClocks(clocks ? *clocks : QList<core::CaseClock>());
    if (!clocks) {
        qWarning("case %s: clocks: %s: %s", qPrintable(m_state.caseNumber),
                 qPrintable(clocks.error().code), qPrintable(clocks.error().message));
        m_ui->headerLabel->setText(m_ui->headerLabel->text() +
                                   QStringLiteral("<br><font color=\"#b00020\">%1</font>")
                                       .arg(tr("The deadlines of this case could not be "
                                               "computed: %1 Check them by hand and tell "
                                               "the administrator.")
                                                .arg(clocks.error().message)
                                                .toHtmlEscaped()));
    }
    m_ui->clocksView->resizeColumnsToContents();
    m_ui->explainButton->setEnabled(m_context.calendar && m_clocksModel->rowCount() > 0);
    m_materialsModel->setMaterials(m_state.materials);
    m_ui->materialsView->resizeColumnToContents(MaterialCheckModel::NameColumn);

    QListWidget* timeline = m_ui->timelineList;
    timeline->clear();
    // The timeline names people, not their ids.
    QHash<QString, QString> names{{core::kSystemActor, tr("system")},
                                  {core::kServerActor, tr("central server")}};
    if (auto users = store::UserRepository(m_cases.store()).users())
        for (const store::User& u : *users)
            names.insert(u.userId, u.displayName);
    // Decision 7: an event the hall's server flagged for its time is marked, its reason beside.
    const QTimeZone zone = m_cases.settings().zone;
    auto flagged = store::TimeFlagRecords(m_cases.store()).ofCase(m_caseId);
    if (!flagged)
        timeline->addItem(flagged.error().message);
    const QHash<QString, store::FlaggedRecord> flags =
        flagged ? *flagged : QHash<QString, store::FlaggedRecord>();
    if (auto events = m_cases.events(m_caseId)) {
        for (const core::Event& e : *events) {
            auto* item = new QListWidgetItem(QStringLiteral("%1  %2  %3")
                                                 .arg(e.occurredAtUtc.toTimeZone(zone).toString(
                                                          QStringLiteral("yyyy-MM-dd HH:mm")),
                                                      names.value(e.actorId, e.actorId),
                                                      core::describeEvent(e)),
                                             timeline);
            if (const auto flag = flags.constFind(e.eventId); flag != flags.constEnd()) {
                item->setText(QStringLiteral("⚠ ") + item->text());
                item->setForeground(QColor(0x8a, 0x53, 0x00));
                item->setToolTip(
                    tr("Time in doubt: %1 (recorded %2, received by the hall server %3)")
                        .arg(flag->flag.reason,
                             e.occurredAtUtc.toTimeZone(zone).toString(
                                 QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                             flag->receivedAtUtc.isValid()
                                 ? flag->receivedAtUtc.toTimeZone(zone).toString(
                                       QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                 : QStringLiteral("—")));
            }
        }
    }
    for (const core::RejectedEvent& r : m_state.rejected)
        timeline->addItem(tr("Not in effect: %1").arg(r.reason));
    showRejected(timeline);
    rebuildButtons();
}

void CaseView::showRejected(QListWidget* timeline)
{
    // Decision 3: what the hall did not take, beside what stands, and the documents printed on
    // it, now void (red: the paper is to be recalled).
    const QTimeZone zone = m_cases.settings().zone;
    store::RejectedRecords records(m_cases.store(), zone);
    auto rejected = records.ofCase(m_caseId);
    auto voided = records.voidedDocuments(m_caseId);
    if (!rejected || !voided) {
        timeline->addItem((rejected ? voided.error() : rejected.error()).message);
        return;
    }
    for (const store::RejectedRecord& r : *rejected) {
        auto* item = new QListWidgetItem(r.text(zone), timeline);
        item->setForeground(QColor(0xb0, 0x00, 0x20));
        item->setToolTip(item->text()); // longer than the list is wide
    }
    for (const store::VoidedDocument& d : *voided) {
        // Red while the paper is to be recalled; once the recall is closed, how it ended.
        auto* item =
            new QListWidgetItem(tr("Void: %1. %2").arg(d.followUp(zone), d.reason), timeline);
        if (!d.closed)
            item->setForeground(QColor(0xb0, 0x00, 0x20));
        item->setToolTip(item->text()); // longer than the list is wide
    }
}

void CaseView::rebuildButtons()
{
    QHBoxLayout* buttons = m_ui->actionsLayout;
    while (QLayoutItem* item = buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_actions.clear();
    for (core::EventType type : core::legalActions(m_state, m_context, m_today)) {
        if (!core::roleMayRecord(m_user.role, type) || !offeredHere(type))
            continue;
        m_actions.append(type);
        auto* button = new QPushButton(core::eventTypeName(type), this);
        // 领办 and its release are a window's daily keys (Alt+H, Alt+L).
        if (type == core::EventType::Held)
            button->setText(tr("%1 (&H)").arg(core::eventTypeName(type)));
        else if (type == core::EventType::HoldReleased)
            button->setText(tr("%1 (&L)").arg(core::eventTypeName(type)));
        // Enter never starts an action: a dialog otherwise makes its first button the default,
        // and two Enters withdrew a case. The irreversible ones also ask (ActionForm).
        button->setAutoDefault(false);
        button->setDefault(false);
        connect(button, &QPushButton::clicked, this, [this, type] { runAction(type); });
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    // An inquiry about the case: whoever asks, whatever the case's state or hold (mergeable).
    if (core::roleMayRecord(m_user.role, core::EventType::Inquired)) {
        auto* inquiry = new QPushButton(tr("Record an in&quiry..."), this);
        inquiry->setObjectName(QStringLiteral("inquireButton"));
        inquiry->setAutoDefault(false);
        connect(inquiry, &QPushButton::clicked, this, [this] { inquire(); });
        buttons->addWidget(inquiry);
    }
    if (inMatter() || mayStartMatter()) {
        auto* matter = new QPushButton(
            inMatter() ? tr("Open its &matter...") : tr("Start a matter &with this case..."), this);
        matter->setObjectName(QStringLiteral("matterButton"));
        matter->setAutoDefault(false);
        connect(matter, &QPushButton::clicked, this, [this] {
            if (inMatter())
                openMatter();
            else
                startMatter();
        });
        buttons->addWidget(matter);
    }
    if (m_printing) {
        auto* print = new QPushButton(tr("&Print..."), this);
        print->setAutoDefault(false);
        auto* menu = new QMenu(print);
        for (core::DocumentKind kind : printableKinds()) {
            menu->addAction(core::documentKindName(kind), this, [this, kind] {
                previewDocument(this, *m_printing, m_caseId, kind);
                reload();
            });
            // The receipt printer's slip where the kind has one: the receipt, the acceptance
            // receipt, the pickup slip and the reply's slip where the applicant collects it in
            // person (政府信息公开条例 Art. 36).
            if (documents::hasFormat(kind, documents::PageFormat::Receipt80mm))
                menu->addAction(tr("%1 (80 mm slip)").arg(core::documentKindName(kind)), this,
                                [this, kind] {
                                    previewDocument(this, *m_printing, m_caseId, kind,
                                                    documents::PageFormat::Receipt80mm);
                                    reload();
                                });
        }
        print->setMenu(menu);
        print->setEnabled(!menu->isEmpty());
        buttons->addWidget(print);
    }
}

bool CaseView::offeredHere(core::EventType type) const
{
    // 领办 (core/CaseHold.h): a window of a hall offers to hold; a case another window holds
    // offers only what the hold leaves to others, and only its holder releases it.
    core::Event probe;
    probe.type = type;
    probe.deviceId = m_deviceId;
    switch (type) {
    case core::EventType::Held:
        return m_inHall && (m_state.forwardedTo.isEmpty() || m_state.forwardedTo == m_department);
    case core::EventType::HoldReleased:
        return core::heldBy(m_state, m_deviceId);
    case core::EventType::HoldRecalled:
        return !core::heldBy(m_state, m_deviceId);
    default:
        return core::holdAllows(m_state, probe).ok();
    }
}

QString CaseView::holdHeaderLine() const
{
    if (m_state.holderDevice.isEmpty())
        return QString();
    QString who = m_state.holderActor;
    if (auto users = store::UserRepository(m_cases.store()).users())
        for (const store::User& u : *users)
            if (u.userId == m_state.holderActor)
                who = u.displayName;
    const QDateTime at = m_state.heldAtUtc.toTimeZone(m_cases.settings().zone);
    const QString since = QStringLiteral("%1 %2").arg(core::chineseDate(at.date()),
                                                      at.time().toString(QStringLiteral("HH:mm")));
    QString line;
    if (core::heldBy(m_state, m_deviceId))
        line = tr("Held by this window (%1, %2) since %3: only this window changes the case")
                   .arg(m_state.holderWindow, who, since);
    else if (core::roleMayRecord(m_user.role, core::EventType::HoldRecalled))
        line = tr("Held by window %1 (%2) since %3: only that window changes the case; you may "
                  "take the hold back")
                   .arg(m_state.holderWindow, who, since);
    else
        line = tr("Held by window %1 (%2) since %3: only that window changes the case")
                   .arg(m_state.holderWindow, who, since);
    return QStringLiteral("<br><b>%1</b>").arg(line.toHtmlEscaped());
}

ClockExplanationDialog* CaseView::explainDeadline()
{
    const QList<core::CaseClock>& clocks = m_clocksModel->clocks();
    if (!m_context.calendar || clocks.isEmpty())
        return nullptr;
    // A row the clerk selected wins; the current index alone is set by merely tabbing through.
    const QModelIndexList selected = m_ui->clocksView->selectionModel()->selectedRows();
    const int initial =
        !selected.isEmpty() ? selected.first().row() : ClockExplanationDialog::likelyClock(clocks);
    auto* dialog = new ClockExplanationDialog(*m_context.calendar, clocks, initial, this);
    dialog->setWindowTitle(tr("The deadline explained: %1").arg(m_state.caseNumber));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
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

bool CaseView::mayStartMatter() const
{
    // Joining a matter changes the case: not on a case another window holds (领办).
    return !inMatter() && core::eventSpec(core::EventType::MatterJoined).allowed(m_state) &&
           core::roleMayRecord(m_user.role, core::EventType::Received) &&
           offeredHere(core::EventType::MatterJoined);
}

void CaseView::refreshFromHall()
{
    // A sync brought the hall's events (another window's act, a hold, a recall): the view shows
    // them at once, unless a form of this view is open (it is read again when the form closes).
    QWidget* modal = QApplication::activeModalWidget();
    if (modal && modal != this) {
        m_stale = true;
        return;
    }
    reload();
}

void CaseView::openMatter()
{
    if (!m_state.matter)
        return;
    MatterView view(m_cases, m_user, m_state.matter->number, m_today, this);
    if (m_printing)
        view.setPrinting(*m_printing);
    view.exec();
    reload();
}

QString CaseView::startMatter()
{
    MatterIntakeDialog intake(m_cases.store(), m_cases, m_user, this);
    intake.startFrom(m_state);
    if (intake.exec() != QDialog::Accepted)
        return QString();
    reload();
    // One receipt listing every part, and one notice of everything missing across them.
    if (m_printing)
        previewMatterLetters(this, *m_printing, intake.matterNumber());
    return intake.matterNumber();
}

bool CaseView::inquire()
{
    if (m_state.caseNumber.isEmpty())
        return false;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Inquiry about %1").arg(m_state.caseNumber));
    auto* page =
        new InquiryPage(m_cases.store(), m_cases.store().clock(), m_cases.settings(), &dialog);
    page->setCases(&m_cases);
    page->setClerk(m_user);
    page->setCaseReference(m_state.caseNumber);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(page);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(page, &InquiryPage::recorded, &dialog, &QDialog::accept);
    dialog.resize(760, 620);
    // The asker's name is typed first (the dialog would give its Close button the focus).
    QTimer::singleShot(0, page,
                       [page, number = m_state.caseNumber] { page->setCaseReference(number); });
    const bool recorded = dialog.exec() == QDialog::Accepted;
    reload();
    return recorded;
}

core::Status CaseView::perform(core::EventType type, const QMap<QString, QVariant>& values)
{
    ActionForm form(type, m_state, *m_context.item, this, hallChoices(m_cases.store(), type));
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
    ActionForm form(type, m_state, *m_context.item, this, hallChoices(m_cases.store(), type));
    // 国办函〔2020〕109号 Art. 4: the applicant's earlier applications this month, from the hall's
    // cases by ID number or USCC (the clerk may correct it).
    if (type == core::EventType::FeeNoticed)
        if (auto prior = store::DisclosureQueries(m_cases).earlierApplicationsInMonth(m_caseId))
            form.setValue(QStringLiteral("priorInMonth"), *prior);
    while (!form.hasFields() || form.exec() == QDialog::Accepted) {
        auto done = m_cases.append(m_caseId, type, form.payload(), m_user.userId);
        if (done) {
            reload();
            return;
        }
        if (!form.hasFields()) {
            // No form to show it in (a refusal such as the clock gap, decision 7): a box says why.
            QMessageBox::warning(this, tr("Not recorded"), done.error().message);
            break;
        }
        form.showProblem(done.error().message); // keep what was typed, say why
    }
    // Refused or given up: what the refusal spoke of (a hold, another window's act) is shown.
    reload();
}

} // namespace onewindow::ui
