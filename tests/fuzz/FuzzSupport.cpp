#include "FuzzSupport.h"

#include "core/HolidayNotice.h"

#include <QFile>

#include <cstdio>
#include <cstdlib>

namespace onewindow::fuzz {

QByteArray sourceFile(const char* relative)
{
    const QString path = QStringLiteral(ONEWINDOW_SOURCE_DIR "/") + QString::fromUtf8(relative);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "fuzz: cannot read %s\n", qPrintable(path));
        std::abort();
    }
    return file.readAll();
}

const core::WorkingCalendar& shippedCalendar()
{
    static const core::WorkingCalendar calendar = [] {
        QList<core::HolidayNotice> notices;
        for (const char* year : {"2024", "2025", "2026"}) {
            const QByteArray name = QByteArray("resources/calendars/") + year + ".json";
            const core::NoticeParse parsed =
                core::parseHolidayNotice(sourceFile(name.constData()), QString::fromLatin1(name));
            if (!parsed.ok())
                fail("shipped notice parses", __FILE__, __LINE__, QString::fromLatin1(name));
            notices.append(parsed.notice);
        }
        return core::WorkingCalendar(notices);
    }();
    return calendar;
}

void failOnBrokenFileNames()
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString& message) {
        if (message.contains(QStringLiteral("Broken filename")))
            fail("no NUL reaches a file name", __FILE__, __LINE__, message);
        // Anything else Qt says about a random input (fonts without a script, bad HTML) is noise.
    });
}

void fail(const char* condition, const char* file, int line, const QString& detail)
{
    std::fprintf(stderr, "fuzz: %s:%d: property broken: %s\n  %s\n", file, line, condition,
                 qPrintable(detail));
    std::abort();
}

} // namespace onewindow::fuzz
