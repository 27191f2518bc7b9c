#include "documents/KeepTogether.h"

#include <QRegularExpression>

#include <algorithm>

namespace onewindow::documents {

namespace {

QString joined(QStringView value)
{
    QString out;
    out.reserve(value.size() * 2);
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (i > 0 && !value.at(i).isLowSurrogate())
            out.append(QChar(kWordJoiner));
        out.append(value.at(i));
    }
    return out;
}

// Dates, numbers with hyphens, 文号, "N 份 STATE" (spaces of any width between).
const QRegularExpression& valuePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("\\d{4}年\\d{1,2}月\\d{1,2}日"
                       "|[0-9A-Za-z]+(?:-[0-9A-Za-z]+)+"
                       "|\\p{Han}{1,12}〔\\d{4}〕\\d+号"
                       "|\\d+[ \\x{3000}\\x{00A0}]*份[ \\x{3000}\\x{00A0}]*"
                       "(?:已提交|缺少|不符合要求|容缺后补|告知承诺|不适用|未核验)"));
    return pattern;
}

QString glueText(const QString& text, const QStringList& names)
{
    // Every range to glue, the earliest first and, at one start, the longest.
    QList<std::pair<qsizetype, qsizetype>> ranges; // start, length
    for (const QString& n : names)
        for (qsizetype at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + n.size()))
            ranges.append({at, n.size()});
    auto it = valuePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        ranges.append({m.capturedStart(), m.capturedLength()});
    }
    if (ranges.isEmpty())
        return text;
    std::sort(ranges.begin(), ranges.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    QString out;
    out.reserve(text.size() * 2);
    qsizetype done = 0;
    for (const auto& [start, length] : ranges) {
        if (start < done) // inside one already glued: extend it when it reaches further
        {
            if (start + length > done) {
                out += joined(QStringView(text).mid(done - 1, start + length - done + 1)).mid(1);
                done = start + length;
            }
            continue;
        }
        out += QStringView(text).mid(done, start - done);
        out += joined(QStringView(text).mid(start, length));
        done = start + length;
    }
    out += QStringView(text).mid(done);
    return out;
}

} // namespace

QString keepTogether(const QString& html, QStringList names)
{
    names.removeIf([](const QString& n) { return n.trimmed().size() < 2; });
    names.removeDuplicates();
    std::sort(names.begin(), names.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    QString out;
    out.reserve(html.size() + html.size() / 4);
    qsizetype i = 0;
    while (i < html.size()) {
        const QChar c = html.at(i);
        if (c == QLatin1Char('<') || c == QLatin1Char('&')) {
            // A tag or an entity: copied as it is.
            const qsizetype end = html.indexOf(c == QLatin1Char('<') ? u'>' : u';', i);
            const qsizetype stop = end < 0 ? html.size() : end + 1;
            out += QStringView(html).mid(i, stop - i);
            i = stop;
            continue;
        }
        qsizetype next = i;
        while (next < html.size() && html.at(next) != QLatin1Char('<') &&
               html.at(next) != QLatin1Char('&'))
            ++next;
        out += glueText(html.mid(i, next - i), names);
        i = next;
    }
    return out;
}

QString withoutJoiners(QString text)
{
    return text.remove(QChar(kWordJoiner));
}

} // namespace onewindow::documents
