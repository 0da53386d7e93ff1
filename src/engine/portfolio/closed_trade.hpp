// A closed round trip: one FIFO match of an exit fill against (part of) an open lot, with its
// PnL, commissions and excursions. Plain value type; no threading rule.
#pragma once

#include <cstdint>

#include "core/fixed_point.hpp"
#include "core/order.hpp"
#include "core/time.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

enum class TradeSide : std::uint8_t { kLong, kShort };

struct ClosedTrade {
  Symbol symbol;
  TradeSide side = TradeSide::kLong;
  Quantity quantity;  // matched, positive
  Timestamp entry_time;
  Price entry_price;
  Timestamp exit_time;
  Price exit_price;
  Money entry_notional;  // the lot cost this match took out: notional(entry_price, quantity)
  // Long: notional(exit, qty) - entry_notional; short: entry_notional - notional(exit, qty).
  Money gross_pnl;
  Money entry_commission;  // the opening fill's commission, pro rata to the matched quantity
  Money exit_commission;   // the closing fill's commission, pro rata to the matched quantity
  Money net_pnl;           // gross_pnl - entry_commission - exit_commission
  // Worst and best distance of the price from entry while the lot was open, as positive
  // prices (zero when the price never went that way). Sources: entry and exit prices, fills,
  // marks and bar highs/lows.
  Price max_adverse_price;
  Price max_favorable_price;

  Money commissions() const { return entry_commission + exit_commission; }
  // net_pnl / entry_notional, in percent (1.5 means 1.5 %), rounded half-even to 6 decimals.
  Percent return_percent() const;
  Nanoseconds holding_time() const { return exit_time - entry_time; }
  Money max_adverse_excursion() const { return notional(max_adverse_price, quantity); }
  Money max_favorable_excursion() const { return notional(max_favorable_price, quantity); }

  friend bool operator==(const ClosedTrade&, const ClosedTrade&) = default;
};

}  // namespace ibtrade::engine
