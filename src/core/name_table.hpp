// Two-way lookup between an enum and its wire or display names, over a small constexpr table.
// Plain functions; no threading rule.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace ibtrade {

template <class E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

// The name of `value`, or "?" when the table lacks it (a value outside the enum).
template <class E, std::size_t N>
constexpr std::string_view name_of(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

template <class E, std::size_t N>
constexpr std::optional<E> value_of(const NameTable<E, N>& table, std::string_view name) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace ibtrade
