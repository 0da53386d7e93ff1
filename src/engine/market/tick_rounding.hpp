// Model prices (doubles) onto the US equity tick grid as Price: the one double-to-fixed step.
// Pure function; any thread.
#pragma once

#include "core/fixed_point.hpp"

namespace ibtrade::engine::market {

// The nearest tick ($0.01 at or above $1, $0.0001 below: Reg NMS Rule 612), halves rounded up;
// never below one tick. Monotone non-decreasing in
// `price`, so a <= b in the model gives a <= b on the grid and bars keep low <= open <= high.
// Throws std::domain_error for a NaN (a bug in the model).
Price to_tick_price(double price);

}  // namespace ibtrade::engine::market
