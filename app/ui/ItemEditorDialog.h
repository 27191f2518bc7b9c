#pragma once

#include "core/Catalog.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ItemEditorDialog;
}

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

class FeesTable;
class MaterialsTable;

// The administrator's item editor: every field of the office guide, fees and materials (rows
// reorderable), validated as in import, saved as a new version with a reason; the version history
// is shown beside it, each old version readable as it was.
class ItemEditorDialog : public QDialog
{
    Q_OBJECT
public:
    // Edits the current version of `code`, or a new item when `code` is empty.
    ItemEditorDialog(store::Store& store, const QString& code, QWidget* parent = nullptr);
    ~ItemEditorDialog() override;

    core::ServiceItem item() const; // what the form holds now
    void setItem(const core::ServiceItem& item);
    QStringList problems() const; // validation messages currently shown
    int savedVersion() const { return m_savedVersion; }
    QString loadError() const { return m_loadError; }

    // Validates and saves; on success the dialog is accepted. Returns false and shows why
    // otherwise.
    bool save();

private:
    void revalidate();
    void loadHistory(const QString& code);
    void showHistoryVersion(int row);
    void onProfileChanged();

    std::unique_ptr<Ui::ItemEditorDialog> m_ui;
    store::Store& m_store;
    std::unique_ptr<MaterialsTable> m_materials;
    std::unique_ptr<FeesTable> m_fees;
    bool m_isNew;
    int m_savedVersion = 0;
    QString m_loadError;
};

} // namespace onewindow::ui
