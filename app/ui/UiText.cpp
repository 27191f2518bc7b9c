#include "ui/UiText.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLibraryInfo>
#include <QLocale>
#include <QTableView>
#include <QTranslator>

namespace onewindow::ui {

QVariant levelBackground(core::WarningLevel level)
{
    if (level == core::WarningLevel::Red)
        return QBrush(QColor(0xfd, 0xd8, 0xd6));
    if (level == core::WarningLevel::Yellow)
        return QBrush(QColor(0xff, 0xf1, 0xc2));
    return QVariant();
}

void setUpListView(QTableView* view, int stretch)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    view->setAlternatingRowColors(true);
}

bool installChineseTranslation(QCoreApplication& app)
{
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"),
                 QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* ours = new QTranslator(&app);
    if (!ours->load(QStringLiteral(":/i18n/onewindow_zh_CN.qm")))
        return false;
    QCoreApplication::installTranslator(ours);
    return true;
}

} // namespace onewindow::ui
