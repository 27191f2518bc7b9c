#include "ui/UiState.h"

#include <QHeaderView>
#include <QSettings>
#include <QWidget>

#include <memory>

namespace onewindow::ui::uistate {

namespace {

const char* kUserProperty = "onewindowStateUser";
const char* kKeyProperty = "onewindowStateKey";
const char* kRestoringProperty = "onewindowStateRestoring";

std::unique_ptr<QSettings> store()
{
    return std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                       QStringLiteral("onewindow"), QStringLiteral("ui-state"));
}

QString headerKey(const QString& key, const QString& userId)
{
    // Group names may not hold every character a login may: percent-encode it.
    return QStringLiteral("%1/%2").arg(key, QString::fromLatin1(userId.toUtf8().toPercentEncoding())
                                                .replace(QLatin1Char('%'), QLatin1Char('_')));
}

} // namespace

bool restoreHeader(QHeaderView* header, const QString& key, const QString& userId)
{
    const QByteArray state = store()->value(headerKey(key, userId)).toByteArray();
    if (state.isEmpty())
        return false;
    header->setProperty(kRestoringProperty, true);
    const bool restored = header->restoreState(state);
    header->setProperty(kRestoringProperty, false);
    return restored;
}

void rememberHeader(QHeaderView* header, const QString& key, const QString& userId)
{
    const bool connected = header->property(kKeyProperty).isValid();
    header->setProperty(kKeyProperty, key);
    header->setProperty(kUserProperty, userId);
    if (connected)
        return;
    QObject::connect(header, &QHeaderView::sectionResized, header, [header](int section) {
        // A stretched section follows the window's width, which is not a choice of the user's.
        if (header->property(kRestoringProperty).toBool() ||
            header->sectionResizeMode(section) == QHeaderView::Stretch)
            return;
        const QString user = header->property(kUserProperty).toString();
        if (user.isEmpty())
            return;
        store()->setValue(headerKey(header->property(kKeyProperty).toString(), user),
                          header->saveState());
    });
}

bool restoreWindow(QWidget* window)
{
    const QByteArray geometry = store()->value(QStringLiteral("window/geometry")).toByteArray();
    return !geometry.isEmpty() && window->restoreGeometry(geometry);
}

void saveWindow(const QWidget* window)
{
    store()->setValue(QStringLiteral("window/geometry"), window->saveGeometry());
}

} // namespace onewindow::ui::uistate
