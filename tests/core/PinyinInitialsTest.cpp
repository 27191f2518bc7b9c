#include "support/TestSupport.h"

#include "core/PinyinInitials.h"

using namespace onewindow;

TEST_CASE("Pinyin initials of real item names, from Unihan kMandarin")
{
    const struct
    {
        const char16_t* name;
        const char* initials;
    } cases[] = {
        {u"不动产转移登记", "bdczydj"}, {u"不动产抵押权首次登记", "bdcdyqscdj"},
        {u"住房公积金提取", "zfgjjtq"}, {u"政府信息公开申请", "zfxxgksq"},
        {u"食品经营许可", "spjyxk"},    {u"公章刻制备案", "gzkzba"},
        {u"机动车变更登记", "jdcbgdj"}, {u"社会保障卡补换", "shbzkbh"},
        {u"临时居民身份证", "lsjmsfz"}, {u"法律援助申请", "flyzsq"},
        {u"供水报装", "gsbz"},          {u"燃气报装", "rqbz"},
    };
    for (const auto& c : cases) {
        INFO(QString::fromUtf16(c.name).toStdString());
        CHECK(core::pinyinInitials(QString::fromUtf16(c.name)) == QLatin1String(c.initials));
    }
}

TEST_CASE("Pinyin initials: characters with several readings take the common one")
{
    // 行 xíng/háng, 重 zhòng/chóng, 长 zhǎng/cháng, 单 dān/shàn, 乐 lè/yuè, 还 hái/huán:
    // Unihan's kMandarin lists the customary reading first.
    CHECK(core::pinyinInitials(u"行政许可") == QStringLiteral("xzxk"));
    CHECK(core::pinyinInitials(u"重大") == QStringLiteral("zd"));
    CHECK(core::pinyinInitials(u"单位") == QStringLiteral("dw"));
    CHECK(core::pinyinInitial(U'乐') == QLatin1Char('l'));
    CHECK(core::pinyinInitial(U'阿') == QLatin1Char('a'));
    CHECK(core::pinyinInitial(U'额') == QLatin1Char('e'));
}

TEST_CASE("Pinyin initials keep Latin letters and digits and drop punctuation")
{
    CHECK(core::pinyinInitials(u"不动产登记（转移登记）") == QStringLiteral("bdcdjzydj"));
    CHECK(core::pinyinInitials(u"ICP备案 2号") == QStringLiteral("icpba2h"));
    CHECK(core::pinyinInitial(U'A').isNull());
}
