int runCatch(int argc, char** argv); // support/CatchImpl.cpp

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return runCatch(argc, argv);
}
