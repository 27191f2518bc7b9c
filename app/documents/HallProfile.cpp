#include "documents/HallProfile.h"

#include "core/JsonStrict.h"
#include "input/InputFile.h"
#include "input/PathChecks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

namespace onewindow::documents {

namespace {

core::Error warning(const char* code, const QString& message)
{
    return core::Error{QString::fromLatin1(code), message};
}

bool isPrintableAscii(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    return true;
}

} // namespace

QString defaultConfigDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("onewindow"));
}

HallProfile defaultHallProfile()
{
    HallProfile p;
    p.name = QStringLiteral("政务服务中心");
    // Without a configured body, the refusal still states the remedy in general terms.
    p.reviewBody = QStringLiteral("有管辖权的行政复议机关");
    p.court = QStringLiteral("有管辖权的人民法院");
    return p;
}

HallProfileLoad loadHallProfile(const QString& configDir)
{
    HallProfileLoad out{defaultHallProfile(), {}};
    if (configDir.isEmpty())
        return out;
    const QDir dir(configDir);
    const QString path = dir.filePath(QStringLiteral("hall.json"));
    if (!QFileInfo::exists(path))
        return out;
    out.profile.configDir = dir.absolutePath();
    // A device, a FIFO or an oversized file is refused before it is read.
    auto bytes = input::readInputFile(path, core::InputKind::HallProfile);
    if (!bytes) {
        out.warnings.append(
            warning("hall.unreadable", bytes.error().message + QStringLiteral("，已使用默认设置")));
        return out;
    }
    return hallProfileFromJson(*bytes, dir.absolutePath(), path);
}

QHash<QString, QString> officeDocPrefixes(const HallProfile& hall)
{
    QHash<QString, QString> out;
    for (auto it = hall.departments.begin(); it != hall.departments.end(); ++it)
        if (!it->docPrefix.isEmpty())
            out.insert(it.key(), it->docPrefix);
    return out;
}

