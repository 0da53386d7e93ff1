// fundamental through the real engine on hand-made daily bars (midnight UTC, 24 hours, no
// calendar): candidates bought at the next open, max_positions, the holding limit, the bracket.
#include "strategies/fundamental.hpp"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "strategies/test_support.hpp"

namespace ibtrade::strategies {
namespace {

using namespace std::chrono_literals;
using engine::MarketBar;
using engine::OrderStatus;
using support::make_bar;
using support::money;
using support::px;
using support::shares;
using support::StrategyRun;

constexpr auto kFirstDay = date::year{2024} / 3 / 4;

date::year_month_day day(int i) {
  return date::year_month_day{date::sys_days{kFirstDay} + date::days{i}};
}
Timestamp midnight(int i) {
  return Timestamp{date::sys_days{day(i)}};
}
MarketBar daily(const engine::Symbol& symbol, int i, const char* o, const char* h, const char* l,
                const char* c) {
  return make_bar(symbol, midnight(i), 24h, o, h, l, c, 1'000'000);
}
// A quiet day around 50: never near a stop at 46 or a target at 60.
MarketBar quiet(const engine::Symbol& symbol, int i) {
  return daily(symbol, i, "50.00", "51.00", "49.00", "50.00");
}

TEST(Fundamental, CandidatesAreBoughtAtTheNextOpenBestScoresFirstUpToMaxPositions) {
  std::vector<MarketBar> bars;
  for (int i = 0; i < 5; ++i) {
    for (const char* s : {"AAA", "BBB", "CCC", "DDD"})
      bars.push_back(quiet(s, i));
  }
  FundamentalParams p;
  p.max_positions = 2;
  // DDD has no score: it ranks below every scored candidate.
  Fundamental strategy(p, std::vector<Candidate>{{day(1), "AAA", 1.0},
                                                 {day(1), "BBB", 3.0},
                                                 {day(1), "DDD", std::nullopt},
                                                 {day(1), "CCC", 2.0},
                                                 {day(3), "EEE", 9.0}});
  StrategyRun run(strategy, bars);
  run.sim.run();

  // Equity 100,000 x 1 % = 1,000 at risk; the stop 8 % below the 50.00 close is 4.00 away:
  // 250 shares (the cap, 100,000 / 2 positions / 50.00 = 1,000 shares, does not bind). Bought
  // at day 2's open, in rank order.
  const auto& fills = run.recorder.fills;
  ASSERT_EQ(fills.size(), 2u);
  EXPECT_EQ(fills[0].symbol, "BBB");
  EXPECT_EQ(fills[1].symbol, "CCC");
  for (const auto& f : fills) {
    EXPECT_EQ(f.side, Side::kBuy);
    EXPECT_EQ(f.quantity, shares(250));
    EXPECT_EQ(f.price, px("50.00"));
    EXPECT_EQ(f.time, midnight(2));
  }
  const FundamentalStats stats = strategy.stats();
  EXPECT_EQ(stats.signals, 4u);
  EXPECT_EQ(stats.entries, 2u);
  EXPECT_EQ(stats.no_slot, 2u);  // AAA, then DDD
  // The exits sit 8 % below and 20 % above the fill, working until the end.
  const auto stops = run.orders_of_type(OrderType::kStop);
  const auto targets = run.orders_of_type(OrderType::kLimit);
  ASSERT_EQ(stops.size(), 2u);
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_EQ(stops[0]->order.stop_price, px("46.00"));
  EXPECT_EQ(targets[0]->order.limit_price, px("60.00"));
  EXPECT_TRUE(engine::is_working(stops[0]->status));
  EXPECT_TRUE(run.sim.engine().errors().empty());
}

TEST(Fundamental, SellsAtTheOpenAfterMaxHoldDays) {
  std::vector<MarketBar> bars;
  bars.reserve(7);
  for (int i = 0; i < 5; ++i)
    bars.push_back(quiet("ACME", i));
  bars.push_back(daily("ACME", 5, "52.00", "53.00", "51.00", "52.50"));
  bars.push_back(daily("ACME", 6, "52.50", "53.00", "52.00", "52.50"));
  FundamentalParams p;
  p.max_hold_days = 3;
  Fundamental strategy(p, std::vector<Candidate>{{day(1), "ACME", std::nullopt}});
  StrategyRun run(strategy, bars);
  run.sim.run();

  // Bought at day 2's open; held through the bars of days 2, 3 and 4; after day 4 the exits
  // are cancelled and the position is sold at day 5's open.
  const auto& fills = run.recorder.fills;
  ASSERT_EQ(fills.size(), 2u);
  EXPECT_EQ(fills[0].side, Side::kBuy);
  EXPECT_EQ(fills[0].time, midnight(2));
  EXPECT_EQ(fills[1].side, Side::kSell);
  EXPECT_EQ(fills[1].quantity, shares(250));
  EXPECT_EQ(fills[1].price, px("52.00"));
  EXPECT_EQ(fills[1].time, midnight(5));
  EXPECT_EQ(strategy.stats().max_hold_exits, 1u);
  for (const auto* exit : run.orders_of_type(OrderType::kStop))
    EXPECT_EQ(exit->status, OrderStatus::kCancelled);
  for (const auto* exit : run.orders_of_type(OrderType::kLimit))
    EXPECT_EQ(exit->status, OrderStatus::kCancelled);
  EXPECT_EQ(run.sim.engine().ledger().realized_pnl(), money("500"));  // 250 x 2.00
  EXPECT_EQ(run.sim.engine().orders().open_order_count(), 0u);
  EXPECT_TRUE(run.sim.engine().errors().empty());
}

TEST(Fundamental, TheBracketStopSellsAndCancelsTheTarget) {
  std::vector<MarketBar> bars;
  bars.reserve(5);
  for (int i = 0; i < 2; ++i)
    bars.push_back(quiet("ACME", i));
  // Entry at day 2's open 50.00, exits 46.00 / 60.00 working from day 3.
  bars.push_back(daily("ACME", 2, "50.00", "50.50", "47.00", "48.00"));
  bars.push_back(daily("ACME", 3, "48.00", "48.50", "45.00", "45.50"));
  bars.push_back(daily("ACME", 4, "45.50", "46.00", "45.00", "45.50"));
  Fundamental strategy({}, std::vector<Candidate>{{day(1), "ACME", 1.0}});
  StrategyRun run(strategy, bars);
  run.sim.run();

  const auto& fills = run.recorder.fills;
  ASSERT_EQ(fills.size(), 2u);
  EXPECT_EQ(fills[1].side, Side::kSell);
  EXPECT_EQ(fills[1].price, px("46.00"));
  EXPECT_EQ(fills[1].time, midnight(3));
  const auto targets = run.orders_of_type(OrderType::kLimit);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0]->status, OrderStatus::kCancelled);
  EXPECT_EQ(run.sim.engine().ledger().realized_pnl(), money("-1000"));  // 250 x -4.00
  EXPECT_EQ(run.sim.engine().orders().open_order_count(), 0u);
}

