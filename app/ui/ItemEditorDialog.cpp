#include "ui/ItemEditorDialog.h"

#include "ui_ItemEditorDialog.h"

#include "core/ItemGuide.h"
#include "store/CatalogRepository.h"
#include "ui/ItemTables.h"

#include <QPushButton>
#include <QShortcut>

namespace onewindow::ui {

namespace {

template <typename E>
void fillCombo(QComboBox* box, const QList<E>& values, QString (*name)(E))
{
    for (E v : values)
        box->addItem(name(v), static_cast<int>(v));
}

template <typename E>
void selectValue(QComboBox* box, E value)
{
    box->setCurrentIndex(box->findData(static_cast<int>(value)));
}

} // namespace

ItemEditorDialog::ItemEditorDialog(store::Store& store, const QString& code, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ItemEditorDialog>()), m_store(store),
      m_isNew(code.isEmpty())
{
    m_ui->setupUi(this);
    m_materials = std::make_unique<MaterialsTable>(m_ui->materialsTable);
    m_fees = std::make_unique<FeesTable>(m_ui->feesTable);
    fillCombo<core::ItemKind>(m_ui->kindCombo,
                              {core::ItemKind::Licence, core::ItemKind::Confirmation,
                               core::ItemKind::PublicService, core::ItemKind::Disclosure,
                               core::ItemKind::Other},
                              &core::itemKindName);
    fillCombo<core::ProcedureProfile>(
        m_ui->profileCombo,
        {core::ProcedureProfile::Licence, core::ProcedureProfile::Disclosure,
         core::ProcedureProfile::PublicService, core::ProcedureProfile::SameDay},
        &core::profileName);
    for (QComboBox* unit :
         {m_ui->statutoryUnitCombo, m_ui->promisedUnitCombo, m_ui->correctionUnitCombo}) {
        unit->addItem(tr("working days (工作日)"), static_cast<int>(core::DayUnit::WorkingDays));
        unit->addItem(tr("calendar days (日)"), static_cast<int>(core::DayUnit::CalendarDays));
    }
    m_ui->warningSpin->setSpecialValueText(tr("Default (20 % of the limit)"));
    m_ui->deferralSpin->setRange(core::ServiceItem::kMinDeferralDays,
                                 core::ServiceItem::kMaxDeferralDays);
    for (QSpinBox* limit :
         {m_ui->statutorySpin, m_ui->promisedSpin, m_ui->warningSpin, m_ui->correctionSpin})
        limit->setMaximum(core::ServiceItem::kMaxLimitDays);
    m_ui->historyTable->setColumnCount(3);
    m_ui->historyTable->setHorizontalHeaderLabels({tr("Version"), tr("Saved (UTC)"), tr("Reason")});
    m_ui->historyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->historyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ui->historyTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->errorList->setStyleSheet(QStringLiteral("QListWidget { color: #a40000; }"));

    connect(m_ui->addMaterialButton, &QPushButton::clicked, this,
            [this] { m_materials->addRow(m_ui->codeEdit->text().trimmed()); });
    connect(m_ui->removeMaterialButton, &QPushButton::clicked, this, [this] {
        m_materials->removeCurrent();
        revalidate();
    });
    connect(m_ui->moveUpButton, &QPushButton::clicked, this,
            [this] { m_materials->moveCurrent(-1, m_ui->codeEdit->text().trimmed()); });
    connect(m_ui->moveDownButton, &QPushButton::clicked, this,
            [this] { m_materials->moveCurrent(1, m_ui->codeEdit->text().trimmed()); });
    // Keyboard paths for reordering: Alt+Up / Alt+Down in the materials table.
    auto* up = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), m_ui->materialsTable);
    up->setContext(Qt::WidgetWithChildrenShortcut);
    connect(up, &QShortcut::activated, m_ui->moveUpButton, &QPushButton::click);
    auto* down = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), m_ui->materialsTable);
    down->setContext(Qt::WidgetWithChildrenShortcut);
    connect(down, &QShortcut::activated, m_ui->moveDownButton, &QPushButton::click);
    connect(m_ui->addFeeButton, &QPushButton::clicked, this, [this] { m_fees->addRow(); });
    connect(m_ui->removeFeeButton, &QPushButton::clicked, this, [this] {
        m_fees->removeCurrent();
        revalidate();
    });
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this,
            &ItemEditorDialog::onProfileChanged);
    connect(m_ui->historyTable, &QTableWidget::currentCellChanged, this,
            [this](int row) { showHistoryVersion(row); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] { save(); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : findChildren<QLineEdit*>())
        connect(edit, &QLineEdit::textChanged, this, &ItemEditorDialog::revalidate);
    for (QSpinBox* spin : {m_ui->statutorySpin, m_ui->promisedSpin, m_ui->warningSpin,
                           m_ui->correctionSpin, m_ui->deferralSpin})
        connect(spin, &QSpinBox::valueChanged, this, &ItemEditorDialog::revalidate);
    connect(m_ui->materialsTable, &QTableWidget::itemChanged, this, &ItemEditorDialog::revalidate);
    connect(m_ui->feesTable, &QTableWidget::itemChanged, this, &ItemEditorDialog::revalidate);

    if (m_isNew) {
        setWindowTitle(tr("New service item"));
        core::ServiceItem blank;
        blank.code.clear();
        setItem(blank);
        m_ui->tabs->setTabEnabled(m_ui->tabs->indexOf(m_ui->historyTab), false);
    } else {
        auto current = store::CatalogRepository(m_store).currentItem(code);
        if (!current) {
            m_loadError = current.error().message;
        } else {
            setItem(current->item);
            setWindowTitle(
                tr("Edit %1 (version %2)").arg(current->item.name).arg(current->version));
        }
        m_ui->codeEdit->setReadOnly(true); // the code is the item's identity
        loadHistory(code);
    }
    revalidate();
}

