#include "ui/ActionForm.h"

#include "ui_ActionForm.h"

#include "core/EventSpec.h"
#include "store/BackOfficeRepository.h"

#include <QCoreApplication>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>

namespace onewindow::ui {

using core::EventType;

ActionForm::ActionForm(EventType type, const core::CaseState& state, const core::ServiceItem& item,
                       QWidget* parent, const CallerChoices& choices)
    : QDialog(parent), m_ui(std::make_unique<Ui::ActionForm>()), m_type(type), m_state(state),
      m_item(item), m_choices(choices)
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
    // The fields are the action's own (core/EventSpec.h): adding an action adds no code here.
    for (const core::FormField& field : core::eventSpec(type).form) {
        const QString key = QString::fromLatin1(field.key);
        const QString label = QCoreApplication::translate("onewindow::ui::ActionForm", field.label);
        if (choices.contains(key)) {
            addCallerChoice(key, label, choices.value(key));
            continue;
        }
        switch (field.kind) {
        case core::FormField::Kind::Text:
            addText(key, label, field.initialText ? field.initialText(m_state) : QString());
            break;
        case core::FormField::Kind::Choice:
            addChoice(key, label, field.options ? field.options() : decltype(field.options()){},
                      field.required != nullptr);
            if (field.initialText) // the choice the case suggests (a reply's applicant kind)
                setValue(key, field.initialText(m_state));
            break;
        case core::FormField::Kind::Number:
            addNumber(key, label, field.min, field.max, field.initial);
            break;
        }
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ActionForm::accept);
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
                           const QList<std::pair<QString, QString>>& options, bool required)
{
    auto* box = new QComboBox(this);
    box->setObjectName(key);
    // A required choice (a decision's outcome, a refusal's legal ground) is never made for the
    // clerk: the box starts on an empty "please choose" and the form names it until chosen.
    if (required)
        box->addItem(tr("(choose)"), QString());
    for (const auto& [value, text] : options)
        box->addItem(text, value);
    m_ui->fieldsLayout->addRow(label, box);
    m_fields.insert(key, box);
}

void ActionForm::addCallerChoice(const QString& key, const QString& label,
                                 const CallerChoice& choice)
{
    QList<std::pair<QString, QString>> options;
    for (const QString& o : choice.options)
        options.append({o, o});
    addChoice(key, label, options, true);
    if (!choice.options.isEmpty())
        return;
    // Nothing to choose: the form says why and who can change it; OK names the empty field.
    auto* note = new QLabel(choice.emptyNote, this);
    note->setObjectName(key + QStringLiteral("Note"));
    note->setWordWrap(true);
    m_ui->fieldsLayout->addRow(QString(), note);
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
        // A value not among the choices (a matter part's catalog department that is no back
        // office of the hall) leaves a required choice on "(choose)" rather than on nothing.
        box->setCurrentIndex(
            std::max(box->findData(v.toString()), box->itemData(0).toString().isEmpty() ? 0 : -1));
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

QJsonObject ActionForm::values() const
{
    QJsonObject out;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        out.insert(it.key(), QJsonValue::fromVariant(value(it.key())));
    return out;
}

QJsonObject ActionForm::payload() const
{
    const core::EventSpec& spec = core::eventSpec(m_type);
    if (!spec.payloadFrom)
        return QJsonObject();
    return spec.payloadFrom(values(), m_state, m_item);
}

void ActionForm::accept()
{
    // A caller's choice with nothing to choose from (no back office listed): said, never sent.
    for (auto it = m_choices.cbegin(); it != m_choices.cend(); ++it)
        if (it->options.isEmpty()) {
            showProblem(it->emptyNote);
            return;
        }
    if (const core::Status filled = core::checkRequired(m_type, values()); !filled) {
        showProblem(filled.error().message);
        for (const core::FormField& field : core::eventSpec(m_type).form)
            if (field.required && value(QString::fromLatin1(field.key)).toString().isEmpty())
                if (QWidget* w = m_fields.value(QString::fromLatin1(field.key))) {
                    w->setFocus();
                    break;
                }
        return;
    }
    if (core::eventSpec(m_type).irreversible && !confirmIrreversible())
        return;
    QDialog::accept();
}

bool ActionForm::confirmIrreversible()
{
    QMessageBox box(QMessageBox::Warning, core::eventTypeName(m_type),
                    core::irreversibleQuestion(m_type, m_state), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmIrreversible"));
    QPushButton* go = box.addButton(core::eventTypeName(m_type), QMessageBox::DestructiveRole);
    QPushButton* back = box.addButton(tr("&Go back"), QMessageBox::RejectRole);
    // Enter and Esc both go back: the act needs a deliberate choice of its own button.
    box.setDefaultButton(back);
    box.setEscapeButton(back);
    box.exec();
    return box.clickedButton() == go;
}

ActionForm::CallerChoices hallChoices(store::Store& store, EventType type)
{
    if (type != EventType::Forwarded)
        return {};
    auto offices = store::BackOfficeRepository(store).forwardingChoices();
    if (offices && !*offices)
        return {}; // an island hall: the back office is written as text
    ActionForm::CallerChoice to;
    if (offices)
        to.options = **offices;
    to.emptyNote =
        !offices ? offices.error().message
                 : QCoreApplication::translate("onewindow::ui::ActionForm",
                                               "The hall has no back offices yet: an administrator "
                                               "lists them on the hall's server (onewindow-server "
                                               "backoffice add) before a case can be forwarded.");
    return {{QStringLiteral("to"), to}};
}

} // namespace onewindow::ui