TEST(Fundamental, TheTargetSellsAtItsLimit) {
  std::vector<MarketBar> bars;
  bars.reserve(4);
  for (int i = 0; i < 3; ++i)
    bars.push_back(quiet("ACME", i));
  bars.push_back(daily("ACME", 3, "55.00", "61.00", "54.00", "60.50"));
  Fundamental strategy({}, std::vector<Candidate>{{day(1), "ACME", 1.0}});
  StrategyRun run(strategy, bars);
  run.sim.run();
  ASSERT_EQ(run.recorder.fills.size(), 2u);
  EXPECT_EQ(run.recorder.fills[1].price, px("60.00"));
  EXPECT_EQ(run.sim.engine().ledger().realized_pnl(), money("2500"));  // 250 x 10.00
}

// SigmaSpike written out: r / population sigma of the `n` returns before it.
double spike(const std::vector<double>& closes, std::size_t n) {
  std::vector<double> r;
  for (std::size_t i = 1; i < closes.size(); ++i)
    r.push_back(closes[i] / closes[i - 1] - 1);
  const double today = r.back();
  double mean = 0;
  for (std::size_t i = r.size() - 1 - n; i < r.size() - 1; ++i)
    mean += r[i];
  mean /= static_cast<double>(n);
  double variance = 0;
  for (std::size_t i = r.size() - 1 - n; i < r.size() - 1; ++i)
    variance += (r[i] - mean) * (r[i] - mean);
  return today / std::sqrt(variance / static_cast<double>(n));
}