ItemEditorDialog::~ItemEditorDialog() = default;

void ItemEditorDialog::setItem(const core::ServiceItem& item)
{
    m_ui->codeEdit->setText(item.code);
    m_ui->nameEdit->setText(item.name);
    m_ui->officeEdit->setText(item.office);
    m_ui->departmentEdit->setText(item.department);
    selectValue(m_ui->kindCombo, item.kind);
    selectValue(m_ui->profileCombo, item.profile);
    m_ui->statutorySpin->setValue(item.statutoryDays);
    m_ui->promisedSpin->setValue(item.promisedDays);
    m_ui->warningSpin->setValue(item.warningDays.value_or(-1));
    m_ui->correctionSpin->setValue(item.correctionDays);
    m_ui->deferralSpin->setValue(item.deferralDays);
    selectValue(m_ui->statutoryUnitCombo, item.statutoryUnit);
    selectValue(m_ui->promisedUnitCombo, item.promisedUnit);
    selectValue(m_ui->correctionUnitCombo, item.correctionUnit);
    m_ui->deliveryWindowCheck->setChecked(item.delivery.contains(core::DeliveryOption::Window));
    m_ui->deliveryPostCheck->setChecked(item.delivery.contains(core::DeliveryOption::Post));
    m_ui->deliveryElectronicCheck->setChecked(
        item.delivery.contains(core::DeliveryOption::Electronic));
    m_ui->phoneEdit->setText(item.phone);
    m_ui->whereEdit->setText(item.whereToApply);
    m_ui->hoursEdit->setText(item.hours);
    m_ui->legalBasisEdit->setPlainText(item.legalBasis);
    m_ui->mistakesEdit->setPlainText(item.frequentMistakes);
    m_fees->setFees(item.fees);
    m_materials->setMaterials(item.materials);
    onProfileChanged();
}

core::ServiceItem ItemEditorDialog::item() const
{
    core::ServiceItem item;
    item.code = m_ui->codeEdit->text().trimmed().toUpper();
    item.name = m_ui->nameEdit->text().trimmed();
    item.office = m_ui->officeEdit->text().trimmed();
    item.department = m_ui->departmentEdit->text().trimmed();
    item.kind = static_cast<core::ItemKind>(m_ui->kindCombo->currentData().toInt());
    item.profile = static_cast<core::ProcedureProfile>(m_ui->profileCombo->currentData().toInt());
    item.statutoryDays = m_ui->statutorySpin->value();
    item.promisedDays = m_ui->promisedSpin->value();
    if (m_ui->warningSpin->value() >= 0)
        item.warningDays = m_ui->warningSpin->value();
    item.correctionDays = m_ui->correctionSpin->value();
    item.deferralDays = m_ui->deferralSpin->value();
    item.statutoryUnit =
        static_cast<core::DayUnit>(m_ui->statutoryUnitCombo->currentData().toInt());
    item.promisedUnit = static_cast<core::DayUnit>(m_ui->promisedUnitCombo->currentData().toInt());
    item.correctionUnit =
        static_cast<core::DayUnit>(m_ui->correctionUnitCombo->currentData().toInt());
    item.delivery.clear();
    if (m_ui->deliveryWindowCheck->isChecked())
        item.delivery.append(core::DeliveryOption::Window);
    if (m_ui->deliveryPostCheck->isChecked())
        item.delivery.append(core::DeliveryOption::Post);
    if (m_ui->deliveryElectronicCheck->isChecked())
        item.delivery.append(core::DeliveryOption::Electronic);
    item.phone = m_ui->phoneEdit->text().trimmed();
    item.whereToApply = m_ui->whereEdit->text().trimmed();
    item.hours = m_ui->hoursEdit->text().trimmed();
    item.legalBasis = m_ui->legalBasisEdit->toPlainText().trimmed();
    item.frequentMistakes = m_ui->mistakesEdit->toPlainText().trimmed();
    item.fees = m_fees->fees();
    item.materials = m_materials->materials(item.code);
    return item;
}

