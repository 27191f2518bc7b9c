#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace onewindow::documents {

// What hall.json says about one of the catalog's offices (keyed by the office's name as the
// catalog spells it, `office`): the 机关代字 of its decisions' 文号 and its own seal image.
struct OfficeProfile
{
    QString docPrefix; // 机关代字: 城市监许 gives 城市监许〔2026〕7号; empty: the hall's numbers
    QString sealImage; // absolute path of the office's seal image; empty: none configured
};

// What a hall's documents say about it, from its configuration folder (hall.json; format in
// resources/documents/README.md). Anything not configured keeps a neutral default.
struct HallProfile
{
    QString name; // 兰州市城关区政务服务中心: the issuer, over whose name the seal sits
    QString address;   // where results are picked up and corrections submitted
    QString phone;     // the hall's enquiry line
    QString hours;     // office hours as printed
    QString sealImage; // absolute path of the seal image (PNG with transparency), may be empty
    QString queryUrl;  // ASCII pattern with {caseNumber} and {queryCode}, may be empty
    // https://HOST[/path], ASCII: the QR code holds the status page BASE/q/CASE_NO?code=CODE.
    QString queryBaseUrl;
    QString queryPhone; // printed beside the QR code as where to query (default: phone)
    // The hall receives applications on behalf of the items' offices (一窗受理): decisions are
    // issued by the office and say that the hall received and served them.
    bool receivesOnBehalf = false;
    QString reviewBody; // 行政复议机关, named on refusals (行政许可法 Art. 38)
    QString court;      // 人民法院, named on refusals
    // The items' offices: a decision is sealed only with its own office's seal (issue 15).
    QHash<QString, OfficeProfile> departments;
    // Template overrides: "acceptance" (A4) or "acceptance-80mm" -> absolute file path.
    QHash<QString, QString> templates;
    QString configDir; // where it was read from (empty: built-in defaults only)
};

struct HallProfileLoad
{
    HallProfile profile;
    QList<core::Error> warnings; // what was not usable and what was used instead
};

// The documented configuration folder: $XDG_CONFIG_HOME/onewindow (~/.config/onewindow).
QString defaultConfigDir();

// Reads DIR/hall.json. A missing folder or file gives the defaults without a warning; a file
// that is not valid JSON, a missing seal image or a query URL that is not plain ASCII gives a
// warning naming the file and the field, and the default for that field.
HallProfileLoad loadHallProfile(const QString& configDir);

// The profile a hall.json's bytes describe (what loadHallProfile does once the file is read):
// `configDir` is the folder every file it names must lie in, `path` names the file in warnings.
HallProfileLoad hallProfileFromJson(const QByteArray& bytes, const QString& configDir,
                                    const QString& path);

// The 机关代字 of each office that has one (office name -> 代字), for the store's 文号.
QHash<QString, QString> officeDocPrefixes(const HallProfile& hall);

// The built-in profile (no configuration folder).
HallProfile defaultHallProfile();

} // namespace onewindow::documents
