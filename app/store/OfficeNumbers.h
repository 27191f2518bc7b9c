#pragma once

#include "store/Store.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace onewindow::store {

// Decision 5: the 文号 blocks of a window enrolled in a hall (db/local/0028). A print takes the
// next number of the lowest block that has one; taking one that leaves fewer than kLowWater in
// the series asks for another block (a want the next sync fulfils), so a window that prints
// offline keeps going for a while. With none left the print is refused with what to do.
class OfficeNumbers
{
public:
    static constexpr int kLowWater = 5;   // numbers left when the next block is asked for
    static constexpr int kBlockSize = 20; // numbers a block holds

    explicit OfficeNumbers(Store& store) : m_store(store) {}

    struct Want
    {
        QString series;
        int year = 0;
        QString requestId;
    };

    // Whether this store's 文号 come from blocks (an enrolled window) at all.
    bool fromBlocks() const;
    // The next number of `series` in `year`, taken (in the caller's transaction) when `take`;
    // nullopt when no block has one left. Taking asks for the next block when few are left.
    Result<std::optional<qint64>> next(const QString& series, int year, bool take);
    // At an enrolled window: asks for a block of each series that has no number left in `year`
    // (own transaction, only when there is one to ask for), so the next sync fetches it before
    // the first letter of the year is printed.
    Status prepare(const QStringList& series, int year);
    // Asks for a block of `series` in `year` unless one is asked for already (own transaction
    // when `ownTransaction`, else the caller's).
    Status want(const QString& series, int year, bool ownTransaction);
    Result<QList<Want>> wants() const;
    // The server's block for a want: kept, the want done. One transaction.
    Status allotted(const Want& want, qint64 first, qint64 last);
    // A want the server refused for good (a series it cannot allot): forgotten.
    Status drop(const Want& want);
    // Numbers left in the series' blocks (for the status line and tests).
    Result<qint64> left(const QString& series, int year) const;

private:
    Store& m_store;
};

// What a print says when the window has no 文号 of the office left (office_number.none).
Error noOfficeNumber(const QString& series, int year);

} // namespace onewindow::store
