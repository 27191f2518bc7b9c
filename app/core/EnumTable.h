#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace onewindow::core {

// A table of an enum's values with their stable keys (stored, synced, in files) and the names
// people read. One table per enum keeps key, name and value from drifting apart.
template <typename E>
struct Named
{
    E value;
    const char16_t* key;
    const char16_t* name;
};

template <typename E, std::size_t N>
QString keyOf(const std::array<Named<E>, N>& table, E value)
{
    for (const auto& n : table)
        if (n.value == value)
            return QString::fromUtf16(n.key);
    return {};
}

template <typename E, std::size_t N>
QString nameOf(const std::array<Named<E>, N>& table, E value)
{
    for (const auto& n : table)
        if (n.value == value)
            return QString::fromUtf16(n.name);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> fromKey(const std::array<Named<E>, N>& table, const QString& key)
{
    for (const auto& n : table)
        if (key == QStringView(n.key))
            return n.value;
    return std::nullopt;
}

} // namespace onewindow::core
