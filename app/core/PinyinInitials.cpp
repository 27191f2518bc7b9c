#include "core/PinyinInitials.h"

#include "PinyinTable.inc"

#include <QList>

namespace onewindow::core {

QChar pinyinInitial(char32_t codePoint)
{
    if (codePoint < kPinyinFirst || codePoint > kPinyinLast)
        return QChar();
    const char letter = kPinyinInitials[codePoint - kPinyinFirst];
    return letter == '.' ? QChar() : QChar(QLatin1Char(letter));
}

QString pinyinInitials(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const uint cp : text.toUcs4()) {
        if (cp < 128) {
            const char c = static_cast<char>(cp);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                out += QLatin1Char(c);
            else if (c >= 'A' && c <= 'Z')
                out += QLatin1Char(static_cast<char>(c - 'A' + 'a'));
            continue;
        }
        const QChar initial = pinyinInitial(cp);
        if (!initial.isNull())
            out += initial;
    }
    return out;
}

} // namespace onewindow::core
