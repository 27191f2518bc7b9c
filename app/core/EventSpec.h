#pragma once

#include "core/CaseFold.h"

#include <QJsonObject>
#include <QList>

#include <utility>

namespace onewindow::core {

// One field of the small form a person fills in for an action (ui/ActionForm shows it). The
// label is source text in the context "onewindow::ui::ActionForm", translated by the window.
struct FormField
{
    enum class Kind
    {
        Text,
        Choice,
        Number
    };
    const char* key = "";   // the key of the value handed to EventSpec::payloadFrom
    const char* label = ""; // QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", ...)
    Kind kind = Kind::Text;
    QList<std::pair<QString, QString>> (*options)() = nullptr; // Choice: (value, name shown)
    int min = 0, max = 0, initial = 0;                         // Number
    QString (*initialText)(const CaseState&) = nullptr;        // Text: what it starts with
    // Set: the field must not be left empty, and this is what the person is told when it is.
    const char16_t* required = nullptr;
};

// Everything OneWindow knows about one type of event, in one place (core/events/*.cpp): its key
// and name, who makes it, where in the lifecycle it may stand, what its payload must hold when it
// is appended, what it does to the case, how the timeline says it, and the form a person fills in
// for it. Adding an event type means adding an enumerator and its description (and its tests);
// no switch elsewhere lists the types.
struct EventSpec
{
    EventType type = EventType::Note;
    const char16_t* key = u"";  // stored and synced: never change it
    const char16_t* name = u""; // as the timeline shows it
    // The fold version that first folds this type (decision 10, core::sync::foldIntroducing): a
    // hall takes it only once every active device folds it. Raise kFoldVersion with a new type.
    int fold = 1;
    int version = 1;          // the payload version written today
    bool system = false;      // produced by a workstation (or the server), not a person
    bool offered = false;     // offered to a person among a case's next actions
    bool stopsClocks = false; // may end a clock: records the deadlines in force when appended
    // A legal act that cannot be taken back (withdrawal, refusal, decision): never a default
    // button, its reason required, and asked once (irreversibleQuestion) before it is recorded.
    bool irreversible = false;
    const char16_t* consequence = u""; // irreversible: what follows, in the question

    // The lifecycle (checked on append and on every replay): may it follow this state?
    bool (*allowed)(const CaseState&) = nullptr;
    // Why not, when the general message ("status X does not allow Y") says too little.
    QString (*whyNot)(const CaseState&) = nullptr;
    // A lifecycle condition on the event itself (replayed too), e.g. the order an answer names.
    Status (*replayed)(const CaseState&, const Event&) = nullptr;
    // Offered to a person only when this holds too (never replayed: a disclosure case is answered
    // by its reply, not decided like a licence, but older logs stay as they were).
    bool (*offeredWhen)(const CaseState&) = nullptr;
    // A system fact another producer already recorded: legal, and changes nothing.
    bool (*repeats)(const CaseState&) = nullptr;
    // Append time only: the payload, and what depends on the calendar, the day or the item.
    Status (*check)(const CaseState&, const Event&, const FoldContext&) = nullptr;
    // What the event does to the case; `day` is its civil date in the hall's zone.
    void (*apply)(CaseState&, const Event&, const FoldContext&, const QDate& day) = nullptr;
    // The timeline's line; `name` is the type's name.
    QString (*describe)(const Event&, const QString& name) = nullptr;

    // The form a person fills in (empty: nothing to ask), and the payload made from its values
    // (keys of `form`), the case and its item. Also what the demo hall's script fills in.
    QList<FormField> form = {};
    QJsonObject (*payloadFrom)(const QJsonObject& values, const CaseState&,
                               const ServiceItem&) = nullptr;
};

// The description of `type`. Every enumerator has one: a missing one stops the program at its
// first use with the type's number (and the registry test finds it first).
const EventSpec& eventSpec(EventType type);
// Every description, in the order a case's actions are offered.
const QList<const EventSpec*>& eventSpecs();

// The form's values (keys of the spec's form) with every required field filled, or the first one
// left empty with its own message (code form.required). The window asks this before recording.
Status checkRequired(EventType type, const QJsonObject& values);
// The one question asked before an irreversible action is recorded: the action, the case (number
// and applicant) and what follows from it. Empty for an action that can be taken back.
QString irreversibleQuestion(EventType type, const CaseState& state);

// Choice options from an enumeration table (core/EnumTable.h): (key, name) pairs.
template <typename Table>
QList<std::pair<QString, QString>> optionsOf(const Table& table)
{
    QList<std::pair<QString, QString>> out;
    for (const auto& row : table)
        out.append({QString::fromUtf16(row.key), QString::fromUtf16(row.name)});
    return out;
}

} // namespace onewindow::core
