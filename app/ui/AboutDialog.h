#pragma once

#include <QDialog>

class QLabel;

namespace onewindow::ui {

// Help → About (issue 21): the program's name, its version and the git commit it was built from
// (app/version), and the Qt it runs on. The texts can be selected and copied for a support call.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The version and commit lines as shown (tests).
    QString versionText() const;

private:
    QLabel* m_version = nullptr;
};

} // namespace onewindow::ui
