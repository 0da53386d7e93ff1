// macd-vwap: intraday long/short per symbol on N-minute bars built from 1-minute bars: MACD
// crosses on the right side of the session VWAP, bracket exits sized by risk, flat before the
// close. Single-threaded: the engine's kernel thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>

#include <date/date.h>

#include "core/bar_aggregator.hpp"
#include "core/calendar/trading_calendar.hpp"
#include "core/fixed_point.hpp"
#include "core/indicators/atr.hpp"
#include "core/indicators/macd.hpp"
#include "core/indicators/vwap.hpp"
#include "core/result.hpp"
#include "engine/strategy/strategy.hpp"
#include "strategies/params.hpp"
#include "strategies/symbol_trade.hpp"

namespace ibtrade::strategies {

struct MacdVwapParams {
  int bar_minutes = 5;  // the signal bars, built from 1-minute bars
  int fast = 12;
  int slow = 26;
  int signal = 9;
  int atr_period = 14;                                  // ATR of the signal bars, for stop_atr
  Ratio stop_atr = Ratio::from_units(2);                // stop distance in ATRs ...
  Percent stop_percent;                                 // ... or, when > 0, in % of the close
  Ratio take_profit_r = Ratio::from_units(2);           // take-profit distance in stop distances
  Ratio risk_fraction = Ratio::parse("0.005").value();  // of equity lost at the stop
  Quantity max_position = Quantity::from_units(1000);   // shares per trade
  int no_entry_minutes = 15;                            // after the session open
  int minutes_before_close = 5;                         // flat this long before the close
  // Without a calendar only: the regular session as UTC times of the bar's UTC date.
  std::chrono::minutes session_open = std::chrono::hours(9) + std::chrono::minutes(30);
  std::chrono::minutes session_close = std::chrono::hours(16);
  bool allow_short = true;
  Price tick_size = Price::parse("0.01").value();
};

// Unknown key, bad value or inconsistent values: an error naming the key.
Result<MacdVwapParams> parse_macd_vwap_params(const ParamMap& values);

struct MacdVwapStats {
  std::uint64_t long_entries = 0;
  std::uint64_t short_entries = 0;
  std::uint64_t entries_denied = 0;  // by risk, other than short selling
  std::uint64_t shorts_skipped = 0;  // allow_short off, or risk forbids short selling
  std::uint64_t too_small = 0;       // the risk budget bought less than one share
  std::uint64_t exits_on_cross = 0;
  std::uint64_t flattens = 0;        // trades closed before the session close
  std::uint64_t late_signals = 0;    // entry crosses inside the no-entry window or after
  std::uint64_t close_failures = 0;  // closing orders denied (retried on later bars)
};

// Per symbol: the 1-minute bars of the regular session feed the session VWAP (reset at each
// session) and build N-minute bars; each completed N-minute bar feeds MACD and ATR, which carry
// over from one session to the next (a daily reset would leave MACD(12,26,9) on 5-minute bars
// unready until the afternoon). A cross up with close > VWAP goes long, a cross down with close
// < VWAP short, through a bracket (market entry, limit take-profit, stop). The opposite cross
// and the flatten time close the trade: its working orders are cancelled first, then what is
// held is closed at market (SymbolTrade), so no exit order is left behind.
class MacdVwap final : public engine::Strategy {
 public:
  // `calendar` (may be null; must outlive the strategy) gives each day's session; without it
  // the session is params.session_open..session_close in UTC. Valid params
  // (parse_macd_vwap_params); else std::invalid_argument.
  explicit MacdVwap(MacdVwapParams params = {}, const TradingCalendar* calendar = nullptr);

  void on_bar(engine::StrategyContext& ctx, const engine::Symbol& symbol, const Bar& bar) override;
  void on_order_update(engine::StrategyContext& ctx, const engine::OrderUpdate& update) override;
  void on_fill(engine::StrategyContext& ctx, const engine::Fill& fill) override;
  void on_timer(engine::StrategyContext& ctx, const TimerEvent& timer) override;
  void on_session_open(engine::StrategyContext& ctx, date::year_month_day day) override;

  const MacdVwapParams& params() const { return params_; }
  MacdVwapStats stats() const;

 private:
  struct SessionWindow {
    bool trading = false;  // false: not a trading day (calendar), nothing happens
    Timestamp open;
    Timestamp entry_from;  // open + no_entry_minutes
    Timestamp flatten_at;  // close - minutes_before_close
    Timestamp close;
  };
  struct SymbolState {
    SymbolState(const engine::Symbol& symbol, const MacdVwapParams& p);
    BarAggregator bars;
    indicators::Macd macd;
    indicators::Vwap vwap;
    indicators::Atr atr;
    double previous_difference = 0.0;
    bool has_previous = false;
    std::optional<date::year_month_day> day;
    SessionWindow window;
    SymbolTrade trade;
  };

  SymbolState& state_for(const engine::Symbol& symbol);
  date::year_month_day session_day(Timestamp t) const;
  SessionWindow window_for(date::year_month_day day) const;
  void on_signal_bar(engine::StrategyContext& ctx, const engine::Symbol& symbol, SymbolState& state,
                     const Bar& bar, Timestamp end);
  void enter(engine::StrategyContext& ctx, const engine::Symbol& symbol, SymbolState& state,
             Side side, const Bar& bar);
  void flatten(engine::StrategyContext& ctx, const engine::Symbol& symbol, SymbolState& state);

  MacdVwapParams params_;
  const TradingCalendar* calendar_;
  std::map<engine::Symbol, SymbolState, std::less<>> symbols_;
  std::optional<std::uint64_t> flatten_timer_;
  MacdVwapStats stats_;
};

}  // namespace ibtrade::strategies
