// Strong identifiers: each id is its own type, so a broker order id can't be passed where a
// client order id is expected. Plain value types; no threading rule.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <utility>

#include "core/hash.hpp"

namespace ibtrade {

template <class Tag, class Rep>
class StrongId {
 public:
  using rep_type = Rep;

  StrongId() = default;
  explicit StrongId(Rep value) : value_(std::move(value)) {}

  const Rep& value() const { return value_; }

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
