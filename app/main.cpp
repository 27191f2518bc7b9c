// The onewindow executable: only wiring.
#include "core/Clock.h"
#include "store/CalendarRepository.h"
#include "store/Store.h"
#include "ui/MainWindow.h"
#include "ui/Startup.h"

#include <QApplication>

using namespace onewindow;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const ui::StartupOptions options = ui::startApplication(app);

    static core::SystemClock clock;
    auto opened = store::Store::open(options.storePath, clock);
    if (!opened) {
        ui::showStoreError(opened.error());
        return 1;
    }
    std::unique_ptr<store::Store> storePtr = std::move(opened).value();
    auto notices = store::CalendarRepository(*storePtr).loadNotices();
    if (!notices) {
        ui::showStoreError(notices.error());
        return 1;
    }
    ui::MainWindow window(*storePtr, clock, core::WorkingCalendar(*notices));
    window.show();
    return QApplication::exec();
}
