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

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
};

} // namespace onewindow::ui
