#pragma once

#include "core/CaseState.h"
#include "core/Error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace onewindow::core {

// A matter intake (一件事一次办, issue 20) as far as the clerk got, kept like the single intake's
// draft (core/IntakeDraft.h) so that closing, the idle lock or a takeover loses nothing typed.
// Plain data; MatterIntakeDialog fills and reads it.
struct MatterIntakeDraft
{
    int step = 0; // MatterIntakeDialog::Step reached
    QString matterCode;
    QString matterName;
    QString joinCaseId; // started from a case: that case
    QHash<QString, bool> answers;
    QString name, idNumber, phone;
    // The checklist's rows as checked, each under its first material code.
    QList<MaterialCheck> checks;
    QString retakeReason;
    QStringList decisions; // "accept", "notice", "refuse" per part, in the parts' order
    QString refuseReason;

    QByteArray toJson() const;
    // A damaged draft gives an error a clerk can act on (draft.corrupt), never half a form.
    static Result<MatterIntakeDraft> fromJson(const QByteArray& json);
    // "王五（110105********002X）· 开办企业": what the offer to continue shows.
    QString summary() const;

    friend bool operator==(const MatterIntakeDraft&, const MatterIntakeDraft&) = default;
};

} // namespace onewindow::core
