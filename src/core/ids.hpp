// Strong identifiers: each id is its own type, so a broker order id can't be passed where a
// client order id is expected. Plain value types; no threading rule.
#pragma once

#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/hash.hpp"

namespace ibtrade {

namespace id_detail {

// Copies `n` bytes over `n` bytes, as same_bytes compares them: 8-16 bytes as two overlapping
// words, 4-7 as two overlapping half words, 1-3 byte by byte; only longer texts call memmove.
// Every load comes before its store, so a text copied onto itself stays as it was.
inline void copy_bytes(char* to, const char* from, std::size_t n) {
  if (n >= 8) {
    if (n > 16) {
      std::memmove(to, from, n);
      return;
    }
    const std::uint64_t head = hash_detail::load(from, 8);
    const std::uint64_t tail = hash_detail::load(from + n - 8, 8);
    std::memcpy(to, &head, 8);
    std::memcpy(to + n - 8, &tail, 8);
    return;
  }
  if (n >= 4) {
    const std::uint64_t head = hash_detail::load(from, 4);
    const std::uint64_t tail = hash_detail::load(from + n - 4, 4);
    std::memcpy(to, &head, 4);
    std::memcpy(to + n - 4, &tail, 4);
    return;
  }
  if (n == 0) return;
  const char first = from[0];
  const char middle = from[n / 2];
  const char last = from[n - 1];
  to[0] = first;
  to[n / 2] = middle;
  to[n - 1] = last;
}

}  // namespace id_detail

template <class Tag, class Rep>
class StrongId {
 public:
  using rep_type = Rep;

  StrongId() = default;
  explicit StrongId(Rep value) : value_(std::move(value)) {}

  const Rep& value() const { return value_; }

  // Writes `text` over a text id in place. The string keeps its storage, so a new id needs no
  // temporary string moved in: ids are made for every order and execution, mostly into a
  // reused record or message draft whose old id has the same length (the counters' digits
  // change, not their number), and that is a copy of the bytes without a library call.
  void assign(std::string_view text) requires std::is_same_v<Rep, std::string> {
    if (text.size() == value_.size()) {
      id_detail::copy_bytes(value_.data(), text.data(), text.size());
    } else {
      value_.assign(text.data(), text.size());
    }
  }

  friend bool operator==(const StrongId& a, const StrongId& b) {
    if constexpr (std::is_same_v<Rep, std::string>) {
      return same_bytes(a.value_, b.value_);  // ids are compared on every lookup
    } else {
      return a.value_ == b.value_;
    }
  }
  friend auto operator<=>(const StrongId&,
                          const StrongId&) = default;  // NOLINT(modernize-use-nullptr)

 private:
  Rep value_{};
};

// Ours: unique per order across restarts, idempotent (the same id never makes two orders).
using ClientOrderId = StrongId<struct ClientOrderIdTag, std::string>;
// The TWS session's order id (reqIds / nextValidId); unique per client id and account.
using BrokerOrderId = StrongId<struct BrokerOrderIdTag, std::int64_t>;
// IB's permanent id, stable across sessions and clients.
using PermId = StrongId<struct PermIdTag, std::int64_t>;
// IB's contract id.
using ConId = StrongId<struct ConIdTag, std::int64_t>;
using AccountId = StrongId<struct AccountIdTag, std::string>;
using StrategyId = StrongId<struct StrategyIdTag, std::string>;
// IB's execution id ("0000e0d5.6543a1b2.01.01"); corrections share the prefix.
using ExecutionId = StrongId<struct ExecutionIdTag, std::string>;

}  // namespace ibtrade

// Text ids hash without noexcept on purpose: libstdc++ then stores each node's hash code, so
// lookups compare codes before strings and growing a table does not hash every key again.
template <class Tag, class Rep>
struct std::hash<ibtrade::StrongId<Tag, Rep>> {
  std::size_t operator()(const ibtrade::StrongId<Tag, Rep>& id) const
      noexcept(!std::is_same_v<Rep, std::string>) {
    if constexpr (std::is_same_v<Rep, std::string>) {
      return ibtrade::hash_bytes(id.value());
    } else {
      return std::hash<Rep>{}(id.value());
    }
  }
};
