// The onewindow executable: only wiring.
#include "core/Clock.h"
#include "store/CalendarRepository.h"
#include "store/Store.h"
#include "ui/MainWindow.h"
#include "ui/UiText.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

using namespace onewindow;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("onewindow"));
    QApplication::setApplicationDisplayName(QObject::tr("OneWindow Service Workstation"));
    ui::installChineseTranslation(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("OneWindow comprehensive window workstation"));
    parser.addHelpOption();
    QCommandLineOption storeOption(QStringList{QStringLiteral("store")},
                                   QObject::tr("The store file (created when missing)."),
                                   QStringLiteral("PATH"), store::Store::defaultPath());
    parser.addOption(storeOption);
    parser.process(app);

    static core::SystemClock clock;
    auto opened = store::Store::open(parser.value(storeOption), clock);
    if (!opened) {
        QMessageBox::critical(nullptr, QObject::tr("Cannot open the store"),
                              opened.error().message);
        return 1;
    }
    std::unique_ptr<store::Store> storePtr = std::move(opened).value();
    store::CalendarRepository calendars(*storePtr);
    auto notices = calendars.loadNotices();
    if (!notices) {
        QMessageBox::critical(nullptr, QObject::tr("Cannot open the store"),
                              notices.error().message);
        return 1;
    }
    ui::MainWindow window(*storePtr, clock, core::WorkingCalendar(*notices));
    window.show();
    return QApplication::exec();
}
