#pragma once

#include "core/CaseState.h"
#include "core/Catalog.h"
#include "core/Event.h"

#include <QDialog>
#include <QJsonObject>
#include <QMap>
#include <QVariant>

#include <memory>

namespace Ui {
class ActionForm;
}

namespace onewindow::ui {

// The small form each case action needs (a note's text, a suspension's statutory reason, a
// delivery's signer or tracking number ...), turned into the event's payload. The frame comes from
// forms/ActionForm.ui; the fields are added here, since they differ per action.
class ActionForm : public QDialog
{
    Q_OBJECT
public:
    ActionForm(core::EventType type, const core::CaseState& state, const core::ServiceItem& item,
               QWidget* parent = nullptr);
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
    void addNumber(const QString& key, const QString& label, int min, int max, int initial);
    QVariant value(const QString& key) const;
    QJsonObject values() const;
    bool confirmIrreversible();

    std::unique_ptr<Ui::ActionForm> m_ui;
    core::EventType m_type;
    core::CaseState m_state;
    const core::ServiceItem& m_item;
    QMap<QString, QWidget*> m_fields;
};

} // namespace onewindow::ui
