#include "ui/AboutDialog.h"

#include "version/Version.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace onewindow::ui {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About OneWindow"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    // The installed icon (the package's hicolor theme); nothing when running from the build tree.
    const QIcon icon = QIcon::fromTheme(QStringLiteral("onewindow"));
    if (!icon.isNull()) {
        auto* picture = new QLabel(this);
        picture->setPixmap(icon.pixmap(64, 64));
        picture->setAlignment(Qt::AlignTop);
        top->addWidget(picture);
    }
    auto* texts = new QVBoxLayout;
    auto* name =
        new QLabel(QStringLiteral("<b>%1</b>").arg(tr("OneWindow Service Workstation")), this);
    name->setTextFormat(Qt::RichText);
    QFont big = name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    name->setFont(big);
    texts->addWidget(name);
    m_version = new QLabel(
        tr("Version %1\nBuilt from commit %2").arg(version::number(), version::commit()), this);
    m_version->setTextFormat(Qt::PlainText);
    m_version->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    texts->addWidget(m_version);
    auto* qt = new QLabel(tr("Qt %1 (built with Qt %2)")
                              .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
                          this);
    qt->setTextFormat(Qt::PlainText);
    texts->addWidget(qt);
    top->addLayout(texts, 1);
    layout->addLayout(top);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}

QString AboutDialog::versionText() const
{
    return m_version->text();
}

} // namespace onewindow::ui
