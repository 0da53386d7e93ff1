// MarketView: what the market (a BarSource: synthetic or CSV) looks like at one market instant:
// last price, a quoted book around it, today's volume, high, low and open, 5-second bars. Prices
// move inside each one-minute bar along open -> nearer extreme -> other extreme -> close (the
// simulated venue's intra-bar path), in fixed point on the symbol's tick. Single-threaded: the
// io thread's core.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include <date/date.h>

#include "core/fixed_point.hpp"
#include "core/market_data.hpp"
#include "core/time.hpp"
#include "engine/market/fundamentals.hpp"
#include "services/sim/bar_source.hpp"

namespace ibtrade::sim {

// One symbol at one instant of a session.
struct MarketSnapshot {
  Timestamp time;
  Price last;
  Price bid;
  Price ask;
  Quantity bid_size;
  Quantity ask_size;
  Quantity volume;  // traded in the session so far
  Price open;
  Price high;  // of the session so far
  Price low;
  std::optional<Price> previous_close;
};

class MarketView {
 public:
  // `source` must outlive the view.
  MarketView(const BarSource& source, std::int64_t max_displayed_size);

  const BarSource& source() const { return *source_; }
  const SessionSchedule& sessions() const { return source_->sessions(); }
  std::size_t size() const { return source_->size(); }

  // None when `t` is not inside a session with data.
  std::optional<MarketSnapshot> snapshot(std::size_t symbol, Timestamp t);
  std::optional<Price> price_at(std::size_t symbol, Timestamp t);
  // Shares traded in `t`'s session before `t` (a minute's volume spreads evenly over it).
  Quantity volume_until(std::size_t symbol, Timestamp t);
  // The bar of [start, start + span) within one session; none outside one. `span` divides a minute.
  std::optional<Bar> sub_minute_bar(std::size_t symbol, Timestamp start, Nanoseconds span);
  // Today's completed one-minute bars before `t`.
  std::vector<Bar> minutes_before(std::size_t symbol, Timestamp t);
  // Fundamentals at the close before `t`'s session (what a data vendor shows during the day).
  std::optional<engine::market::Fundamentals> fundamentals(std::size_t symbol, Timestamp t);
  // $0.01, or $0.0001 for a symbol that closed below $1 before the given day.
  Price tick(std::size_t symbol, date::year_month_day day) const {
    return source_->tick(symbol, day);
  }

 private:
  struct SymbolDay {
    date::year_month_day day;
    Timestamp open;
    std::vector<Bar> minutes;
    std::vector<Quantity> volume_before;  // cumulative volume before minute i
    std::optional<Price> previous_close;
    Price tick;
  };

  const SymbolDay* day_of(std::size_t symbol, Timestamp t);

  const BarSource* source_;
  std::int64_t max_displayed_size_;
  std::map<std::size_t, SymbolDay> days_;  // the current session per symbol
};

}  // namespace ibtrade::sim
