#include "documents/Templates.h"

#include "input/InputFile.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace onewindow::documents {

namespace {

const QRegularExpression& placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([^{}]*?)\\s*\\}\\}"));
    return pattern;
}

core::Error refusal(const char* code, const QString& message)
{
    return core::Error{QString::fromLatin1(code), message};
}

} // namespace

QString pageFormatKey(PageFormat format)
{
    return format == PageFormat::A4 ? QStringLiteral("a4") : QStringLiteral("80mm");
}

std::optional<PageFormat> pageFormatFromKey(const QString& key)
{
    if (key == QStringLiteral("a4"))
        return PageFormat::A4;
    if (key == QStringLiteral("80mm"))
        return PageFormat::Receipt80mm;
    return std::nullopt;
}

bool hasFormat(core::DocumentKind kind, PageFormat format)
{
    if (format == PageFormat::A4)
        return true;
    return kind == core::DocumentKind::Receipt || kind == core::DocumentKind::Acceptance ||
           kind == core::DocumentKind::Ready || kind == core::DocumentKind::DisclosureReply;
}

QString templateKey(core::DocumentKind kind, PageFormat format)
{
    return core::documentKindKey(kind) +
           (format == PageFormat::A4 ? QString() : QStringLiteral("-80mm"));
}

QString builtInTemplatePath(core::DocumentKind kind, PageFormat format)
{
    return QStringLiteral(":/resources/documents/%1/%2.html")
        .arg(pageFormatKey(format), core::documentKindKey(kind));
}

Template builtInTemplate(core::DocumentKind kind, PageFormat format)
{
    const QString path = builtInTemplatePath(kind, format);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Template{QString(), path};
    return Template{QString::fromUtf8(file.readAll()), path};
}

QStringList placeholdersIn(const QString& html)
{
    QStringList out;
    QSet<QString> seen; // not out.contains(): that made 500k placeholders quadratic
    auto it = placeholderPattern().globalMatch(html);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!seen.contains(name)) {
            seen.insert(name);
            out.append(name);
        }
    }
    return out;
}

std::optional<core::Error> templateTooComplex(const QString& html, const QString& path)
{
    const qsizetype placeholders = html.count(QStringLiteral("{{"));
    const qsizetype tables = html.count(QStringLiteral("<table"), Qt::CaseInsensitive);
    int depth = 0;
    int deepest = 0;
    for (qsizetype at = html.indexOf(QLatin1String("<"), 0); at >= 0;
         at = html.indexOf(QLatin1String("<"), at + 1)) {
        const QStringView tag = QStringView(html).mid(at);
        if (tag.startsWith(QLatin1String("<table"), Qt::CaseInsensitive))
            deepest = std::max(deepest, ++depth);
        else if (tag.startsWith(QLatin1String("</table"), Qt::CaseInsensitive) && depth > 0)
            --depth;
    }
    if (deepest > kMaxTemplateTableDepth)
        return refusal(
            "template.too_complex",
            QStringLiteral("模板文件 %1 的表格嵌套 %2 层，超过上限（%3 层），已改用内置模板")
                .arg(path)
                .arg(deepest)
                .arg(kMaxTemplateTableDepth));
    if (placeholders <= kMaxTemplatePlaceholders && tables <= kMaxTemplateTables)
        return std::nullopt;
    return refusal("template.too_complex",
                   QStringLiteral("模板文件 %1 含 %2 个占位符、%3 个表格，超过上限（%4 个占位符、"
                                  "%5 个表格），已改用内置模板")
                       .arg(path)
                       .arg(placeholders)
                       .arg(tables)
                       .arg(kMaxTemplatePlaceholders)
                       .arg(kMaxTemplateTables));
}

Template chooseTemplate(core::DocumentKind kind, PageFormat format,
                        const QHash<QString, QString>& overrides, const QSet<QString>& known,
                        QList<core::Error>& warnings)
{
    const QString key = templateKey(kind, format);
    const QString path = overrides.value(key);
    if (path.isEmpty())
        return builtInTemplate(kind, format);
    if (!QFileInfo::exists(path)) {
        warnings.append(refusal(
            "template.missing",
            QStringLiteral("模板文件 %1 不存在或无法读取（%2），已改用内置模板").arg(path, key)));
        return builtInTemplate(kind, format);
    }
    // A device, a FIFO or an oversized file is refused before it is read.
    auto bytes = input::readInputFile(path, core::InputKind::Template);
    if (!bytes) {
        warnings.append(
            core::Error{bytes.error().code,
                        bytes.error().message + QStringLiteral("（%1），已改用内置模板").arg(key)});
        return builtInTemplate(kind, format);
    }
    const QString html = QString::fromUtf8(*bytes);
    if (auto problem = templateTooComplex(html, path)) {
        warnings.append(*problem);
        return builtInTemplate(kind, format);
    }
    QStringList unknown;
    for (const QString& name : placeholdersIn(html))
        if (!known.contains(name))
            unknown.append(QStringLiteral("{{%1}}").arg(name));
    if (!unknown.isEmpty()) {
        warnings.append(refusal("template.unknown_placeholder",
                                QStringLiteral("模板文件 %1 含未知占位符 %2，已改用内置模板")
                                    .arg(path, unknown.join(QStringLiteral("、")))));
        return builtInTemplate(kind, format);
    }
    return Template{html, path};
}

QString fillTemplate(const QString& html, const QHash<QString, QString>& text,
                     const QHash<QString, QString>& raw)
{
    QString out;
    out.reserve(html.size() * 2);
    qsizetype last = 0;
    auto it = placeholderPattern().globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(html).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (const auto r = raw.constFind(name); r != raw.constEnd())
            out += r.value();
        else
            out += text.value(name).toHtmlEscaped();
        last = m.capturedEnd();
    }
    out += QStringView(html).mid(last);
    return out;
}

} // namespace onewindow::documents
