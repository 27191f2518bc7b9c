#pragma once

#include <QChar>
#include <QString>
#include <QStringView>

namespace onewindow::core {

// The first letter of an ideograph's customary Mandarin reading (Unihan kMandarin, built at compile
// time from Debian's unicode-data): 不 -> 'b', 行 -> 'x'. A null QChar for anything else.
QChar pinyinInitial(char32_t codePoint);

// What a clerk types to find a name: the initial of each ideograph, and Latin letters and digits
// lower-cased as they are; anything else is dropped. 不动产转移登记 -> "bdczydj".
QString pinyinInitials(QStringView text);

} // namespace onewindow::core
