#pragma once
// The widget tests' way to a dialog's or page's named widget (its objectName, as the forms and
// the code name them): a test fails at once where the widget is missing.
#include <catch2/catch.hpp>

#include <QString>
#include <QWidget>

namespace onewindow::test {

template <typename W>
W* child(QWidget* parent, const char* name)
{
    auto* w = parent->findChild<W*>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
}

} // namespace onewindow::test
