#pragma once

// The upgrade tests take a store back to an older version by hand and let it migrate again. What
// the newest migrations add must go too, or migrating again would fail on what is already there;
// this is that list, in one place, for every such test (a new migration adds its undo here).
#include <catch2/catch.hpp>

#include <QSqlQuery>
#include <QString>

namespace onewindow::test {

// Undoes what local migrations 0023 and later add (the users' pull marks, retirement, the back
// offices, the holder's window, 文号 blocks, the working set's sync state, the time flags, the
// case an inquiry is about).
inline void undoLaterMigrations(QSqlQuery& q)
{
    for (const char* sql :
         {"ALTER TABLE users DROP COLUMN pulled_seq", "ALTER TABLE users DROP COLUMN lost_epoch",
          "ALTER TABLE sync_state DROP COLUMN retired_at_utc", "DROP TABLE hall_back_offices",
          "ALTER TABLE cases DROP COLUMN holder_window", "DROP TABLE office_number_blocks",
          "DROP TABLE office_number_wants", "ALTER TABLE sync_state DROP COLUMN initial_sync",
          "ALTER TABLE sync_state DROP COLUMN snapshot_at",
          "ALTER TABLE sync_state DROP COLUMN snapshot_after",
          "ALTER TABLE sync_state DROP COLUMN working_set_since",
          "ALTER TABLE sync_state DROP COLUMN working_set_cases",
          "ALTER TABLE sync_state DROP COLUMN fetched_cases", "DROP TABLE placement_time_flags",
          "ALTER TABLE inquiries DROP COLUMN case_id",
          "ALTER TABLE inquiries DROP COLUMN case_number"})
        REQUIRE(q.exec(QString::fromLatin1(sql)));
}

} // namespace onewindow::test
