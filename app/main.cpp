// The onewindow executable: only wiring.
#include "ui/Startup.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const onewindow::ui::StartupOptions options = onewindow::ui::startApplication(app);
    return onewindow::ui::runWorkstation(app, options);
}
