// SQL values and result rows as the store binds and reads them: NULL, a 64-bit integer or text.
// Money, prices, quantities and instants are all integers here. Plain values; no threading rule.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ibtrade::store {

class Value {
 public:
  Value() = default;                                 // NULL
  Value(std::nullopt_t) {}                           // NOLINT: implicit
  Value(std::int64_t v) : v_(v) {}                   // NOLINT: implicit
  Value(int v) : v_(std::int64_t{v}) {}              // NOLINT: implicit
  Value(bool v) : v_(std::int64_t{v ? 1 : 0}) {}     // NOLINT: implicit
  Value(std::string v) : v_(std::move(v)) {}         // NOLINT: implicit
  Value(std::string_view v) : v_(std::string(v)) {}  // NOLINT: implicit
  Value(const char* v) : v_(std::string(v)) {}       // NOLINT: implicit
  template <class T>
  Value(const std::optional<T>& v) : Value(v ? Value(*v) : Value()) {}  // NOLINT: implicit

  bool is_null() const { return v_.index() == 0; }
  bool is_int() const { return v_.index() == 1; }
  bool is_text() const { return v_.index() == 2; }
  // Reading the wrong type is a bug in a repository's SQL, not a runtime outcome: it aborts.
  std::int64_t as_int() const { return std::get<1>(v_); }
  const std::string& as_text() const { return std::get<2>(v_); }

  friend bool operator==(const Value&, const Value&) = default;

 private:
  std::variant<std::monostate, std::int64_t, std::string> v_;
};

using Params = std::vector<Value>;

struct Row {
  std::vector<Value> values;

  bool is_null(std::size_t i) const { return values.at(i).is_null(); }
  std::int64_t int64(std::size_t i) const { return values.at(i).as_int(); }
  const std::string& text(std::size_t i) const { return values.at(i).as_text(); }
  std::optional<std::int64_t> opt_int64(std::size_t i) const {
    return is_null(i) ? std::nullopt : std::optional<std::int64_t>(int64(i));
  }
};

using Rows = std::vector<Row>;

}  // namespace ibtrade::store
