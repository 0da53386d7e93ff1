// The per-order price-management policies: limit chasing, stop management (break-even and
// trailing) and their parameters, plus the tick arithmetic they share. Plain values and pure
// functions; no threading rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/fixed_point.hpp"
#include "core/order.hpp"
#include "core/time.hpp"

namespace ibtrade::engine {

struct RatioTag {
  static constexpr std::string_view kName = "ratio";
};
using Ratio = Decimal<RatioTag>;  // a plain multiple: 1.5 means one and a half times

enum class ChaseExhausted : std::uint8_t {
  kCancel,  // give up: cancel what is left
  kMarket,  // cancel, and once the cancel is confirmed send a market order for what is left
};

// Reprice a limit order `ticks` ticks toward the touch every `interval`, never further than
// `max_distance` from the limit it had when the chase started.
struct ChasePolicy {
  std::int64_t ticks = 1;
  Nanoseconds interval{};
  Price max_distance;
  ChaseExhausted on_exhausted = ChaseExhausted::kCancel;
  Price tick_size;
};

// Once the price has gone `trigger_r` times R in our favour (R = |entry - initial stop|), move
// the stop to the entry plus `offset` (in our favour: covers costs).
struct BreakEvenRule {
  Ratio trigger_r = Ratio::from_units(1);
  Price offset;
};

enum class TrailBy : std::uint8_t { kAtr, kPercent };

// Keep the stop `atr_multiple` x ATR or `percent` % behind the best price seen since the
// stop came under management.
struct TrailingRule {
  TrailBy by = TrailBy::kPercent;
  Ratio atr_multiple;
  Percent percent;
};

struct StopPolicy {
  Price entry;  // the position's entry price
  std::optional<BreakEvenRule> break_even;
  std::optional<TrailingRule> trailing;
  Price tick_size;
};

// Largest multiple of `tick` at or below `price` / smallest at or above it. tick > 0.
Price floor_to_tick(Price price, Price tick);
Price ceil_to_tick(Price price, Price tick);
// price x ratio, half-even at 1e-9.
Price times(Price price, Ratio ratio);
// percent % of price, half-even at 1e-9.
Price percent_of(Price price, Percent percent);

}  // namespace ibtrade::engine
