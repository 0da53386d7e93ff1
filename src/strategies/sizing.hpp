// Position sizing by risk: whole shares from a fraction of equity and a stop distance, exact in
// fixed point (no doubles touch money). Pure functions; no threading rule.
#pragma once

#include "core/fixed_point.hpp"
#include "engine/orders/price_policies.hpp"

namespace ibtrade::strategies {

// floor(equity x fraction / stop_distance) whole shares: the position whose loss at the stop is
// at most `fraction` of equity. Capped at `cap` when `cap` is positive. Zero when equity,
// fraction or distance is not positive (nothing to risk, or no stop to size by).
Quantity shares_for_risk(Money equity, engine::Ratio fraction, Price stop_distance, Quantity cap);

}  // namespace ibtrade::strategies
