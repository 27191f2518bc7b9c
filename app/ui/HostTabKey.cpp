#include "ui/HostTabKey.h"

#include <QEvent>
#include <QTabWidget>

namespace onewindow::ui {

HostTabKey::HostTabKey(QWidget* page) : QObject(page), m_page(page)
{
    page->installEventFilter(this);
}

bool HostTabKey::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_page)
        return false;
    if (event->type() == QEvent::Show) {
        // A tab widget's page sits in its stack.
        QWidget* stack = m_page->parentWidget();
        auto* host = stack ? qobject_cast<QTabWidget*>(stack->parentWidget()) : nullptr;
        const int index = host ? host->indexOf(m_page) : -1;
        if (index < 0)
            return false;
        const QString text = host->tabText(index);
        QString lent = text;
        lent.replace(QStringLiteral("&&"), QStringLiteral("\x01"))
            .remove(QLatin1Char('&'))
            .replace(QStringLiteral("\x01"), QStringLiteral("&&"));
        if (lent == text)
            return false;
        m_host = host;
        m_text = text;
        m_lentText = lent;
        host->setTabText(index, lent);
    } else if (event->type() == QEvent::Hide && m_host) {
        // Back, unless someone renamed the tab meanwhile.
        const int index = m_host->indexOf(m_page);
        if (index >= 0 && m_host->tabText(index) == m_lentText)
            m_host->setTabText(index, m_text);
        m_host.clear();
    }
    return false;
}

} // namespace onewindow::ui
