// hall.json as the documents read it from a hall's configuration folder. Whatever it says, every
// file it names that is kept lies inside the folder (never /etc/passwd, never ../..).
#include "FuzzSupport.h"

#include "documents/HallProfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace onewindow;

namespace {

struct Folders
{
    QTemporaryDir root;
    QString config; // root/config: hall.json's folder, with a seal and a template
    Folders()
    {
        QDir(root.path()).mkpath(QStringLiteral("config/templates"));
        config = root.filePath(QStringLiteral("config"));
        for (const QString& name :
             {QStringLiteral("config/seal.png"), QStringLiteral("config/templates/acceptance.html"),
              QStringLiteral("outside.html"), QStringLiteral("outside.png")}) {
            QFile file(root.filePath(name));
            if (!file.open(QIODevice::WriteOnly))
                fuzz::fail("fixture files", __FILE__, __LINE__, name);
            file.write("x");
        }
        // A link out of the folder: a name through it is no name inside it.
        QFile::link(root.path(), root.filePath(QStringLiteral("config/up")));
    }
};

bool inside(const QString& path, const QString& folder)
{
    return path.startsWith(folder + QLatin1Char('/'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const bool watching = (fuzz::failOnBrokenFileNames(), true);
    (void)watching;
    static const Folders folders;
    const QString config = QDir(folders.config).canonicalPath();
    const documents::HallProfileLoad load = documents::hallProfileFromJson(
        fuzz::bytesOf(data, size), config, config + QStringLiteral("/hall.json"));
    const documents::HallProfile& p = load.profile;
    FUZZ_CHECK(p.sealImage.isEmpty() || inside(p.sealImage, config), p.sealImage);
    for (auto it = p.templates.cbegin(); it != p.templates.cend(); ++it)
        FUZZ_CHECK(inside(QDir::cleanPath(it.value()), config),
                   it.key() + QLatin1Char('=') + it.value());
    for (const QChar c : p.queryUrl)
        FUZZ_CHECK(c.unicode() > 0x20 && c.unicode() < 0x7f, p.queryUrl);
    for (const core::Error& w : load.warnings)
        FUZZ_CHECK(!w.code.isEmpty() && !w.message.isEmpty(), w.code);
    return 0;
}