HallProfileLoad hallProfileFromJson(const QByteArray& bytes, const QString& configDir,
                                    const QString& path)
{
    HallProfileLoad out{defaultHallProfile(), {}};
    const QDir dir(configDir);
    out.profile.configDir = dir.absolutePath();
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (!json.isObject()) {
        out.warnings.append(warning(
            "hall.bad_json", QStringLiteral("大厅配置 %1 不是有效的 JSON（%2），已使用默认设置")
                                 .arg(path, parseError.errorString())));
        return out;
    }
    if (auto strict = core::strictJsonProblem(bytes, path)) {
        out.warnings.append(
            warning("hall.bad_json", strict->message + QStringLiteral("，已使用默认设置")));
        return out;
    }
    const QJsonObject o = json.object();
    HallProfile& p = out.profile;
    const auto set = [&](const char* key, QString& field) {
        const QString value = o.value(QLatin1String(key)).toString().trimmed();
        if (!value.isEmpty())
            field = value;
    };
    set("name", p.name);
    set("address", p.address);
    set("phone", p.phone);
    set("hours", p.hours);
    set("reviewBody", p.reviewBody);
    set("court", p.court);
    set("queryPhone", p.queryPhone);
    p.receivesOnBehalf = o.value(QStringLiteral("receivesOnBehalf")).toBool(false);
    const QString base = o.value(QStringLiteral("queryBaseUrl")).toString().trimmed();
    if (!base.isEmpty()) {
        static const QRegularExpression web(QStringLiteral("^https?://[^/?#\\s]+(/[^?#\\s]*)?$"));
        QString trimmed = base;
        while (trimmed.endsWith(QLatin1Char('/')))
            trimmed.chop(1);
        if (!isPrintableAscii(trimmed) || !web.match(trimmed).hasMatch())
            out.warnings.append(
                warning("hall.query_url",
                        QStringLiteral("大厅配置 %1 的 queryBaseUrl 须为 ASCII 字符的网址（如 "
                                       "https://zwfw.example.gov.cn），二维码改为办件编号和查询码")
                            .arg(path)));
        else
            p.queryBaseUrl = trimmed;
    }

    // Every file hall.json names lies inside its folder, symlinks resolved: never /etc/passwd,
    // never ../../anything.
    // A name with a control character (a NUL above all, which the system takes for the end of
    // the name) is refused before any file function sees it: found by fuzzing hall.json.
    const auto badName = [&](const QString& what, const QString& name) {
        out.warnings.append(warning(
            "hall.bad_file_name",
            QStringLiteral("大厅配置 %1 的 %2 所写文件名“%3”含控制字符，不是有效的文件名，已忽略")
                .arg(path, what, input::shownFileName(name))));
    };
    const QString seal = o.value(QStringLiteral("sealImage")).toString().trimmed();
    if (!seal.isEmpty() && !input::isPlainFileName(seal)) {
        badName(QStringLiteral("sealImage"), seal);
    } else if (!seal.isEmpty()) {
        if (const auto inside = input::insideFolder(seal, dir.absolutePath()))
            p.sealImage = *inside;
        else
            out.warnings.append(warning(
                "hall.seal_missing",
                QStringLiteral("大厅配置 %1 的 sealImage 指向的文件 %2 不存在或不在配置目录 %3 "
                               "内，文书只标出印章位置")
                    .arg(path, seal, dir.absolutePath())));
    }

    // "departments": { OFFICE: { "docPrefix": "城市监许", "sealImage": "seals/scjg.png" } }.
    const QJsonObject departments = o.value(QStringLiteral("departments")).toObject();
    for (auto it = departments.begin(); it != departments.end(); ++it) {
        const QString office = it.key().trimmed();
        const QJsonObject d = it.value().toObject();
        OfficeProfile op;
        op.docPrefix = d.value(QStringLiteral("docPrefix")).toString().trimmed();
        // A 代字 is a few Chinese characters (or letters and digits): no brackets, no 号.
        static const QRegularExpression prefix(
            QStringLiteral("^[\\x{4e00}-\\x{9fff}A-Za-z0-9]{1,12}$"));
        if (!op.docPrefix.isEmpty() && !prefix.match(op.docPrefix).hasMatch()) {
            out.warnings.append(warning(
                "hall.doc_prefix",
                QStringLiteral("大厅配置 %1 中 %2 的机关代字“%3”只能由 1-12 个汉字、字母或数字"
                               "组成，该机关的文书改用大厅文书编号")
                    .arg(path, office, op.docPrefix)));
            op.docPrefix.clear();
        }
        const QString officeSeal = d.value(QStringLiteral("sealImage")).toString().trimmed();
        if (!officeSeal.isEmpty() && !input::isPlainFileName(officeSeal))
            badName(QStringLiteral("departments.%1.sealImage").arg(office), officeSeal);
        else if (!officeSeal.isEmpty()) {
            if (const auto inside = input::insideFolder(officeSeal, dir.absolutePath()))
                op.sealImage = *inside;
            else
                out.warnings.append(warning(
                    "hall.seal_missing",
                    QStringLiteral("大厅配置 %1 中 %2 的 sealImage 指向的文件 %3 不存在或不在配置"
                                   "目录 %4 内，该机关的文书不加盖印章图片")
                        .arg(path, office, officeSeal, dir.absolutePath())));
        }
        if (!office.isEmpty())
            p.departments.insert(office, op);
    }

    const QString url = o.value(QStringLiteral("queryUrl")).toString().trimmed();
    if (!url.isEmpty()) {
        static const QRegularExpression unknown(
            QStringLiteral("\\{(?!caseNumber\\}|queryCode\\})[^}]*\\}"));
        if (!isPrintableAscii(url) || unknown.match(url).hasMatch())
            out.warnings.append(warning(
                "hall.query_url",
                QStringLiteral("大厅配置 %1 的 queryUrl 须为 ASCII 字符，只能含 {caseNumber} 和 "
                               "{queryCode}，二维码改为办件编号和查询码")
                    .arg(path)));
        else
            p.queryUrl = url;
    }

    const QJsonObject templates = o.value(QStringLiteral("templates")).toObject();
    for (auto it = templates.begin(); it != templates.end(); ++it) {
        const QString name = it.value().toString().trimmed();
        if (name.isEmpty())
            continue;
        if (!input::isPlainFileName(name) || !input::isPlainFileName(it.key()))
            badName(QStringLiteral("模板 %1").arg(input::shownFileName(it.key())), name);
        else if (const auto inside = input::insideFolder(name, dir.absolutePath()))
            p.templates.insert(it.key(), *inside);
        else if (QFileInfo(name).isAbsolute() || name.contains(QStringLiteral("..")) ||
                 QFileInfo(dir, name).exists())
            out.warnings.append(
                warning("hall.outside_folder",
                        QStringLiteral(
                            "大厅配置 %1 的模板 %2 指向配置目录 %3 以外的文件 %4，已改用内置模板")
                            .arg(path, it.key(), dir.absolutePath(), name)));
        else // a missing file is named when the template is chosen
            p.templates.insert(it.key(), QFileInfo(dir, name).absoluteFilePath());
    }
    return out;
}

} // namespace onewindow::documents
