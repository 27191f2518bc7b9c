#include "demo/DemoPeople.h"

#include "core/Identifiers.h"

namespace onewindow::demo {

namespace {

// Common surnames, the most frequent listed more than once.
constexpr const char16_t* kSurnames[] = {
    u"王", u"王", u"王", u"李", u"李", u"李", u"张", u"张", u"张", u"刘", u"刘", u"陈", u"陈",
    u"杨", u"杨", u"赵", u"黄", u"周", u"吴", u"徐", u"孙", u"胡", u"朱", u"高", u"林", u"何",
    u"郭", u"马", u"马", u"罗", u"梁", u"宋", u"郑", u"谢", u"韩", u"唐", u"冯", u"于", u"董",
    u"萧", u"程", u"曹", u"袁", u"邓", u"许", u"傅", u"沈", u"曾", u"彭", u"吕", u"苏", u"卢",
    u"蒋", u"蔡", u"贾", u"丁", u"魏", u"薛", u"叶", u"阎", u"余", u"潘", u"杜", u"戴", u"夏",
    u"钟", u"汪", u"田", u"任", u"姜", u"范", u"方", u"石", u"姚", u"谭", u"廖", u"邹", u"熊",
    u"金", u"陆", u"郝", u"孔", u"白", u"崔", u"康", u"毛", u"邱", u"秦", u"江", u"史", u"顾",
    u"侯", u"邵", u"孟", u"龙", u"万", u"段", u"雷", u"钱", u"汤", u"尹", u"黎", u"易", u"常",
    u"武", u"乔", u"贺", u"赖", u"龚", u"文", u"牛", u"包", u"安", u"祁", u"火", u"达"};

constexpr const char16_t* kGiven[] = {
    u"伟", u"芳", u"娜", u"敏", u"静", u"丽", u"强", u"磊", u"军", u"洋", u"勇", u"艳", u"杰",
    u"娟", u"涛", u"明", u"超", u"秀", u"霞", u"平", u"刚", u"桂", u"英", u"华", u"建", u"国",
    u"文", u"辉", u"玲", u"红", u"梅", u"鹏", u"飞", u"宇", u"浩", u"然", u"欣", u"怡", u"佳",
    u"婷", u"雪", u"琳", u"晨", u"阳", u"博", u"睿", u"泽", u"子", u"梓", u"轩", u"诗", u"雨",
    u"思", u"嘉", u"俊", u"峰", u"斌", u"鑫", u"亮", u"莉", u"燕", u"萍", u"春", u"兰", u"海",
    u"志", u"成", u"德", u"永", u"生", u"福", u"荣", u"彦", u"瑞", u"凯", u"昊", u"天", u"晓",
    u"丹", u"倩", u"璐", u"颖", u"慧", u"珍", u"玉", u"霖", u"宏", u"立", u"新", u"东", u"学",
    u"兴", u"振", u"金", u"宝", u"翠", u"菊", u"淑", u"凤", u"云", u"鸿", u"瑶", u"锦", u"卫"};

// Region codes of Lanzhou (GB/T 2260): 城关, 七里河, 西固, 安宁, 红古, 永登, 皋兰, 榆中.
constexpr const char* kRegions[] = {"620102", "620102", "620102", "620103", "620104",
                                    "620105", "620111", "620121", "620122", "620123"};

constexpr const char* kMobilePrefixes[] = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180",
    "181", "182", "183", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199"};

constexpr const char16_t* kBrands[] = {
    u"金城", u"黄河", u"陇原", u"兰石", u"皋兰", u"西北", u"丝路", u"敦煌", u"河州", u"安宁",
    u"雁滩", u"五泉", u"白塔", u"中山", u"七里", u"永盛", u"鑫隆", u"宏达", u"瑞丰", u"德润",
    u"华陇", u"天水", u"陇信", u"祥和", u"恒通", u"博远", u"新丝", u"嘉禾", u"盛源", u"万通"};

constexpr const char16_t* kTrades[] = {
    u"商贸",     u"建筑工程", u"餐饮管理", u"物流",     u"科技", u"医药",     u"房地产开发",
    u"物业管理", u"文化传媒", u"装饰工程", u"农业发展", u"食品", u"机械设备", u"信息技术",
    u"环保科技", u"汽车服务", u"教育咨询", u"酒店管理", u"建材", u"电子商务"};

constexpr const char16_t* kCompanyForms[] = {u"有限公司", u"有限公司", u"有限责任公司",
                                             u"股份有限公司"};

constexpr const char16_t* kShops[] = {u"牛肉面馆", u"百货店", u"便利店", u"五金店",
                                      u"理发店",   u"水果店", u"烧烤店", u"副食店"};

constexpr const char16_t* kDistricts[] = {u"城关区", u"城关区", u"七里河区", u"安宁区", u"西固区"};

QString s(const char16_t* text)
{
    return QString::fromUtf16(text);
}

QString digits(DemoRandom& random, int n)
{
    QString out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out += QLatin1Char(static_cast<char>('0' + random.below(10)));
    return out;
}

// GB 11714-1997 organisation code: 8 characters and a check character (11 - sum mod 11;
// 10 gives X, 11 gives 0), here with digits only.
QString organisationCode(DemoRandom& random)
{
    static constexpr int weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    QString code = digits(random, 8);
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += (code[i].unicode() - '0') * weights[i];
    const int check = 11 - sum % 11;
    code += check == 10   ? QLatin1Char('X')
            : check == 11 ? QLatin1Char('0')
                          : QLatin1Char(static_cast<char>('0' + check));
    return code;
}

} // namespace

QString seededUuidV7(qint64 unixMs, DemoRandom& random)
{
    unsigned char b[16];
    const quint64 ms = static_cast<quint64>(unixMs) & 0xFFFFFFFFFFFFull;
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    const quint64 r1 = random.next();
    const quint64 r2 = random.next();
    for (int i = 0; i < 8; ++i)
        b[6 + i] = static_cast<unsigned char>(r1 >> (8 * i));
    b[14] = static_cast<unsigned char>(r2);
    b[15] = static_cast<unsigned char>(r2 >> 8);
    b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0F)); // version 7
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3F)); // variant 10
    static constexpr char hex[] = "0123456789abcdef";
    char out[36];
    int at = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[at++] = '-';
        out[at++] = hex[b[i] >> 4];
        out[at++] = hex[b[i] & 0x0F];
    }
    return QString::fromLatin1(out, 36);
}

