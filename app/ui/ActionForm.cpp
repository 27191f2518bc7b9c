#include "ui/ActionForm.h"

#include "ui_ActionForm.h"

#include "core/CasePayloads.h"
#include "core/EventText.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

namespace onewindow::ui {

using core::EventType;

ActionForm::ActionForm(EventType type, const core::CaseState& state, const core::ServiceItem& item,
                       QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ActionForm>()), m_type(type), m_state(state),
      m_item(item)
{
    m_ui->setupUi(this);
    setWindowTitle(core::eventTypeName(type));
    // Which case the action is for, so a clerk with two cases open cannot record it on the wrong
    // one.
    m_ui->introLabel->setText(tr("<b>%1</b> · case %2 · %3")
                                  .arg(core::eventTypeName(type).toHtmlEscaped(),
                                       state.caseNumber.toHtmlEscaped(),
                                       state.applicant.name.toHtmlEscaped()));
    m_ui->problemLabel->setStyleSheet(QStringLiteral("QLabel { color: #a40000; }"));
    m_ui->problemLabel->hide();
    switch (type) {
    case EventType::Note:
        addText(QStringLiteral("text"), tr("Note:"));
        break;
    case EventType::Suspended: {
        QList<std::pair<QString, QString>> kinds;
        for (const char* k : {"inspection", "testing", "quarantine", "appraisal", "expert_review",
                              "hearing", "tendering", "auction", "third_party"})
            kinds.append(
                {QString::fromLatin1(k), core::suspensionReasonName(QString::fromLatin1(k))});
        addChoice(QStringLiteral("reasonKind"), tr("Statutory reason:"), kinds);
        addText(QStringLiteral("reason"), tr("Details:"));
        break;
    }
    case EventType::ExtensionRequested:
        addChoice(QStringLiteral("clock"), tr("Extend:"),
                  {{QStringLiteral("statutory"), tr("the statutory limit")},
                   {QStringLiteral("promised"), tr("the promised limit")}});
        addNumber(QStringLiteral("days"), tr("By working days:"), 1, 60, 10);
        addText(QStringLiteral("reason"), tr("Reason (told to the applicant):"));
        break;
    case EventType::ExtensionRefused:
    case EventType::Withdrawn:
        addText(QStringLiteral("reason"), tr("Reason:"));
        break;
    case EventType::Forwarded:
        addText(QStringLiteral("to"), tr("Back office:"));
        addText(QStringLiteral("note"), tr("Note:"));
        break;
    case EventType::Decided:
        addChoice(QStringLiteral("outcome"), tr("Decision:"),
                  {{QStringLiteral("granted"), tr("Granted")},
                   {QStringLiteral("not_granted"), tr("Not granted")}});
        addText(QStringLiteral("decisionNumber"), tr("Decision number:"));
        break;
    case EventType::Delivered:
        addChoice(QStringLiteral("method"), tr("Delivered by:"),
                  {{QStringLiteral("pickup"), tr("Pickup at the window")},
                   {QStringLiteral("post"), tr("Post")},
                   {QStringLiteral("electronic"), tr("Electronic")}});
        addText(QStringLiteral("signer"), tr("Signed for by (pickup):"), m_state.applicant.name);
        addText(QStringLiteral("carrier"), tr("Carrier (post):"));
        addText(QStringLiteral("trackingNumber"), tr("Tracking number (post):"));
        break;
    case EventType::Rated: {
        QList<std::pair<QString, QString>> levels;
        for (int level = 5; level >= 1; --level)
            levels.append({QString::number(level), core::ratingName(level)});
        addChoice(QStringLiteral("level"), tr("Rating:"), levels);
        addText(QStringLiteral("comment"), tr("Comment:"));
        break;
    }
    case EventType::RatingFollowedUp:
        addText(QStringLiteral("result"), tr("Follow-up result:"));
        break;
    case EventType::Refused:
        addChoice(QStringLiteral("reasonKind"), tr("Reason kind:"),
                  {{QStringLiteral("no_licence_needed"),
                    core::refusalReasonName(QStringLiteral("no_licence_needed"))},
                   {QStringLiteral("not_competent"),
                    core::refusalReasonName(QStringLiteral("not_competent"))},
                   {QStringLiteral("other"), core::refusalReasonName(QStringLiteral("other"))}});
        addText(QStringLiteral("reason"), tr("Reason:"));
        addText(QStringLiteral("competentOffice"), tr("Competent office:"));
        break;
    case EventType::SupervisionAnswered:
        addText(QStringLiteral("reply"), tr("What was done:"));
        break;
    case EventType::Supervised:
        addText(QStringLiteral("toClerk"), tr("To clerk:"), m_state.receivedBy);
        addText(QStringLiteral("note"), tr("What to do:"));
        addText(QStringLiteral("dueDate"), tr("Due (YYYY-MM-DD):"));
        break;
    case EventType::Received:
    case EventType::NoticeIssued:
    case EventType::Corrected:
    case EventType::Accepted:
    case EventType::DeemedAccepted:
    case EventType::DeemedAbandoned:
    case EventType::Resumed:
    case EventType::ExtensionApproved:
    case EventType::ResultReady:
    case EventType::DocumentPrinted:
    case EventType::DeadlineRecomputed:
        break; // nothing to ask
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The buttons come from the form and so were made before the fields: Tab must still go
    // through the fields first, from the top, and typing starts in the first one.
    QWidget* previous = nullptr;
    for (int row = 0; row < m_ui->fieldsLayout->rowCount(); ++row) {
        QLayoutItem* field = m_ui->fieldsLayout->itemAt(row, QFormLayout::FieldRole);
        if (!field || !field->widget())
            continue;
        if (previous)
            setTabOrder(previous, field->widget());
        else
            field->widget()->setFocus();
        previous = field->widget();
    }
    if (previous)
        setTabOrder(previous, m_ui->buttonBox);
}

ActionForm::~ActionForm() = default;

void ActionForm::addText(const QString& key, const QString& label, const QString& initial)
{
    auto* edit = new QLineEdit(initial, this);
    edit->setObjectName(key);
    m_ui->fieldsLayout->addRow(label, edit);
    m_fields.insert(key, edit);
}

void ActionForm::addChoice(const QString& key, const QString& label,
                           const QList<std::pair<QString, QString>>& options)
{
    auto* box = new QComboBox(this);
    box->setObjectName(key);
    for (const auto& [value, text] : options)
        box->addItem(text, value);
    m_ui->fieldsLayout->addRow(label, box);
    m_fields.insert(key, box);
}

void ActionForm::addNumber(const QString& key, const QString& label, int min, int max, int initial)
{
    auto* spin = new QSpinBox(this);
    spin->setObjectName(key);
    spin->setRange(min, max);
    spin->setValue(initial);
    m_ui->fieldsLayout->addRow(label, spin);
    m_fields.insert(key, spin);
}

void ActionForm::setValue(const QString& key, const QVariant& v)
{
    QWidget* w = m_fields.value(key);
    if (auto* edit = qobject_cast<QLineEdit*>(w))
        edit->setText(v.toString());
    else if (auto* box = qobject_cast<QComboBox*>(w))
        box->setCurrentIndex(box->findData(v.toString()));
    else if (auto* spin = qobject_cast<QSpinBox*>(w))
        spin->setValue(v.toInt());
}

QVariant ActionForm::value(const QString& key) const
{
    QWidget* w = m_fields.value(key);
    if (auto* edit = qobject_cast<QLineEdit*>(w))
        return edit->text().trimmed();
    if (auto* box = qobject_cast<QComboBox*>(w))
        return box->currentData();
    if (auto* spin = qobject_cast<QSpinBox*>(w))
        return spin->value();
    return QVariant();
}

void ActionForm::showProblem(const QString& message)
{
    m_ui->problemLabel->setText(message);
    m_ui->problemLabel->show();
}

QJsonObject ActionForm::payload() const
{
    namespace p = core::payload;
    const auto text = [this](const char* key) {
        return value(QString::fromLatin1(key)).toString();
    };
    switch (m_type) {
    case EventType::Note:
        return p::note(text("text"));
    case EventType::Suspended:
        return p::suspended(text("reasonKind"), text("reason"));
    case EventType::ExtensionRequested:
        return p::extensionRequested(text("clock"), value(QStringLiteral("days")).toInt(),
                                     text("reason"));
    case EventType::ExtensionRefused:
        return p::extensionRefused(text("reason"));
    case EventType::Withdrawn:
        return p::withdrawn(text("reason"));
    case EventType::Forwarded:
        return p::forwarded(text("to"), text("note"));
    case EventType::Decided:
        return p::decided(text("outcome"), text("decisionNumber"));
    case EventType::Delivered:
        return text("method") == QStringLiteral("pickup")
                   ? p::delivered(QStringLiteral("pickup"), text("signer"))
                   : p::delivered(text("method"), {}, text("carrier"), text("trackingNumber"));
    case EventType::Rated:
        return p::rated(text("level").toInt(), text("comment"));
    case EventType::RatingFollowedUp:
        return p::followedUp(text("result"));
    case EventType::Refused:
        return p::refused(text("reasonKind"), text("reason"), text("competentOffice"));
    case EventType::SupervisionAnswered:
        return p::supervisionAnswered(text("reply"), m_state.supervisionOrders);
    case EventType::Supervised: {
        const QDate due = QDate::fromString(text("dueDate"), Qt::ISODate);
        return p::supervised(text("toClerk"), m_state.windowCode, text("note"),
                             due.isValid() ? std::optional(due) : std::nullopt);
    }
    case EventType::Corrected: {
        // What the applicant brought back: every short material, now provided.
        QList<core::MaterialCheck> back;
        for (core::MaterialCheck m : m_state.materials)
            if (m.state == core::MaterialState::Missing ||
                m.state == core::MaterialState::Defective) {
                m.state = core::MaterialState::Provided;
                m.problem.clear();
                back.append(m);
            }
        return p::corrected(back);
    }
    case EventType::NoticeIssued:
        return p::notice(core::correctionsFor(m_state, m_item), m_item.correctionDays);
    case EventType::Accepted:
        return p::accepted();
    case EventType::Received:
    case EventType::DeemedAccepted:
    case EventType::DeemedAbandoned:
    case EventType::Resumed:
    case EventType::ExtensionApproved:
    case EventType::ResultReady:
    case EventType::DocumentPrinted:
    case EventType::DeadlineRecomputed:
        return QJsonObject();
    }
    return QJsonObject();
}

} // namespace onewindow::ui
