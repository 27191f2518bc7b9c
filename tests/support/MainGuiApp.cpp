int runCatch(int argc, char** argv); // support/CatchImpl.cpp

#include <QGuiApplication>

// Suites that paint (documents) but show no widgets: a QGuiApplication on the offscreen platform.
int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return runCatch(argc, argv);
}
