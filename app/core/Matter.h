#pragma once

#include "core/Catalog.h"
#include "core/Error.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace onewindow::core {

// 一件事一次办 (domain.md "Matters"): several items an applicant needs for one life or business
// event, applied for once. A matter is catalog data like an item: versioned, imported and exported
// in the catalog file (resources/catalog/FORMAT.md), each case keeping the version it was received
// under.

// A yes/no question asked at intake that decides which parts apply (是否刻制公章？).
struct MatterQuestion
{
    QString key;  // [a-z][a-z0-9_]*, unique in the matter
    QString text; // as the clerk asks it

    friend bool operator==(const MatterQuestion&, const MatterQuestion&) = default;
};

// One part of a matter: an item, or another matter whose parts join this one. It applies when
// every answer in `when` is given as listed (empty: always).
struct MatterPart
{
    QString item;   // an item's implementation code, or
    QString matter; // another matter's code
    QMap<QString, bool> when;

    friend bool operator==(const MatterPart&, const MatterPart&) = default;
};

// A paper several parts ask for (an ID card, a business licence): handed in and checked once.
// Each code is a material of a different part's item.
struct SharedMaterial
{
    QString name;
    QStringList materials; // material codes (item code + 3 digits)

    friend bool operator==(const SharedMaterial&, const SharedMaterial&) = default;
};

struct Matter
{
    QString code; // the hall's own: [A-Z0-9][A-Z0-9-]{1,31}, e.g. KBQY
    QString name; // 开办企业
    // The hall's own promise for the whole matter, in working days from receipt (行政许可法
    // Art. 82 counts in working days); 0 means the same day.
    int promisedDays = 1;
    QString description; // what the matter covers, as the guide shows it (optional)
    QList<MatterQuestion> questions;
    QList<MatterPart> parts;
    QList<SharedMaterial> shared;

    friend bool operator==(const Matter&, const Matter&) = default;
};

struct MatterVersion
{
    Matter matter;
    int version = 0;
    QString createdAtUtc;
    QString note;
};

// What a part's received event records of its matter (issue 20): the matter's code and version,
// and the matter's number, which every part of one application shares (core/MatterCase.h).
struct MatterLink
{
    QString code;
    int version = 0;
    QString number; // 620102-20261206-W07-0042-J

    friend bool operator==(const MatterLink&, const MatterLink&) = default;
};

// The answers given at intake: question key -> yes/no.
using MatterAnswers = QMap<QString, bool>;

// Every problem of a matter on its own (code, name, limits, question keys, part shape), each
// naming the matter's code, the field and the problem.
QList<Error> validateMatter(const Matter& matter);

// Every problem between matters and the items they name: each part's item or matter exists; no
// matter contains itself through its parts; each condition names a question of its matter; each
// shared material is a material of the item it belongs to, that item a part of the matter, and
// shared by at least two different items.
QList<Error> checkMatterReferences(const QList<Matter>& matters,
                                   const QHash<QString, ServiceItem>& items);

// The questions asked at intake: the matter's own, then those of its sub-matters (each key once).
QList<MatterQuestion> matterQuestions(const Matter& matter, const QHash<QString, Matter>& matters);

// Whether every question of the matter has an answer; else the first one left out (code
// matter.unanswered).
Status checkAnswers(const Matter& matter, const QHash<QString, Matter>& matters,
                    const MatterAnswers& answers);

// The item codes that apply under `answers`, each once, in the order of the parts (a
// sub-matter's parts in its place). The references must have been checked.
QStringList applicableItems(const Matter& matter, const QHash<QString, Matter>& matters,
                            const MatterAnswers& answers);

// Every shared material of the matter and its sub-matters.
QList<SharedMaterial> allSharedMaterials(const Matter& matter,
                                         const QHash<QString, Matter>& matters);

// The item code a material code belongs to (its first 31 characters).
QString itemCodeOfMaterial(const QString& materialCode);

bool isMatterCode(const QString& code);

} // namespace onewindow::core
