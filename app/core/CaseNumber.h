#pragma once

#include "core/Error.h"

#include <QDate>
#include <QString>

#include <optional>

namespace onewindow::core {

// A case number, unique system-wide without a network (domain.md "Identifiers"): the hall code,
// the day of receipt, the window (device) code and that window's sequence of the day, e.g.
// 620102-20261122-W07-0042.
struct CaseNumber
{
    static constexpr int kFirstSequence = 1;
    static constexpr int kLastSequence = 9999; // four digits: a window's numbers for one day

    QString hallCode;
    QDate date;
    QString windowCode;
    int sequence = 0;

    // Checks every part (hall code, a valid date, window code, sequence 1..9999).
    static Result<CaseNumber> make(const QString& hallCode, const QDate& date,
                                   const QString& windowCode, int sequence);
    // Reads a number back; anything else is refused with a Chinese message.
    static Result<CaseNumber> parse(const QString& text);

    QString text() const; // 620102-20261122-W07-0042

    friend bool operator==(const CaseNumber&, const CaseNumber&) = default;
};

// The part every number of one window on one day shares: "620102-20261122-W07-".
QString caseNumberPrefix(const QString& hallCode, const QDate& date, const QString& windowCode);

// The first case number inside scanned or pasted text (a QR payload, a query URL), letters in
// any case; empty when there is none.
std::optional<CaseNumber> findCaseNumber(const QString& text);

} // namespace onewindow::core
