#pragma once

#include "core/Clock.h"
#include "server/Model.h"
#include "server/storage/CentralDb.h"

namespace onewindow::server {

// Decision 5: the 文号 blocks of a hall's offices (db/central/0020_number_blocks.sql).
struct NumberBlock
{
    QString series;
    int year = 0;
    qint64 first = 0;
    qint64 last = 0;
};

class NumberBlocks
{
public:
    static constexpr int kMaxBlock = 100;

    NumberBlocks(CentralDb& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}

    // A block of `count` numbers of `series` in `year` for `device`, in one transaction; the
    // block `requestId` already has when the same request comes again. Refuses a series or year
    // that cannot be one (numbers.bad_request).
    core::Result<NumberBlock> allot(const Device& device, const QString& series, int year,
                                    int count, const QString& requestId);

private:
    // The highest number of the series in the year the hall's events issued (a hall whose
    // windows counted 文号 themselves before blocks) or a block holds.
    core::Result<qint64> highest(const QString& hallCode, const QString& series, int year);

    CentralDb& m_db;
    const core::Clock& m_clock;
};

} // namespace onewindow::server
