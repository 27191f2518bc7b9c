#pragma once

#include "core/CaseState.h"
#include "demo/DemoRandom.h"

#include <QDate>
#include <QString>

namespace onewindow::demo {

// Realistic applicants for the demo hall: Chinese names, citizen IDs with a real region code of
// Lanzhou, a real birth date and a valid check character (GB 11643-1999), mobile numbers, and
// organisations with a valid unified social credit code (GB 32100-2015).
QString personName(DemoRandom& random);
// An adult born 1950-2005 (and at least 18 on `onDate`).
QString citizenId(DemoRandom& random, const QDate& onDate);
QString mobilePhone(DemoRandom& random);
// 18 characters: "91"/"92", region, organisation code with its GB 11714 check, check character.
QString usccFor(DemoRandom& random, bool soleTrader);

core::Applicant person(DemoRandom& random, const QDate& onDate);

// The Chinese name of a seeded clerk or supervisor (clerk-w07-2, supervisor-1 ...): the same for
// the same id in every run, so the hall's timelines and boards name people, not ids.
QString staffName(const QString& userId);
core::Applicant organisation(DemoRandom& random, const QDate& onDate);

// A 6-digit query code, different for every index below 1,000,000: a keyed permutation (a
// four-round Feistel network on 000-999 x 000-999), so codes look random and never repeat.
QString queryCodeFor(quint64 seed, quint64 index);

// Delivery details.
QString carrierName(int carrier);
QString trackingNumber(DemoRandom& random, int carrier);

} // namespace onewindow::demo
