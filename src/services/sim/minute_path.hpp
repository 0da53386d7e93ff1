// minute_path: one bar longer than a minute (a daily CSV row, a 5-minute row) spread over the
// one-minute bars inside it, deterministically from a seed: the first minute opens at the bar's
// open, the last closes at its close, the high and the low are each reached in some minute, every
// price stays on the tick and inside [low, high], and the volumes add up to the bar's exactly.
// Pure function; no threading rule.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/fixed_point.hpp"
#include "core/market_data.hpp"
#include "core/time.hpp"

namespace ibtrade::sim {

// `minutes` >= 1 bars at start, start + 1 min, ...; `bar`'s prices should be on `tick`. The
// path runs open -> one extreme -> the other -> close through a Brownian bridge (the extreme
// nearer the open more likely first), clipped to the range; volume follows a U-shaped day
// (heavier at both ends) with seeded noise.
std::vector<Bar> minute_path(const Bar& bar, std::size_t minutes, Timestamp start, Price tick,
                             std::uint64_t seed);

}  // namespace ibtrade::sim
