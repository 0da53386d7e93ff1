// SyntheticMarket: a seeded, reproducible market of N symbols: bars, fundamentals, earnings.
// Immutable once built: const queries from any thread; the paths and feeds it hands out are not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <date/date.h>

#include "core/calendar/trading_calendar.hpp"
#include "core/market_data.hpp"
#include "engine/market/earnings_calendar.hpp"
#include "engine/market/fundamentals.hpp"
#include "engine/market/intraday_profile.hpp"
#include "engine/market/market_config.hpp"
#include "engine/market/price_process.hpp"
#include "engine/market/universe.hpp"

namespace ibtrade::engine::market {

// What `ibtrade sim` serves and `ibtrade backtest --synthetic` replays. Pure: no I/O, no clock;
// the calendar is passed in.
class SyntheticMarket {
 public:
  // `calendar` must outlive the market. Throws std::invalid_argument when the config's epoch
  // has no trading day within the calendar's covered years.
  SyntheticMarket(std::uint64_t seed, std::size_t symbols, const TradingCalendar& calendar,
                  MarketConfig config = {});
  SyntheticMarket(const SyntheticMarket&) = delete;
  SyntheticMarket& operator=(const SyntheticMarket&) = delete;

  std::uint64_t seed() const { return seed_; }
  const MarketConfig& config() const { return config_; }
  const TradingCalendar& calendar() const { return *calendar_; }
  const Universe& universe() const { return universe_; }
  std::size_t size() const { return universe_.size(); }
  const EarningsCalendar& earnings() const { return earnings_; }
  // The first day with data: the first trading day on or after the epoch.
  date::year_month_day first_day() const { return context_.epoch_day; }

  // Symbol `symbol`'s path on the first trading day on or after `from` (and the first day).
  // Costs one replay of the day-level process since the epoch (about a microsecond a day).
  SymbolPath path(std::size_t symbol, date::year_month_day from) const;

  // The session's one-minute bars; empty when `day` is not a trading day with data.
  std::vector<Bar> minute_bars(std::size_t symbol, date::year_month_day day) const;
  // The session aggregated from those minutes: time is the session's open, volume the sum.
  std::optional<Bar> daily_bar(std::size_t symbol, date::year_month_day day) const;
  // Daily bars of every trading day in [from, to].
  std::vector<Bar> daily_bars(std::size_t symbol, date::year_month_day from,
                              date::year_month_day to) const;
  // The close of `day`, or of the last trading day before it; none before the first day.
  std::optional<Price> close_price(std::size_t symbol, date::year_month_day day) const;
  // Fundamentals at that same close; none before the first day.
  std::optional<Fundamentals> fundamentals(std::size_t symbol, date::year_month_day day) const;

 private:
  std::optional<date::year_month_day> last_session_on_or_before(date::year_month_day day) const;

  std::uint64_t seed_;
  MarketConfig config_;
  const TradingCalendar* calendar_;
  Universe universe_;
  EarningsCalendar earnings_;
  IntradayProfiles profiles_;
  PathContext context_;
};

// The session bar made of consecutive minute bars: first open, highest high, lowest low, last
// close, summed volume, the first bar's time. Requires at least one bar.
Bar aggregate_bars(std::span<const Bar> bars);

}  // namespace ibtrade::engine::market
