#include "core/HolidayNotice.h"

#include "core/JsonStrict.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace onewindow::core {

namespace {

constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2099;

int lineOfOffset(const QByteArray& json, int offset)
{
    return 1 + static_cast<int>(std::count(
                   json.begin(), json.begin() + std::min<qsizetype>(offset, json.size()), '\n'));
}

class Reporter
{
public:
    explicit Reporter(const QString& source) : m_source(source) {}

    void error(const char* code, const QString& entry, const QString& problem)
    {
        m_errors.append(make(code, entry, problem));
    }
    void warning(const char* code, const QString& entry, const QString& problem)
    {
        m_warnings.append(make(code, entry, problem));
    }
    QList<Error> m_errors;
    QList<Error> m_warnings;

private:
    Error make(const char* code, const QString& entry, const QString& problem) const
    {
        const QString where = entry.isEmpty() ? m_source : m_source + QStringLiteral("：") + entry;
        return Error{QString::fromLatin1(code), where + QStringLiteral("：") + problem};
    }
    QString m_source;
};

QString entryName(int index, const QJsonObject& entry)
{
    const QString date = entry.value(QStringLiteral("date")).toString();
    QString name = QStringLiteral("days[%1]").arg(index);
    if (!date.isEmpty())
        name += QStringLiteral("（%1）").arg(date);
    return name;
}

// The days a notice for `year` may list: its own year, and the end of December before it, where
// 元旦's holiday and its make-up days begin.
bool dayOfNoticeYear(const QDate& date, int year)
{
    return date.year() == year ||
           (date.year() == year - 1 && date.month() == 12 && date.day() >= 20);
}

} // namespace

