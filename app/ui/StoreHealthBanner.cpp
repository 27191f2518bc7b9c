#include "ui/StoreHealthBanner.h"

#include "store/Store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace onewindow::ui {

StoreHealthBanner::StoreHealthBanner(store::Store& store, QWidget* parent)
    : QLabel(parent), m_path(store.path()),
      m_result(std::make_shared<std::optional<core::Result<store::QuickCheckReport>>>())
{
    setObjectName(QStringLiteral("storeDamagedWarning"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setStyleSheet(QStringLiteral("QLabel { background: #b71c1c; color: white; font-weight: bold; "
                                 "padding: 8px; }"));
    hide();
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &StoreHealthBanner::finished);
    const core::Clock& clock = store.clock();
    m_watcher.setFuture(QtConcurrent::run([result = m_result, path = m_path, &clock] {
        result->emplace(store::quickCheckStore(path, clock));
    }));
}

StoreHealthBanner::~StoreHealthBanner()
{
    m_watcher.waitForFinished();
}

void StoreHealthBanner::finished()
{
    if (!m_result->has_value())
        return;
    const core::Result<store::QuickCheckReport>& result = **m_result;
    QString what;
    if (!result) {
        what = tr("the store could not be checked: %1").arg(result.error().message);
    } else if (!result->ok()) {
        QStringList found;
        if (result->findings != QStringList{QStringLiteral("ok")})
            found += result->findings.mid(0, 3);
        if (result->tampered > 0)
            found += tr("%n record(s) no longer match their checksum", nullptr,
                        static_cast<int>(result->tampered));
        what = found.join(QStringLiteral("；")).replace(QLatin1Char('\n'), QLatin1Char(' '));
    }
    if (!what.isEmpty())
        showDamage(what);
    Q_EMIT checked(!what.isEmpty());
}

void StoreHealthBanner::showDamage(const QString& what)
{
    setText(tr("The store %1 is damaged (%2). Cases and records kept in it may be lost or wrong. "
               "Stop working at this window and call the administrator, who checks the store with "
               "\"onewindowctl store check\" and, if need be, restores the last copy made with "
               "\"onewindowctl store backup\".")
                .arg(m_path, what));
    show();
}

} // namespace onewindow::ui
