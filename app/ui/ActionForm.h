#pragma once

#include "core/CaseState.h"
#include "core/Catalog.h"
#include "core/Event.h"

#include <QDialog>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace Ui {
class ActionForm;
}

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

// The small form each case action needs (a note's text, a suspension's statutory reason, a
// delivery's signer or tracking number ...), turned into the event's payload. The frame comes from
// forms/ActionForm.ui; the fields are added here, since they differ per action.
class ActionForm : public QDialog
{
    Q_OBJECT
public:
    // A field whose choices the caller knows and core's spec cannot (the hall's back offices, in
    // the store): the field becomes a required choice among `options`; with none, the form shows
    // `emptyNote` beside it instead of a box with nothing to choose.
    struct CallerChoice
    {
        QStringList options;
        QString emptyNote;
    };
    using CallerChoices = QMap<QString, CallerChoice>; // by field key

    ActionForm(core::EventType type, const core::CaseState& state, const core::ServiceItem& item,
               QWidget* parent = nullptr, const CallerChoices& choices = {});
    ~ActionForm() override;

    bool hasFields() const { return !m_fields.isEmpty(); }
    void setValue(const QString& key, const QVariant& value); // test seam
    QJsonObject payload() const;
    // Shows why the store refused the action, keeping what was typed.
    void showProblem(const QString& message);

public Q_SLOTS:
    // OK: a required field left empty is said and the form stays; an irreversible action is
    // asked once (naming the case and what follows, 返回 by default) before the form closes.
    void accept() override;

private:
    void addText(const QString& key, const QString& label, const QString& initial = {});
    void addChoice(const QString& key, const QString& label,
                   const QList<std::pair<QString, QString>>& options, bool required);
    void addCallerChoice(const QString& key, const QString& label, const CallerChoice& choice);
    void addNumber(const QString& key, const QString& label, int min, int max, int initial);
    QVariant value(const QString& key) const;
    QJsonObject values() const;
    bool confirmIrreversible();

    std::unique_ptr<Ui::ActionForm> m_ui;
    core::EventType m_type;
    core::CaseState m_state;
    const core::ServiceItem& m_item;
    QMap<QString, QWidget*> m_fields;
    CallerChoices m_choices;
};

// What the window's hall fixes for a form's fields: at an enrolled window, a forwarding's "to"
// is a choice among the hall's back offices (store::BackOfficeRepository), said when there are
// none; a store with no server fixes nothing (free text).
ActionForm::CallerChoices hallChoices(store::Store& store, core::EventType type);

} // namespace onewindow::ui
