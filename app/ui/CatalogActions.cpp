#include "ui/CatalogActions.h"

#include "core/CatalogJson.h"
#include "demo/DemoCatalog.h"
#include "input/InputFile.h"
#include "store/CatalogRepository.h"
#include "store/MatterRepository.h"
#include "ui/CatalogPage.h"
#include "ui/ItemEditorDialog.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>

namespace onewindow::ui {

CatalogActions::CatalogActions(store::Store& store, CatalogPage* page, QWidget* window)
    : QObject(window), m_store(store), m_page(page), m_window(window)
{
    connect(m_page, &CatalogPage::editRequested, this, [this](const QString& code) { edit(code); });
    connect(m_page, &CatalogPage::newRequested, this, [this] { edit(QString()); });
}

void CatalogActions::addTo(QMenu* menu)
{
    QAction* import = menu->addAction(tr("Import &catalog..."));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(import, &QAction::triggered, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(m_window, tr("Import a service catalog"), QString(),
                                         tr("Catalog files (*.json);;All files (*)"));
        if (!path.isEmpty())
            report(tr("Import catalog"), importFile(path));
    });
    QAction* exportAction = menu->addAction(tr("E&xport catalog..."));
    connect(exportAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            m_window, tr("Export the service catalog"), QStringLiteral("catalog.json"),
            tr("Catalog files (*.json)"));
        if (!path.isEmpty())
            report(tr("Export catalog"), exportFile(path));
    });
    QAction* demo = menu->addAction(tr("Load the &demo catalog"));
    connect(demo, &QAction::triggered, this, [this] { report(tr("Demo catalog"), loadDemo()); });
}

CatalogActions::Outcome CatalogActions::importFile(const QString& path)
{
    Outcome out;
    // A device, a FIFO or an oversized file is refused before it is read (core/InputFiles.h).
    auto bytes = input::readInputFile(path, core::InputKind::Catalog);
    if (!bytes) {
        out.errors.append(bytes.error().message);
        return out;
    }
    const QString name = QFileInfo(path).fileName();
    const core::CatalogParse parsed = core::parseCatalog(*bytes, name);
    for (const core::Error& e : parsed.errors)
        out.errors.append(e.message);
    if (!parsed.ok())
        return out;
    auto summary = store::CatalogRepository(m_store).importCatalog(
        parsed.items, parsed.matters, tr("Imported from %1").arg(name));
    if (!summary) {
        out.errors.append(summary.error().message);
        return out;
    }
    out.ok = true;
    out.summary = tr("Imported %1: %2 new, %3 changed (new versions), %4 unchanged.")
                      .arg(name)
                      .arg(summary->added)
                      .arg(summary->changed)
                      .arg(summary->unchanged);
    if (!parsed.matters.isEmpty())
        out.summary += QLatin1Char(' ') + tr("Matters: %1 new, %2 changed, %3 unchanged.")
                                              .arg(summary->mattersAdded)
                                              .arg(summary->mattersChanged)
                                              .arg(summary->mattersUnchanged);
    m_page->reload();
    return out;
}

CatalogActions::Outcome CatalogActions::exportFile(const QString& path)
{
    Outcome out;
    auto versions = store::CatalogRepository(m_store).currentItems();
    if (!versions) {
        out.errors.append(versions.error().message);
        return out;
    }
    QList<core::ServiceItem> items;
    for (const core::ItemVersion& v : *versions)
        items.append(v.item);
    auto matterVersions = store::MatterRepository(m_store).currentMatters();
    if (!matterVersions) {
        out.errors.append(matterVersions.error().message);
        return out;
    }
    QList<core::Matter> matters;
    for (const core::MatterVersion& v : *matterVersions)
        matters.append(v.matter);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(core::catalogToJson(items, matters)) < 0 ||
        !file.commit()) {
        out.errors.append(tr("%1: cannot be written (%2)").arg(path, file.errorString()));
        return out;
    }
    out.ok = true;
    out.summary = tr("Exported %1 items to %2.").arg(items.size()).arg(path);
    return out;
}

CatalogActions::Outcome CatalogActions::loadDemo()
{
    Outcome out;
    const QList<core::ServiceItem> items = demo::demoItems();
    if (items.isEmpty()) {
        out.errors.append(tr("The demo catalog is missing from this build."));
        return out;
    }
    auto summary = store::CatalogRepository(m_store).importCatalog(items, demo::demoMatters(),
                                                                   tr("Demo catalog"));
    if (!summary) {
        out.errors.append(summary.error().message);
        return out;
    }
    out.ok = true;
    out.summary = tr("Demo catalog: %1 new, %2 changed, %3 unchanged.")
                      .arg(summary->added)
                      .arg(summary->changed)
                      .arg(summary->unchanged);
    m_page->reload();
    return out;
}

int CatalogActions::edit(const QString& code)
{
    ItemEditorDialog dialog(m_store, code, m_window);
    if (!dialog.loadError().isEmpty()) {
        QMessageBox::warning(m_window, tr("Service item"), dialog.loadError());
        return 0;
    }
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    m_page->reload();
    m_page->selectCode(dialog.item().code);
    return dialog.savedVersion();
}

void CatalogActions::report(const QString& title, const Outcome& outcome)
{
    QMessageBox box(m_window);
    box.setWindowTitle(title);
    if (outcome.ok) {
        box.setIcon(QMessageBox::Information);
        box.setText(outcome.summary);
    } else {
        box.setIcon(QMessageBox::Warning);
        box.setText(tr("Nothing was stored; the catalog is unchanged. %n problem(s) found:",
                       nullptr, static_cast<int>(outcome.errors.size())));
        box.setInformativeText(outcome.errors.mid(0, 5).join(QLatin1Char('\n')));
        box.setDetailedText(outcome.errors.join(QLatin1Char('\n')));
    }
    box.exec();
}

} // namespace onewindow::ui
