// BarSource: where the simulator's market comes from. MarketView, historical bars, contracts
// and the scanner ask it for one-minute bars per symbol and session and never learn whether
// they are the synthetic market's or replayed CSV files'. Implementations are immutable after
// construction: const calls from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <date/date.h>

#include "core/fixed_point.hpp"
#include "core/market_data.hpp"
#include "core/time.hpp"
#include "engine/market/fundamentals.hpp"
#include "services/sim/session_schedule.hpp"

namespace ibtrade::sim {

struct SourceSymbol {
  std::string symbol;  // the ticker clients ask for
  std::string name;    // company name for contract details
};

class BarSource {
 public:
  virtual ~BarSource() = default;

  // The sessions market time runs through.
  virtual const SessionSchedule& sessions() const = 0;
  // The symbols, indexed from 0 in a fixed order (conIds follow it).
  virtual std::span<const SourceSymbol> symbols() const = 0;
  std::size_t size() const { return symbols().size(); }

  // Every minute of `day`'s regular session, the first at the open, in order; empty when the
  // symbol has no data that day. Prices on the day's tick.
  virtual std::vector<Bar> minute_bars(std::size_t symbol, date::year_month_day day) const = 0;
  // The whole session as one bar (time: the open); the aggregate of minute_bars.
  virtual std::optional<Bar> session_bar(std::size_t symbol, date::year_month_day day) const;
  // The close of `day`, or of the last session before it with data; none before the first.
  virtual std::optional<Price> close_price(std::size_t symbol, date::year_month_day day) const = 0;
  // The price increment on `day`: $0.01, or $0.0001 below $1 (IB's rule for US stocks).
  virtual Price tick(std::size_t symbol, date::year_month_day day) const = 0;
  // Shares a session usually trades, as known before `day`; none when unknown.
  virtual std::optional<std::int64_t> avg_volume(std::size_t symbol,
                                                 date::year_month_day day) const = 0;
  // Shares outstanding (for market capitalization); none when unknown.
  virtual std::optional<std::int64_t> shares_outstanding(std::size_t symbol) const = 0;
  // Fundamentals at the close of `day` (tick 47); none when the source has none.
  virtual std::optional<engine::market::Fundamentals> fundamentals(
      std::size_t symbol, date::year_month_day day) const = 0;
  // The first bar's instant when the replay should begin there (CSV); none for a source that
  // has data on any day (synthetic).
  virtual std::optional<Timestamp> first_bar_time() const { return std::nullopt; }
  // For the banner and logs: "the synthetic market (seed 42)", "CSV: ORCL (...)".
  virtual std::string description() const = 0;
};

// The tick IB uses for a US stock whose previous close was `previous_close`.
Price tick_for(std::optional<Price> previous_close);

}  // namespace ibtrade::sim
