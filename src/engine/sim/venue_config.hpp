// Settings of the simulated venue: how it matches (bars or ticks), sizes, ticks, slippage and how
// it reports commissions. Plain value type; no threading rule.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>

#include "core/fixed_point.hpp"
#include "core/order.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

enum class FillMode : std::uint8_t {
  kBar,   // match on on_bar(); quotes and trades are ignored
  kTick,  // match on on_quote() / on_trade(); bars are ignored
};

enum class CommissionReporting : std::uint8_t {
  kSeparate,  // fill.commission is zero, a CommissionUpdate follows (as IB does)
  kInFill,    // fill.commission carries it, no CommissionUpdate
  kBoth,      // both
};

struct SimulatedVenueConfig {
  FillMode fill_mode = FillMode::kBar;
  // Ticks against the taker for fills as a market order (MKT, triggered STP/TRAIL, and a
  // stop-limit marketable when elected, capped at its limit). Zero or positive.
  int slippage_ticks = 0;
  Price default_tick_size = Price::from_raw(10'000'000, 2);  // $0.01
  std::map<Symbol, Price> tick_sizes;                        // per-symbol overrides
  // Share of each bar's volume our orders may take together (10 = 10 %); none = no cap.
  std::optional<Percent> max_volume_share;
  // The volume cap is rounded down to a whole number of lots.
  Quantity lot_size = Quantity::from_units(1);
  // A limit fills when the price only touches it (low == buy limit, high == sell limit).
  bool fill_on_touch = false;
  // Tick mode: a fill takes at most the quoted size at the touch, or the size of the print.
  bool limit_to_displayed_size = true;
  CommissionReporting commission_reporting = CommissionReporting::kSeparate;
  std::int64_t first_broker_order_id = 1;
  // Finished orders remembered to answer late modifies/cancels (IB 104/10148); oldest dropped.
  std::size_t finished_orders_kept = 100'000;
};

}  // namespace ibtrade::engine