NoticeParse parseHolidayNotice(const QByteArray& json, const QString& source)
{
    NoticeParse out;
    out.notice.source = source;
    out.notice.sha256 = QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex();
    Reporter report(source);

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        report.error("calendar.json_syntax", QString(),
                     QStringLiteral("不是有效的 JSON（第 %1 行附近：%2）")
                         .arg(lineOfOffset(json, parseError.offset))
                         .arg(parseError.errorString()));
        out.errors = report.m_errors;
        return out;
    }
    if (auto strict = strictJsonProblem(json, source)) {
        out.errors.append(*strict);
        return out;
    }
    if (!doc.isObject()) {
        report.error("calendar.not_object", QString(),
                     QStringLiteral("顶层应为对象（含 year、papers、days）"));
        out.errors = report.m_errors;
        return out;
    }
    const QJsonObject root = doc.object();

    const QJsonValue yearValue = root.value(QStringLiteral("year"));
    const double yearNumber = yearValue.toDouble(-1);
    // Whole first, the range next, and only then an int: casting 2.02e10 to int is undefined
    // behaviour (found by fuzz_holiday_notice), and it called a whole year "not an integer".
    if (!yearValue.isDouble() || std::trunc(yearNumber) != yearNumber) {
        report.error("calendar.bad_year", QStringLiteral("year"),
                     QStringLiteral("缺少年份或年份不是整数"));
    } else if (yearNumber < kMinYear || yearNumber > kMaxYear) {
        report.error("calendar.bad_year", QStringLiteral("year"),
                     QStringLiteral("年份 %1 超出支持范围（%2–%3）")
                         .arg(QString::number(yearNumber, 'f', 0))
                         .arg(kMinYear)
                         .arg(kMaxYear));
    } else {
        out.notice.year = static_cast<int>(yearNumber);
    }

    const QJsonValue papers = root.value(QStringLiteral("papers"));
    if (!papers.isUndefined() && !papers.isArray()) {
        report.error("calendar.bad_papers", QStringLiteral("papers"),
                     QStringLiteral("应为通知网址的数组"));
    } else {
        const QJsonArray paperArray = papers.toArray();
        for (int i = 0; i < paperArray.size(); ++i) {
            if (!paperArray.at(i).isString() || paperArray.at(i).toString().trimmed().isEmpty())
                report.error("calendar.bad_papers", QStringLiteral("papers[%1]").arg(i),
                             QStringLiteral("应为非空的通知网址"));
            else
                out.notice.papers.append(paperArray.at(i).toString().trimmed());
        }
    }

    const QJsonValue daysValue = root.value(QStringLiteral("days"));
    if (!daysValue.isArray()) {
        report.error("calendar.bad_days", QStringLiteral("days"), QStringLiteral("缺少 days 数组"));
        out.errors = report.m_errors;
        return out;
    }

    static const QRegularExpression datePattern(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})\\z"));
    QMap<QDate, int> seen;      // date -> index in out.notice.days
    QMap<QDate, int> seenEntry; // date -> entry index in the file, for messages
    const QJsonArray days = daysValue.toArray();
    for (int i = 0; i < days.size(); ++i) {
        if (!days.at(i).isObject()) {
            report.error("calendar.bad_entry", QStringLiteral("days[%1]").arg(i),
                         QStringLiteral("条目应为对象（name、date、isOffDay）"));
            continue;
        }
        const QJsonObject entry = days.at(i).toObject();
        const QString where = entryName(i, entry);
        bool entryOk = true;

        const QString name = entry.value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty()) {
            report.error("calendar.bad_name", where, QStringLiteral("缺少节日名称（name）"));
            entryOk = false;
        }
        const QJsonValue offValue = entry.value(QStringLiteral("isOffDay"));
        if (!offValue.isBool()) {
            report.error("calendar.bad_flag", where,
                         QStringLiteral("isOffDay 应为 true（放假）或 false（调休上班）"));
            entryOk = false;
        }
        const QJsonValue dateValue = entry.value(QStringLiteral("date"));
        const QRegularExpressionMatch m = datePattern.match(dateValue.toString());
        QDate date;
        if (!dateValue.isString() || !m.hasMatch()) {
            report.error("calendar.malformed_date", where,
                         QStringLiteral("日期格式应为 YYYY-MM-DD"));
            entryOk = false;
        } else {
            date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
            if (!date.isValid()) {
                report.error("calendar.impossible_date", where,
                             QStringLiteral("日期 %1 不存在").arg(dateValue.toString()));
                entryOk = false;
            } else if (out.notice.year != 0 && !dayOfNoticeYear(date, out.notice.year)) {
                // A year's notice (国务院办公厅关于 Y 年部分节假日安排的通知) lists that year's
                // days, and of the year before only the 元旦 holiday's last days of December
                // (the shipped 2007, 2008, 2012, 2019 and 2023 notices). A file copied from
                // another year with its `year` edited would otherwise become that year's
                // official calendar without a single holiday.
                report.error("calendar.date_out_of_year", where,
                             QStringLiteral("日期不在 %1 年通知所涉范围内（应在 %1 年内，或为 %2 "
                                            "年 12 月 20 日之后的元旦假期）；请核对 year 与各日期")
                                 .arg(out.notice.year)
                                 .arg(out.notice.year - 1));
                entryOk = false;
            }
        }
        if (!entryOk)
            continue;

        const bool off = offValue.toBool();
        if (seen.contains(date)) {
            const NoticeDay& earlier = out.notice.days.at(seen.value(date));
            if (earlier.isOffDay != off)
                report.error("calendar.conflicting_date", where,
                             QStringLiteral("与 days[%1] 同一日期但放假/上班标记相反")
                                 .arg(seenEntry.value(date)));
            else
                report.warning(
                    "calendar.duplicate_date", where,
                    QStringLiteral("与 days[%1] 重复，已合并").arg(seenEntry.value(date)));
            continue;
        }
        // A Monday-Friday listed as a working day changes nothing: probably a typo for a weekend.
        if (!off && date.dayOfWeek() <= 5)
            report.warning(
                "calendar.weekday_workday", where,
                QStringLiteral("周一至周五本来就是工作日，标为调休上班没有意义，请核对"));
        seen.insert(date, static_cast<int>(out.notice.days.size()));
        seenEntry.insert(date, i);
        out.notice.days.append(NoticeDay{date, name, off});
    }
    std::sort(out.notice.days.begin(), out.notice.days.end(),
              [](const NoticeDay& a, const NoticeDay& b) { return a.date < b.date; });

    if (!out.notice.days.isEmpty() && out.notice.papers.isEmpty())
        report.warning("calendar.no_papers", QStringLiteral("papers"),
                       QStringLiteral("未注明国务院办公厅通知的出处"));

    out.errors = report.m_errors;
    out.warnings = report.m_warnings;
    return out;
}

QByteArray holidayNoticeToJson(const HolidayNotice& notice)
{
    QJsonArray days;
    for (const NoticeDay& day : notice.days) {
        days.append(QJsonObject{{QStringLiteral("name"), day.name},
                                {QStringLiteral("date"), day.date.toString(Qt::ISODate)},
                                {QStringLiteral("isOffDay"), day.isOffDay}});
    }
    QJsonObject root{{QStringLiteral("year"), notice.year},
                     {QStringLiteral("papers"), QJsonArray::fromStringList(notice.papers)},
                     {QStringLiteral("days"), days}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace onewindow::core