TEST(Fundamental, WithoutAListTheSigmaRuleBuysSpikesWithinTheBand) {
  // Both symbols swing 1 % a day, then jump: MILD by 3 % (about 3 sigma: bought), WILD by 6 %
  // (about 6 sigma: above sigma_hi, left alone).
  const std::vector<const char*> calm = {"100.00", "101.00", "100.00",
                                         "101.00", "100.00", "101.00"};
  const std::vector<double> mild = {100, 101, 100, 101, 100, 101, 104.03};
  const std::vector<double> wild = {100, 101, 100, 101, 100, 101, 107.06};
  ASSERT_GT(spike(mild, 5), 2.9);
  ASSERT_LT(spike(mild, 5), 3.1);
  ASSERT_GT(spike(wild, 5), 4.0);
  std::vector<MarketBar> bars;
  for (int i = 0; i < 6; ++i) {
    for (const char* s : {"MILD", "WILD"})
      bars.push_back(daily(s, i, calm[static_cast<std::size_t>(i)], "102.00", "99.00",
                           calm[static_cast<std::size_t>(i)]));
  }
  bars.push_back(daily("MILD", 6, "101.00", "104.50", "101.00", "104.03"));
  bars.push_back(daily("WILD", 6, "101.00", "107.50", "101.00", "107.06"));
  bars.push_back(daily("MILD", 7, "104.10", "105.00", "103.50", "104.50"));
  bars.push_back(daily("WILD", 7, "107.10", "108.00", "106.50", "107.50"));
  FundamentalParams p;
  p.sigma_lookback = 5;
  Fundamental strategy(p);  // no candidate list
  StrategyRun run(strategy, bars);
  run.sim.run();

  // Stop 8 % of 104.03 = 8.3224 -> 8.33; 1,000 / 8.33 = 120 shares at day 7's open 104.10.
  ASSERT_EQ(run.recorder.fills.size(), 1u);
  EXPECT_EQ(run.recorder.fills[0].symbol, "MILD");
  EXPECT_EQ(run.recorder.fills[0].quantity, shares(120));
  EXPECT_EQ(run.recorder.fills[0].price, px("104.10"));
  EXPECT_EQ(run.recorder.fills[0].time, midnight(7));
  EXPECT_EQ(strategy.stats().signals, 1u);
}

TEST(Fundamental, ParamsParseAndReportTheKey) {
  auto p = parse_fundamental_params({{"sigma_lookback", "30"},
                                     {"sigma_lo", "2.5"},
                                     {"sigma_hi", "6"},
                                     {"stop_percent", "5"},
                                     {"target_percent", "15.5"},
                                     {"max_hold_days", "7"},
                                     {"max_positions", "3"},
                                     {"risk_fraction", "0.02"}});
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->sigma_lookback, 30);
  EXPECT_DOUBLE_EQ(p->sigma_lo, 2.5);
  EXPECT_DOUBLE_EQ(p->sigma_hi, 6.0);
  EXPECT_EQ(p->stop_percent, Percent::from_units(5));
  EXPECT_EQ(p->target_percent, Percent::parse("15.5").value());
  EXPECT_EQ(p->max_hold_days, 7);
  EXPECT_EQ(p->max_positions, 3);
  EXPECT_EQ(p->risk_fraction, Ratio::parse("0.02").value());

  const FundamentalParams d = parse_fundamental_params({}).value();
  EXPECT_EQ(d.sigma_lookback, 20);
  EXPECT_DOUBLE_EQ(d.sigma_lo, 2.0);
  EXPECT_DOUBLE_EQ(d.sigma_hi, 4.0);
  EXPECT_EQ(d.stop_percent, Percent::from_units(8));
  EXPECT_EQ(d.target_percent, Percent::from_units(20));
  EXPECT_EQ(d.max_hold_days, 10);
  EXPECT_EQ(d.max_positions, 5);

  auto message = [](const ParamMap& values) {
    auto r = parse_fundamental_params(values);
    return r.ok() ? std::string("(ok)") : r.error().message;
  };
  EXPECT_NE(message({{"max_postions", "3"}}).find("unknown parameter 'max_postions'"),
            std::string::npos);
  EXPECT_NE(message({{"sigma_lo", "two"}}).find("fundamental: parameter 'sigma_lo'"),
            std::string::npos);
  EXPECT_NE(message({{"stop_percent", "0"}}).find("'stop_percent'"), std::string::npos);
  EXPECT_NE(message({{"max_positions", "0"}}).find("'max_positions'"), std::string::npos);
  EXPECT_NE(message({{"sigma_lo", "5"}}).find("sigma_lo must not be above sigma_hi"),
            std::string::npos);
}

}  // namespace
}  // namespace ibtrade::strategies
