// The path a bar is assumed to have taken through its four prices, for the orders whose fate
// depends on which extreme came first (stop-limits, trailing stops). Plain values; no threading.
#pragma once

#include <array>

#include "core/market_data.hpp"

namespace ibtrade::engine {

// open, first extreme, second extreme, close; the price moves in a straight line between them.
using BarPath = std::array<Price, 4>;

// The extreme nearer the open comes first (the shortest path through the bar). When both are
// equally far, the low comes first if the bar closed at or above its open, else the high.
BarPath bar_path(const Bar& bar);

}  // namespace ibtrade::engine
