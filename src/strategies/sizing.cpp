#include "strategies/sizing.hpp"

namespace ibtrade::strategies {

Quantity shares_for_risk(Money equity, engine::Ratio fraction, Price stop_distance, Quantity cap) {
  if (!equity.is_positive() || !fraction.is_positive() || !stop_distance.is_positive()) {
    return Quantity{};
  }
  // Money at risk, half-even at 1e-9; then whole shares, rounded down: both raw values share
  // the 1e-9 scale, so the integer quotient is the share count.
  const std::int64_t at_risk = fixed::mul_div(equity.raw(), fraction.raw(), kFixedScale);
  Quantity shares = Quantity::from_units(at_risk / stop_distance.raw());
  if (cap.is_positive() && shares > cap) shares = cap;
  return shares;
}

}  // namespace ibtrade::strategies
