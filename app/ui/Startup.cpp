#include "ui/Startup.h"

#include "store/Store.h"
#include "ui/UiText.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

namespace onewindow::ui {

StartupOptions startApplication(QApplication& app)
{
    QApplication::setApplicationName(QStringLiteral("onewindow"));
    installChineseTranslation(app);
    QApplication::setApplicationDisplayName(
        QApplication::translate("Startup", "OneWindow Service Workstation"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("Startup", "OneWindow comprehensive window workstation"));
    parser.addHelpOption();
    QCommandLineOption storeOption(
        QStringList{QStringLiteral("store")},
        QApplication::translate("Startup", "The store file (created when missing)."),
        QStringLiteral("PATH"), store::Store::defaultPath());
    parser.addOption(storeOption);
    parser.process(app);
    return StartupOptions{parser.value(storeOption)};
}

void showStoreError(const core::Error& error)
{
    QMessageBox box(QMessageBox::Critical,
                    QApplication::translate("Startup", "Cannot open the store"), error.message);
    box.setInformativeText(
        QApplication::translate("Startup", "Error code: %1. The store file was not changed.")
            .arg(error.code));
    box.exec();
}

} // namespace onewindow::ui
