#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <cstdio>

namespace onewindow::core {

// A deadline question as the ctl takes it: "FROM N", the N-th working day (or N 日) after FROM.
struct DeadlineQuery
{
    QDate from;
    int n = 0;
};

// Validates "FROM" (strict YYYY-MM-DD, a real day) and "N" (a non-negative integer of at most
// nine digits). The message names what is wrong.
Result<DeadlineQuery> parseDeadlineQuery(const QString& fromText, const QString& nText);

// One line of `deadline --batch` as read: its bytes up to kMaxLine, and whether it held a NUL or
// ran longer. A NUL neither ends nor hides a line and a long line stays one line.
struct BatchLine
{
    static constexpr qsizetype kMaxLine = 4095;
    QByteArray bytes;
    bool hasNul = false;
    bool tooLong = false;
};

// Reads one line (without its '\n') from `next`, which returns the next byte or EOF; false at the
// end of input with nothing read. A template so the ctl reads stdin without a call per byte.
template <typename NextByte>
bool readBatchLine(NextByte&& next, BatchLine& line)
{
    line = BatchLine();
    int c = 0;
    bool any = false;
    while ((c = next()) != EOF) {
        any = true;
        if (c == '\n')
            return true;
        if (c == '\0')
            line.hasNul = true;
        if (line.bytes.size() < BatchLine::kMaxLine)
            line.bytes.append(static_cast<char>(c));
        else
            line.tooLong = true;
    }
    return any;
}

// What one batch line asks: nothing (a blank line, answered with nothing), a query, or the problem
// (a NUL byte, too long, not two fields, a bad date or number) to answer in its place.
struct BatchLineParse
{
    bool blank = false;
    DeadlineQuery query;
    QString problem; // empty when the line is blank or a valid query
};
BatchLineParse parseBatchLine(const BatchLine& line);

} // namespace onewindow::core
