#include "core/JsonStrict.h"

#include <QList>
#include <QSet>

#include <algorithm>
#include <cstring>

namespace onewindow::core {

namespace {

bool isControl(uint c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
}

class Scanner
{
public:
    Scanner(const QByteArray& json, const QString& source) : m_json(json), m_source(source) {}

    std::optional<Error> run()
    {
        // One set of keys per open object; arrays push nothing but are tracked to pair brackets.
        QList<QSet<QString>> objects;
        QList<bool> isObject;
        bool expectKey = false;
        for (m_at = 0; m_at < m_json.size(); ++m_at) {
            const char c = m_json.at(m_at);
            if (c == '{') {
                objects.append(QSet<QString>());
                isObject.append(true);
                expectKey = true;
            } else if (c == '[') {
                isObject.append(false);
                expectKey = false;
            } else if (c == '}' || c == ']') {
                if (!isObject.isEmpty()) {
                    if (isObject.takeLast())
                        objects.removeLast();
                }
                expectKey = false;
            } else if (c == ',') {
                expectKey = !isObject.isEmpty() && isObject.last();
            } else if (c == '"') {
                QString text;
                if (auto problem = string(text))
                    return problem;
                if (expectKey && !objects.isEmpty()) {
                    if (objects.last().contains(text))
                        return fail("json.duplicate_key",
                                    QStringLiteral("键“%1”在同一对象中出现了两次").arg(text));
                    objects.last().insert(text);
                }
                expectKey = false;
            }
        }
        return std::nullopt;
    }

private:
    std::optional<Error> fail(const char* code, const QString& problem) const
    {
        const auto line = 1 + std::count(m_json.begin(), m_json.begin() + m_at, '\n');
        return Error{QString::fromLatin1(code),
                     QStringLiteral("%1：第 %2 行：%3").arg(m_source).arg(line).arg(problem)};
    }

    // m_at is on the opening quote; leaves it on the closing one. Decodes into `text`.
    std::optional<Error> string(QString& text)
    {
        QByteArray raw;
        for (++m_at; m_at < m_json.size(); ++m_at) {
            const auto c = static_cast<unsigned char>(m_json.at(m_at));
            if (c == '"')
                break;
            if (isControl(c))
                return fail("json.control_character", QStringLiteral("文字中含控制字符（U+%1）")
                                                          .arg(c, 4, 16, QLatin1Char('0'))
                                                          .toUpper());
            if (c != '\\') {
                raw.append(static_cast<char>(c));
                continue;
            }
            if (++m_at >= m_json.size())
                break;
            const char e = m_json.at(m_at);
            // Only JSON's own escapes (RFC 8259 §7). Qt's parser reads "\" before a raw NUL as a
            // NUL and this scanner would have skipped it unchecked: found by fuzzing hall.json.
            if (!std::strchr("\"\\/bfnrtu", e) || e == '\0')
                return fail("json.bad_escape",
                            QStringLiteral("文字中有无效的转义“\\%1”（只可用 \\\" \\\\ \\/ \\b "
                                           "\\f \\n \\r \\t \\uXXXX）")
                                .arg(isControl(static_cast<unsigned char>(e))
                                         ? QStringLiteral("U+%1").arg(static_cast<unsigned char>(e),
                                                                      4, 16, QLatin1Char('0'))
                                         : QString::fromLatin1(&e, 1)));
            if (e != 'u') {
                raw.append('\\').append(e);
                continue;
            }
            bool ok = false;
            const uint code = m_json.mid(m_at + 1, 4).toUInt(&ok, 16);
            if (ok && isControl(code))
                return fail(
                    "json.control_character",
                    QStringLiteral("文字中含控制字符（\\u%1）").arg(code, 4, 16, QLatin1Char('0')));
            raw.append('\\').append(e);
        }
        // Keys are compared as written, escapes included: "a" and "\u0061" are rare enough.
        text = QString::fromUtf8(raw);
        return std::nullopt;
    }

    const QByteArray& m_json;
    const QString& m_source;
    qsizetype m_at = 0;
};

} // namespace

std::optional<Error> strictJsonProblem(const QByteArray& json, const QString& source)
{
    return Scanner(json, source).run();
}

} // namespace onewindow::core
