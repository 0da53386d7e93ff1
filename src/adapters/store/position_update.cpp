#include "adapters/store/position_update.hpp"

namespace ibtrade::store {

PositionState apply_fill(const PositionState& before, Side side, Quantity quantity, Price price) {
  const Quantity delta = side == Side::kBuy ? quantity : -quantity;
  const Quantity after = before.quantity + delta;
  if (after.is_zero()) return {after, Price{}};
  const bool adding =
      before.quantity.is_zero() || before.quantity.is_negative() == delta.is_negative();
  if (adding) {
    const Money cost =
        notional(before.average_cost, before.quantity.abs()) + notional(price, quantity);
    return {after, per_unit(cost, after.abs(), kAverageCostPrecision)};
  }
  // Reducing: the remaining lot keeps its cost; crossing zero opens a new one at the fill price.
  if (after.is_negative() == before.quantity.is_negative()) return {after, before.average_cost};
  return {after, price};
}

}  // namespace ibtrade::store
