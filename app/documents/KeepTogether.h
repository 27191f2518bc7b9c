#pragma once

#include <QString>
#include <QStringList>

namespace onewindow::documents {

// U+2060 WORD JOINER: no line break on either side, no width, and it does not come back out of
// the PDF (pdftotext gives the text without it).
inline constexpr char16_t kWordJoiner = u'\u2060';

// The filled template with every value that must never break across lines glued together with
// word joiners: a date (2026年12月17日), a case or document number (620102-20261125-W03-0010,
// 620102-SL-2026-W07-00042), a 文号 (城食经许〔2026〕123号), a material's count and state
// (1 份 已提交), and each of `names` (offices, the hall, review body, court). Only text between
// tags is touched; entities are left whole. Linear in the HTML's length per name.
QString keepTogether(const QString& html, QStringList names);

// `text` without its word joiners (what a reader copies out of the page).
QString withoutJoiners(QString text);

} // namespace onewindow::documents
