#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

class CatalogModel;

// The catalog browser: type a name fragment, a code or pinyin initials (bdc) and read the item's
// guide to the applicant. Down moves from the search box into the list, Esc clears the search,
// Ctrl+E edits the selected item, Ctrl+N creates one (administrators).
class CatalogPage : public QWidget
{
    Q_OBJECT
public:
    CatalogPage(store::Store& store, QWidget* parent = nullptr);

    void reload(); // after an import or an edit
    void setQuery(const QString& query);
    QString selectedCode() const;
    void selectCode(const QString& code);
    QString guideHtml() const;
    void setEditable(bool editable); // administrators create and edit items
    CatalogModel* model() const { return m_model; }
    QLineEdit* searchEdit() const { return m_search; }

Q_SIGNALS:
    void editRequested(const QString& code);
    void newRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showSelected();
    void updateCount();

    store::Store& m_store;
    CatalogModel* m_model;
    QLineEdit* m_search;
    QLabel* m_count;
    QTableView* m_view;
    QTextBrowser* m_guide;
    QPushButton* m_edit;
    QPushButton* m_new;
    bool m_editable = true;
};

} // namespace onewindow::ui
