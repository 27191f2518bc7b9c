// A hall's document template (HTML with {{placeholders}}), as the documents take it once read:
// the complexity bound, the placeholders, the filling, and Qt's HTML reader laying it out in a
// text document that loads resources only from the hall's configuration folder.
#include "FuzzSupport.h"

#include "documents/ImageObject.h"
#include "documents/Templates.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdlib>

using namespace onewindow;

namespace {

struct Folders
{
    QTemporaryDir root;
    QString config;
    Folders()
    {
        QDir(root.path()).mkpath(QStringLiteral("config"));
        config = QDir(root.filePath(QStringLiteral("config"))).canonicalPath();
        // An image beside the folder that no template may reach (../secret.png, an absolute path).
        QImage secret(4, 4, QImage::Format_ARGB32);
        secret.fill(Qt::red);
        if (!secret.save(root.filePath(QStringLiteral("secret.png"))))
            fuzz::fail("fixture files", __FILE__, __LINE__, QString());
    }
};

// The document the documents use, watched: whatever it hands Qt came from inside the folder.
class WatchedDocument : public documents::ConfinedTextDocument
{
public:
    explicit WatchedDocument(const QString& config)
        : documents::ConfinedTextDocument(config), m_config(config)
    {}

protected:
    QVariant loadResource(int type, const QUrl& name) override
    {
        const QVariant loaded = documents::ConfinedTextDocument::loadResource(type, name);
        if (loaded.isValid() && !name.isRelative() && name.isLocalFile())
            FUZZ_CHECK(QFileInfo(name.toLocalFile()).canonicalFilePath().startsWith(m_config),
                       name.toString());
        if (loaded.isValid())
            FUZZ_CHECK(!name.toString().contains(QStringLiteral("secret")), name.toString());
        return loaded;
    }

private:
    QString m_config;
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    static QGuiApplication app(*argc, *argv); // fonts and the text layout need one
    fuzz::failOnBrokenFileNames();
    // Fonts are found once, before the first input: what they keep is no leak of an input's.
    QTextDocument warmUp;
    warmUp.setHtml(
        QStringLiteral("<p>政务服务中心 <b>x</b></p><table><tr><td>1</td></tr></table>"));
    warmUp.setTextWidth(600);
    warmUp.pageCount();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const Folders folders;
    const QString html = QString::fromUtf8(fuzz::bytesOf(data, size));
    const auto tooComplex = documents::templateTooComplex(html, QStringLiteral("fuzz.html"));
    const QStringList names = documents::placeholdersIn(html);
    FUZZ_CHECK(names.size() <= html.count(QStringLiteral("{{")), QString());
    if (tooComplex)
        return 0;

    QHash<QString, QString> text;
    QHash<QString, QString> raw;
    for (qsizetype i = 0; i < names.size(); ++i)
        (i % 2 ? raw : text).insert(names[i], QStringLiteral("<b>张三 & {{caseNumber}}</b>"));
    const QString filled = documents::fillTemplate(html, text, raw);

    WatchedDocument doc(folders.config);
    doc.setUndoRedoEnabled(false);
    doc.setUseDesignMetrics(true);
    doc.setHtml(filled);
    doc.setTextWidth(600);
    doc.setPageSize(QSizeF(600, 900));
    doc.pageCount();
    return 0;
}
