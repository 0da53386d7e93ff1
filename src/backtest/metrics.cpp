#include "backtest/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ibtrade::backtest {
namespace {

constexpr double kSecondsPerYear = 365.25 * 24 * 3600;

// Simple returns between consecutive points; a point at or below zero equity ends the series
// (a return from a wiped-out account is not defined).
std::vector<double> period_returns(std::span<const EquityPoint> equity) {
  std::vector<double> out;
  if (equity.size() < 2) return out;
  out.reserve(equity.size() - 1);
  for (std::size_t i = 1; i < equity.size(); ++i) {
    const double before = equity[i - 1].equity.to_double();
    if (before <= 0) break;
    out.push_back(equity[i].equity.to_double() / before - 1);
  }
  return out;
}

double mean(const std::vector<double>& values) {
  double sum = 0;
  for (double v : values)
    sum += v;
  return sum / static_cast<double>(values.size());
}

}  // namespace

Metrics compute_metrics(const MetricsInput& input) {
  Metrics m;
  m.commissions = input.commissions;
  m.exposure = input.exposure;
  if (!input.equity.empty()) {
    m.starting_equity = input.equity.front().equity;
    m.final_equity = input.equity.back().equity;
  }
  m.net_pnl = m.final_equity - m.starting_equity;
  const double start = m.starting_equity.to_double();
  const double end = m.final_equity.to_double();
  if (start > 0) {
    m.total_return = end / start - 1;
    const double years =
        std::chrono::duration<double>(input.equity.back().time - input.equity.front().time)
            .count() /
        kSecondsPerYear;
    if (years > 0 && end > 0) m.cagr = std::pow(end / start, 1 / years) - 1;
  }

  const std::vector<double> returns = period_returns(input.equity);
  if (returns.size() >= 2) {
    const double average = mean(returns);
    double squares = 0;
    double downside = 0;
    for (double r : returns) {
      squares += (r - average) * (r - average);
      if (r < 0) downside += r * r;
    }
    const auto n = static_cast<double>(returns.size());
    const double deviation = std::sqrt(squares / (n - 1));  // sample standard deviation
    const double downside_deviation = std::sqrt(downside / n);
    const double annualise = std::sqrt(input.periods_per_year);
    if (deviation > 0) m.sharpe = average / deviation * annualise;
    if (downside_deviation > 0) m.sortino = average / downside_deviation * annualise;
  }

  Money peak;
  Timestamp peak_time;
  bool first = true;
  for (const EquityPoint& p : input.equity) {
    if (first || p.equity >= peak) {
      peak = p.equity;
      peak_time = p.time;
      first = false;
      continue;
    }
    if (peak.is_positive()) {
      m.max_drawdown = std::max(m.max_drawdown, (peak - p.equity).to_double() / peak.to_double());
    }
    m.max_drawdown_duration = std::max(m.max_drawdown_duration, p.time - peak_time);
  }

  m.trades = input.trades.size();
  Money wins;
  Money losses;
  Money total;
  for (const engine::ClosedTrade& t : input.trades) {
    total += t.net_pnl;
    if (t.net_pnl.is_positive()) {
      ++m.winning_trades;
      wins += t.net_pnl;
    } else {
      losses -= t.net_pnl;
    }
  }
  if (m.trades > 0) {
    m.win_rate = static_cast<double>(m.winning_trades) / static_cast<double>(m.trades);
    m.average_trade =
        Money::from_raw(fixed::mul_div(total.raw(), 1, static_cast<std::int64_t>(m.trades)), 2);
  }
  if (losses.is_positive()) m.profit_factor = wins.to_double() / losses.to_double();
  return m;
}

}  // namespace ibtrade::backtest
