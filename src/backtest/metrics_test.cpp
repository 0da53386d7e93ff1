#include "backtest/metrics.hpp"

#include <date/date.h>
#include <gtest/gtest.h>

namespace ibtrade::backtest {
namespace {

using namespace std::chrono_literals;

Timestamp day(int n) {
  return Timestamp{date::sys_days{date::year{2026} / 3 / 2} + date::days{n}};
}

Money money(std::string_view text) {
  return Money::parse(text).value();
}

engine::ClosedTrade trade(std::string_view net) {
  engine::ClosedTrade t;
  t.symbol = "ACME";
  t.net_pnl = money(net);
  return t;
}

TEST(BacktestMetrics, WorkedExample) {
  // Daily equity 100, 110, 99, 121: returns +10 %, -10 %, +22.2 %.
  const std::vector<EquityPoint> equity{{day(0), money("100")},
                                        {day(1), money("110")},
                                        {day(2), money("99")},
                                        {day(3), money("121")}};
  const std::vector<engine::ClosedTrade> trades{trade("15"), trade("-5"), trade("11"), trade("0")};
  const Metrics m = compute_metrics({equity, trades, money("2.50"), 0.25, 252});
  EXPECT_EQ(m.final_equity, money("121"));
  EXPECT_EQ(m.net_pnl, money("21"));
  EXPECT_DOUBLE_EQ(m.total_return, 0.21);
  // mean 0.0740741, sample deviation 0.1626681: 0.0740741 / 0.1626681 * sqrt(252).
  ASSERT_TRUE(m.sharpe);
  EXPECT_NEAR(*m.sharpe, 7.228765761, 1e-8);
  // downside deviation sqrt(0.1^2 / 3) = 0.0577350.
  ASSERT_TRUE(m.sortino);
  EXPECT_NEAR(*m.sortino, 20.367003089, 1e-8);
  EXPECT_NEAR(m.max_drawdown, 0.1, 1e-12);  // 110 -> 99
  EXPECT_EQ(m.max_drawdown_duration, std::chrono::duration_cast<Nanoseconds>(24h));
  ASSERT_TRUE(m.cagr);
  EXPECT_GT(*m.cagr, 1e9);  // 21 % in three days, compounded over a year
  EXPECT_EQ(m.trades, 4U);
  EXPECT_EQ(m.winning_trades, 2U);  // zero is not a win
  EXPECT_DOUBLE_EQ(*m.win_rate, 0.5);
  EXPECT_DOUBLE_EQ(*m.profit_factor, 26.0 / 5.0);
  EXPECT_EQ(m.average_trade, money("5.25"));
  EXPECT_EQ(m.commissions, money("2.50"));
  EXPECT_DOUBLE_EQ(m.exposure, 0.25);
}

TEST(BacktestMetrics, RatiosThatDoNotExistAreEmpty) {
  const std::vector<EquityPoint> flat{
      {day(0), money("100")}, {day(1), money("100")}, {day(2), money("100")}};
  const std::vector<engine::ClosedTrade> winners{trade("3")};
  const Metrics m = compute_metrics({flat, winners, Money{}, 0, 252});
  EXPECT_FALSE(m.sharpe);         // no variation
  EXPECT_FALSE(m.sortino);        // no losing period
  EXPECT_FALSE(m.profit_factor);  // no losing trade
  EXPECT_DOUBLE_EQ(m.total_return, 0);
  EXPECT_EQ(m.max_drawdown, 0);

  const Metrics empty = compute_metrics({{}, {}, Money{}, 0, 252});
  EXPECT_FALSE(empty.win_rate);
  EXPECT_FALSE(empty.cagr);
  EXPECT_EQ(empty.trades, 0U);
}

TEST(BacktestMetrics, DrawdownDurationRunsUntilANewPeak) {
  const std::vector<EquityPoint> equity{{day(0), money("100")},
                                        {day(1), money("90")},
                                        {day(5), money("95")},
                                        {day(6), money("101")},
                                        {day(7), money("80")}};
  const Metrics m = compute_metrics({equity, {}, Money{}, 0, 252});
  EXPECT_NEAR(m.max_drawdown, 21.0 / 101.0, 1e-12);
  EXPECT_EQ(m.max_drawdown_duration, std::chrono::duration_cast<Nanoseconds>(date::days{5}));
}

}  // namespace
}  // namespace ibtrade::backtest
