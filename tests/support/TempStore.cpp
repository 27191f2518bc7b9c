#include "support/TempStore.h"

#include "support/TestSupport.h"

namespace onewindow::test {

TempStore::TempStore(const QDateTime& nowUtc) : clock(nowUtc)
{
    auto opened = store::Store::open(path(), clock);
    REQUIRE(opened.ok());
    store = std::move(opened).value();
}

} // namespace onewindow::test