QStringList ItemEditorDialog::problems() const
{
    QStringList out;
    for (int i = 0; i < m_ui->errorList->count(); ++i)
        out.append(m_ui->errorList->item(i)->text());
    return out;
}

void ItemEditorDialog::revalidate()
{
    const QList<core::Error> errors = core::validateItem(item());
    m_ui->errorList->clear();
    for (const core::Error& e : errors)
        m_ui->errorList->addItem(e.message);
    m_ui->errorList->setVisible(!errors.isEmpty());
    if (QPushButton* saveButton = m_ui->buttonBox->button(QDialogButtonBox::Save))
        saveButton->setEnabled(errors.isEmpty() && m_loadError.isEmpty());
}

void ItemEditorDialog::onProfileChanged()
{
    // 即办件 promise the same day: the promised limit is 0 and not editable.
    const bool sameDay = m_ui->profileCombo->currentData().toInt() ==
                         static_cast<int>(core::ProcedureProfile::SameDay);
    if (sameDay)
        m_ui->promisedSpin->setValue(0);
    m_ui->promisedSpin->setEnabled(!sameDay);
    revalidate();
}

bool ItemEditorDialog::save()
{
    revalidate();
    if (!problems().isEmpty() || !m_loadError.isEmpty())
        return false;
    const QString note = m_ui->noteEdit->text().trimmed();
    if (note.isEmpty() && !m_isNew) {
        m_ui->errorList->addItem(
            tr("Say why the item changes: the reason is kept with the new version."));
        m_ui->errorList->setVisible(true);
        m_ui->noteEdit->setFocus();
        return false;
    }
    auto saved =
        store::CatalogRepository(m_store).saveItem(item(), note.isEmpty() ? tr("New item") : note);
    if (!saved) {
        m_ui->errorList->addItem(saved.error().message);
        m_ui->errorList->setVisible(true);
        return false;
    }
    m_savedVersion = *saved;
    accept();
    return true;
}

void ItemEditorDialog::loadHistory(const QString& code)
{
    auto history = store::CatalogRepository(m_store).history(code);
    if (!history)
        return;
    m_ui->historyTable->setRowCount(static_cast<int>(history->size()));
    for (int row = 0; row < history->size(); ++row) {
        const core::ItemVersion& v = history->at(row);
        auto* version = new QTableWidgetItem(tr("v%1").arg(v.version));
        version->setData(Qt::UserRole, v.version);
        m_ui->historyTable->setItem(row, 0, version);
        m_ui->historyTable->setItem(row, 1,
                                    new QTableWidgetItem(v.createdAtUtc.left(19).replace(
                                        QLatin1Char('T'), QLatin1Char(' '))));
        m_ui->historyTable->setItem(row, 2, new QTableWidgetItem(v.note));
    }
    m_ui->historyTable->resizeColumnsToContents();
}

void ItemEditorDialog::showHistoryVersion(int row)
{
    const QTableWidgetItem* cell = m_ui->historyTable->item(row, 0);
    if (!cell)
        return;
    auto version = store::CatalogRepository(m_store).itemVersion(m_ui->codeEdit->text(),
                                                                 cell->data(Qt::UserRole).toInt());
    m_ui->historyView->setHtml(version ? core::itemGuideHtml(version->item)
                                       : version.error().message.toHtmlEscaped());
}

} // namespace onewindow::ui
