#include "support/HallFixture.h"

#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "store/CatalogRepository.h"

#include <QSqlQuery>

namespace onewindow::test {

HallFixture::HallFixture(const QDateTime& now)
    : TempStore(now), item(sampleItem(1, QStringLiteral("食品经营许可")))
{
    item.statutoryDays = 20;
    item.promisedDays = 10;
    item.kind = core::ItemKind::Licence; // 食品经营许可: a 行政许可, letters cite its law
    REQUIRE(store::CatalogRepository(*store).importItems({item}, QStringLiteral("test")).ok());
    cases = std::make_unique<store::CaseStore>(*store);
    REQUIRE(cases->ensureDevice(QStringLiteral("620102"), QStringLiteral("W07")).ok());
}

void HallFixture::setNow(const char* isoDate, const char* time)
{
    clock.set(QDateTime(d(isoDate),
                        QTime::fromString(QString::fromLatin1(time), QStringLiteral("HH:mm")),
                        QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
}

core::ReceivedInput HallFixture::intake(bool letterMissing, const QString& name) const
{
    core::ReceivedInput in;
    in.itemCode = item.code;
    in.itemVersion = 1;
    in.applicant.name = name;
    in.applicant.idNumber = QStringLiteral("11010519491231002X");
    in.applicant.phone = QStringLiteral("13912345678");
    in.materials = core::checklistFor(item);
    if (letterMissing)
        in.materials[1].state = core::MaterialState::Missing;
    return in;
}

int HallFixture::count(const QString& sql) const
{
    QSqlQuery q(store->database());
    REQUIRE(q.exec(sql));
    REQUIRE(q.next());
    return q.value(0).toInt();
}

} // namespace onewindow::test
