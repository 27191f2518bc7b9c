#include "ui/IdleLock.h"

#include <QCoreApplication>
#include <QEvent>

namespace onewindow::ui {

IdleLock::IdleLock(int idleMinutes, QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::max(1, idleMinutes) * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::idle);
    QCoreApplication::instance()->installEventFilter(this);
    m_timer.start();
}

void IdleLock::setEnabled(bool enabled)
{
    if (enabled)
        m_timer.start();
    else
        m_timer.stop();
}

void IdleLock::setIdleMinutes(int minutes)
{
    // QTimer::setInterval restarts a running timer, so the new span counts from this change on.
    m_timer.setInterval(std::max(1, minutes) * 60 * 1000);
}

void IdleLock::poke()
{
    if (m_timer.isActive())
        m_timer.start();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::InputMethod:
        poke();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace onewindow::ui
