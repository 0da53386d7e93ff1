// How one fill moves a stored position: adding to it averages the cost, reducing keeps the
// cost, crossing zero starts a new position at the fill price. Pure; no threading rule.
#pragma once

#include "core/fixed_point.hpp"
#include "core/order.hpp"

namespace ibtrade::store {

struct PositionState {
  Quantity quantity;  // signed: negative is short
  Price average_cost;

  friend bool operator==(const PositionState&, const PositionState&) = default;
};

// Decimals kept for an averaged cost: enough that repeated averaging does not drift by cents.
inline constexpr int kAverageCostPrecision = 6;

PositionState apply_fill(const PositionState& before, Side side, Quantity quantity, Price price);

}  // namespace ibtrade::store
