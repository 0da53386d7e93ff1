// Performance statistics of a backtest: returns, risk-adjusted ratios, drawdown and trade
// statistics, computed from the equity curve and the closed round trips. Pure functions.
#pragma once

#include <optional>
#include <span>

#include "core/fixed_point.hpp"
#include "core/time.hpp"
#include "engine/portfolio/closed_trade.hpp"

namespace ibtrade::backtest {

struct EquityPoint {
  Timestamp time;
  Money equity;

  friend bool operator==(const EquityPoint&, const EquityPoint&) = default;
};

// Money figures are exact; ratios are statistics and live in doubles. Ratios that do not exist
// (no returns to measure, no losing trade for a profit factor) are empty, never 0 or infinity.
struct Metrics {
  Money starting_equity;
  Money final_equity;
  Money net_pnl;
  Money commissions;
  double total_return = 0;              // final / starting - 1
  std::optional<double> cagr;           // over the calendar span of the curve
  std::optional<double> sharpe;         // annualised, per-period returns of the curve, no risk-free
  std::optional<double> sortino;        // annualised, downside deviation over all periods
  double max_drawdown = 0;              // largest fall from a peak, as a fraction of the peak
  Nanoseconds max_drawdown_duration{};  // longest time spent below a previous peak
  std::size_t trades = 0;               // closed round trips
  std::size_t winning_trades = 0;       // net PnL > 0
  std::optional<double> win_rate;
  std::optional<double> profit_factor;  // gross wins / gross losses (net of commissions)
  Money average_trade;                  // net PnL per round trip (zero without trades)
  double exposure = 0;                  // share of symbol-bars with a position open
};

struct MetricsInput {
  std::span<const EquityPoint> equity;  // in time order; the first point is the start
  std::span<const engine::ClosedTrade> trades;
  Money commissions;
  double exposure = 0;
  // Curve points per year for annualising: 252 for one point per session.
  double periods_per_year = 252;
};

Metrics compute_metrics(const MetricsInput& input);

}  // namespace ibtrade::backtest