QString personName(DemoRandom& random)
{
    QString name = s(random.pick(kSurnames));
    name += s(random.pick(kGiven));
    if (random.chance(0.72))
        name += s(random.pick(kGiven));
    return name;
}

QString citizenId(DemoRandom& random, const QDate& onDate)
{
    const QDate first(1950, 1, 1);
    QDate last(2005, 12, 31);
    const QDate adult = onDate.addYears(-18);
    if (adult.isValid() && adult < last)
        last = adult;
    const qint64 span = std::max<qint64>(1, last.toJulianDay() - first.toJulianDay() + 1);
    const QDate birth =
        QDate::fromJulianDay(first.toJulianDay() + static_cast<qint64>(random.next() % span));
    QString id = QString::fromLatin1(random.pick(kRegions));
    id += birth.toString(QStringLiteral("yyyyMMdd"));
    id += QStringLiteral("%1").arg(random.between(1, 999), 3, 10, QLatin1Char('0'));
    id += core::citizenIdCheckChar(id);
    return id;
}

QString mobilePhone(DemoRandom& random)
{
    return QString::fromLatin1(random.pick(kMobilePrefixes)) + digits(random, 8);
}

QString usccFor(DemoRandom& random, bool soleTrader)
{
    // Registration authority 9 (market regulation), type 1 (enterprise) or 2 (sole trader).
    QString code = soleTrader ? QStringLiteral("92") : QStringLiteral("91");
    code += QString::fromLatin1(random.pick(kRegions));
    code += organisationCode(random);
    code += core::usccCheckChar(code);
    return code;
}

QString staffName(const QString& userId)
{
    // FNV-1a over the id's UTF-16: the same seed on every machine and in every run.
    quint64 h = 1469598103934665603ULL;
    for (const QChar c : userId) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    DemoRandom random(h);
    return personName(random);
}

core::Applicant person(DemoRandom& random, const QDate& onDate)
{
    core::Applicant a;
    a.name = personName(random);
    a.idNumber = citizenId(random, onDate);
    a.phone = mobilePhone(random);
    if (random.chance(0.06)) { // a relative applies on their behalf
        a.agentName = personName(random);
        a.agentIdNumber = citizenId(random, onDate);
    }
    return a;
}

core::Applicant organisation(DemoRandom& random, const QDate& onDate)
{
    core::Applicant a;
    a.organisation = true;
    const bool soleTrader = random.chance(0.3);
    a.legalRepresentative = personName(random);
    if (soleTrader)
        a.name = s(random.pick(kDistricts)) + a.legalRepresentative.left(1) + QStringLiteral("记") +
                 s(random.pick(kShops));
    else
        a.name = QStringLiteral("兰州") + s(random.pick(kBrands)) + s(random.pick(kTrades)) +
                 s(random.pick(kCompanyForms));
    a.uscc = usccFor(random, soleTrader);
    // The person at the window: the owner or a member of staff with a letter of authority.
    if (soleTrader || random.chance(0.3)) {
        a.agentName = a.legalRepresentative;
    } else {
        a.agentName = personName(random);
    }
    a.agentIdNumber = citizenId(random, onDate);
    a.phone = mobilePhone(random);
    return a;
}

QString queryCodeFor(quint64 seed, quint64 index)
{
    const quint64 x = index % 1000000;
    quint64 left = x / 1000;
    quint64 right = x % 1000;
    for (quint64 round = 0; round < 4; ++round) {
        const quint64 f = mix64(seed ^ (round << 56) ^ (right * 0x100000001B3ull)) % 1000;
        const quint64 nextRight = (left + f) % 1000;
        left = right;
        right = nextRight;
    }
    return QStringLiteral("%1").arg(left * 1000 + right, 6, 10, QLatin1Char('0'));
}

QString carrierName(int carrier)
{
    switch (carrier) {
    case 0:
        return QStringLiteral("中国邮政EMS");
    case 1:
        return QStringLiteral("顺丰速运");
    default:
        return QStringLiteral("京东物流");
    }
}

QString trackingNumber(DemoRandom& random, int carrier)
{
    switch (carrier) {
    case 0:
        return QStringLiteral("1") + digits(random, 12);
    case 1:
        return QStringLiteral("SF") + digits(random, 13);
    default:
        return QStringLiteral("JD") + digits(random, 13);
    }
}

} // namespace onewindow::demo
