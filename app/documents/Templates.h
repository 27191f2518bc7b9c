#pragma once

#include "core/DocumentKind.h"
#include "core/Error.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace onewindow::documents {

// A4 portrait letters, or the 80 mm roll of a receipt printer.
enum class PageFormat
{
    A4,
    Receipt80mm,
};
QString pageFormatKey(PageFormat format); // a4, 80mm
std::optional<PageFormat> pageFormatFromKey(const QString& key);
// The 80 mm layout exists for the material receipt, the acceptance receipt (受理回执), the
// pickup slip (领取签收单) and the slip of a disclosure reply collected in person
// (答复书领取签收单); every kind has its A4 letter.
bool hasFormat(core::DocumentKind kind, PageFormat format);
// The key of a template in hall.json's "templates": acceptance, acceptance-80mm.
QString templateKey(core::DocumentKind kind, PageFormat format);

// A document's template: HTML (the subset QTextDocument reads) with {{placeholders}}. The
// built-in ones are resources (:/resources/documents/FORMAT/KIND.html); a hall overrides them
// from its configuration folder.
struct Template
{
    QString html;
    QString origin; // the file it came from
};

QString builtInTemplatePath(core::DocumentKind kind, PageFormat format);
Template builtInTemplate(core::DocumentKind kind, PageFormat format);

// The placeholders of a template text, in order of first appearance ({{ name }}). Linear.
QStringList placeholdersIn(const QString& html);

// A hall's template is refused before it is parsed when it holds more placeholders or tables
// than any letter needs (the built-in ones have ~30 and ~3): Qt's HTML reader takes time
// quadratic in the nesting of unclosed tables, and 500k placeholders are no letter.
constexpr int kMaxTemplatePlaceholders = 1000;
constexpr int kMaxTemplateTables = 200;
// Qt's layout time grows exponentially with tables nested inside tables (20 unclosed levels took
// 80 s, found by fuzzing); the built-in templates nest none, the documents' own tables one.
constexpr int kMaxTemplateTableDepth = 8;
// Empty, or the problem (naming `path`), counted in one pass over the text.
std::optional<core::Error> templateTooComplex(const QString& html, const QString& path);

// The template to fill: the hall's override when it names an existing regular file within the
// template size (core/InputFiles.h), not too complex, whose placeholders are all `known`; otherwise
// the built-in one, and `warnings` gets a message naming the file and the problem (a missing file,
// an unknown placeholder).
Template chooseTemplate(core::DocumentKind kind, PageFormat format,
                        const QHash<QString, QString>& overrides, const QSet<QString>& known,
                        QList<core::Error>& warnings);

// Fills the placeholders: `text` values are HTML-escaped, `raw` ones (tables, the QR code, the
// seal block) are inserted as they are.
QString fillTemplate(const QString& html, const QHash<QString, QString>& text,
                     const QHash<QString, QString>& raw);

} // namespace onewindow::documents
