// fundamental: long-only swing entries on daily bars, from a screener's candidate list or, with
// none, from the screener's SigmaSpike rule applied to the bars. Single-threaded: the engine's
// kernel thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "core/fixed_point.hpp"
#include "core/indicators/sigma_spike.hpp"
#include "core/result.hpp"
#include "engine/strategy/strategy.hpp"
#include "strategies/candidates.hpp"
#include "strategies/params.hpp"
#include "strategies/symbol_trade.hpp"

namespace ibtrade::strategies {

struct FundamentalParams {
  int sigma_lookback = 20;  // daily returns behind the SigmaSpike (no candidate list only)
  double sigma_lo = 2.0;    // buy when lo <= SigmaSpike <= hi
  double sigma_hi = 4.0;
  Percent stop_percent = Percent::from_units(8);       // below the entry
  Percent target_percent = Percent::from_units(20);    // above the entry
  int max_hold_days = 10;                              // daily bars held, then sold at the open
  int max_positions = 5;                               // concurrent, pending entries included
  Ratio risk_fraction = Ratio::parse("0.01").value();  // of equity lost at the stop
  Price tick_size = Price::parse("0.01").value();
};

// Unknown key, bad value or inconsistent values: an error naming the key.
Result<FundamentalParams> parse_fundamental_params(const ParamMap& values);

struct FundamentalStats {
  std::uint64_t signals = 0;         // candidates or sigma hits on a bar
  std::uint64_t entries = 0;         // brackets accepted
  std::uint64_t entries_denied = 0;  // by risk
  std::uint64_t no_slot = 0;         // max_positions reached (or already holding the symbol)
  std::uint64_t too_small = 0;       // the risk budget bought less than one share
  std::uint64_t max_hold_exits = 0;
  std::uint64_t close_failures = 0;  // closing orders denied (retried on later bars)
};

// On each daily bar (its date: the UTC date of the bar's start, which is the trading date for
// bars stamped at midnight UTC, midnight ET or the open): a signal when the (date, symbol) is a
// candidate, or with no list when SigmaSpike(sigma_lookback) of the close is within
// [sigma_lo, sigma_hi]. Once every bar of that instant is in (a timer at the same instant),
// the day's signals are ranked (score, else SigmaSpike, highest first; ties by symbol) and
// bought while fewer than max_positions symbols are held or pending: a market-on-open (OPG)
// entry in a bracket with a stop stop_percent below and a take-profit target_percent above the
// fill. Size: risk_fraction of equity over the stop distance (from the signal close), and never
// more than equity / max_positions in one position. After max_hold_days bars held, the exits
// are cancelled and the position is sold at the next open.
class Fundamental final : public engine::Strategy {
 public:
  // `candidates`: the screener's list; nullopt applies the SigmaSpike rule instead (an empty
  // list buys nothing). Valid params (parse_fundamental_params); else std::invalid_argument.
  explicit Fundamental(FundamentalParams params = {},
                       std::optional<std::vector<Candidate>> candidates = std::nullopt);

  void on_bar(engine::StrategyContext& ctx, const engine::Symbol& symbol, const Bar& bar) override;
  void on_order_update(engine::StrategyContext& ctx, const engine::OrderUpdate& update) override;
  void on_fill(engine::StrategyContext& ctx, const engine::Fill& fill) override;
  void on_timer(engine::StrategyContext& ctx, const TimerEvent& timer) override;

  const FundamentalParams& params() const { return params_; }
  FundamentalStats stats() const;

 private:
  struct SymbolState {
    SymbolState(const engine::Symbol& symbol, int sigma_lookback);
    indicators::SigmaSpike sigma;
    SymbolTrade trade;
    int held_days = 0;
  };
  struct Signal {
    double score = 0.0;
    engine::Symbol symbol;
    Price close;
  };
  // No score in the file ranks below every score.
  using ScoresBySymbol = std::map<std::string, std::optional<double>, std::less<>>;

  SymbolState& state_for(const engine::Symbol& symbol);
  bool holds(engine::StrategyContext& ctx, const engine::Symbol& symbol,
             const SymbolState& state) const;
  void enter(engine::StrategyContext& ctx, const Signal& signal, SymbolState& state);

  FundamentalParams params_;
  std::optional<std::map<date::year_month_day, ScoresBySymbol>> candidates_;
  std::map<engine::Symbol, SymbolState, std::less<>> symbols_;
  std::vector<Signal> signals_;  // of the current instant, until the entry timer
  std::optional<std::uint64_t> entry_timer_;
  FundamentalStats stats_;
};

}  // namespace ibtrade::strategies
