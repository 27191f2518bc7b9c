#pragma once

#include <QObject>
#include <QTimer>

namespace onewindow::ui {

// Locks the screen after a while without keyboard or mouse input anywhere in the application.
class IdleLock : public QObject
{
    Q_OBJECT
public:
    IdleLock(int idleMinutes, QObject* parent = nullptr);
    void setEnabled(bool enabled);
    void poke(); // input seen: start counting again
    // The hall's administrator changed the setting: it applies from now on, without a restart.
    void setIdleMinutes(int minutes);
    int idleMinutes() const { return m_timer.interval() / (60 * 1000); }

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
};

} // namespace onewindow::ui
