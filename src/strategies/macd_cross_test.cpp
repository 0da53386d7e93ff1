// macd-cross through the real engine: crosses found by an independent MACD recomputation, and
// the fills they must produce at the next bar's open.
#include "strategies/macd_cross.hpp"

#include <cmath>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "strategies/test_support.hpp"

namespace ibtrade::strategies {
namespace {

using namespace std::chrono_literals;
using support::money;
using support::px;
using support::shares;
using support::StrategyRun;

// TA-Lib-seeded EMA written out plainly: the mean of the first n inputs, then
// v += (x - v) * 2 / (n + 1). Positions before the first value are nullopt.
std::vector<std::optional<double>> ema(const std::vector<std::optional<double>>& xs, int n) {
  std::vector<std::optional<double>> out(xs.size());
  const double k = 2.0 / (n + 1);
  int count = 0;
  double sum = 0.0;
  double v = 0.0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (!xs[i]) continue;
    if (count < n) {
      sum += *xs[i];
      if (++count == n) {
        v = sum / n;
        out[i] = v;
      }
      continue;
    }
    v = (*xs[i] - v) * k + v;
    out[i] = v;
  }
  return out;
}

struct Cross {
  std::size_t bar;
  bool up;
  friend bool operator==(const Cross&, const Cross&) = default;
};

// MACD line - signal with TA-Lib's alignment (the fast EMA skips the first slow - fast closes,
// so both EMAs start at bar slow - 1), and the bars where it changes sign as the strategy
// defines a cross.
std::vector<Cross> reference_crosses(const std::vector<double>& closes, int fast, int slow,
                                     int signal) {
  std::vector<std::optional<double>> all(closes.begin(), closes.end());
  std::vector<std::optional<double>> late = all;
  for (int i = 0; i < slow - fast; ++i)
    late[static_cast<std::size_t>(i)].reset();
  const auto fast_ema = ema(late, fast);
  const auto slow_ema = ema(all, slow);
  std::vector<std::optional<double>> line(closes.size());
  for (std::size_t i = 0; i < closes.size(); ++i) {
    if (fast_ema[i] && slow_ema[i]) line[i] = *fast_ema[i] - *slow_ema[i];
  }
  const auto signal_ema = ema(line, signal);
  std::vector<Cross> crosses;
  std::optional<double> previous;
  for (std::size_t i = 0; i < closes.size(); ++i) {
    if (!signal_ema[i]) continue;
    const double d = *line[i] - *signal_ema[i];
    // A difference this close to zero would make the expected side depend on rounding.
    EXPECT_GT(std::abs(d), 1e-9) << "ill-posed test series at bar " << i;
    if (previous && *previous <= 0 && d > 0) crosses.push_back({i, true});
    if (previous && *previous >= 0 && d < 0) crosses.push_back({i, false});
    previous = d;
  }
  return crosses;
}

// Daily bars from midnight UTC, each opening at the previous close; high/low 0.10 outside.
std::vector<engine::MarketBar> daily_bars(const engine::Symbol& symbol,
                                          const std::vector<double>& closes) {
  std::vector<engine::MarketBar> bars;
  Timestamp t = Timestamp{date::sys_days{date::year{2024} / 1 / 1}};
  double open = closes.front();
  for (double close : closes) {
    const Price o = Price::from_double(open, 2).value();
    const Price c = Price::from_double(close, 2).value();
    const Price h = std::max(o, c) + px("0.10");
    const Price l = std::min(o, c) - px("0.10");
    bars.push_back(engine::MarketBar{symbol, Bar{t, o, h, l, c, shares(100'000)}, 24h});
    t += 24h;
    open = close;
  }
  return bars;
}

// 20.0 rising by 0.50 for six bars, falling for six, and again.
std::vector<double> zigzag(std::size_t n) {
  std::vector<double> closes;
  double p = 20.0;
  for (std::size_t i = 0; i < n; ++i) {
    closes.push_back(p);
    p += (i % 12) < 6 ? 0.5 : -0.5;
  }
  return closes;
}

MacdCrossParams small_params() {
  MacdCrossParams p;
  p.fast = 3;
  p.slow = 6;
  p.signal = 3;
  p.size = shares(10);
  return p;
}

// Fills expected from the crosses: each at the open (the previous close) of the bar after it;
// the first for size, then 2 x size to reverse.
void expect_fills_follow_crosses(const StrategyRun& run, const std::vector<Cross>& crosses,
                                 const std::vector<engine::MarketBar>& bars, Quantity size) {
  std::vector<Cross> filled;  // crosses with a bar after them
  for (const Cross& c : crosses) {
    if (c.bar + 1 < bars.size()) filled.push_back(c);
  }
  const auto& fills = run.recorder.fills;
  ASSERT_EQ(fills.size(), filled.size());
  for (std::size_t i = 0; i < filled.size(); ++i) {
    SCOPED_TRACE("fill " + std::to_string(i) + " for the cross at bar " +
                 std::to_string(filled[i].bar));
    const Bar& next = bars[filled[i].bar + 1].bar;
    EXPECT_EQ(fills[i].time, next.time);
    EXPECT_EQ(fills[i].price, next.open);
    EXPECT_EQ(fills[i].side, filled[i].up ? Side::kBuy : Side::kSell);
    EXPECT_EQ(fills[i].quantity, i == 0 ? size : size * 2);
    EXPECT_EQ(run.recorder.positions_after_fill[i], filled[i].up ? size : -size);
  }
}

TEST(MacdCross, ZigzagCrossesGiveAlternatingFillsAtTheNextOpen) {
  const std::vector<double> closes = zigzag(40);
  const auto crosses = reference_crosses(closes, 3, 6, 3);
  // Worked out once by hand from the series; the recomputation must agree.
  ASSERT_EQ(crosses,
            (std::vector<Cross>{{14, true}, {19, false}, {25, true}, {31, false}, {37, true}}));
  MacdCross strategy(small_params());
  const auto bars = daily_bars("ACME", closes);
  StrategyRun run(strategy, bars);
  run.sim.run();

  expect_fills_follow_crosses(run, crosses, bars, shares(10));
  EXPECT_EQ(strategy.crosses(), 5u);
  EXPECT_EQ(strategy.orders_sent(), 5u);
  EXPECT_EQ(strategy.orders_denied(), 0u);
  EXPECT_EQ(strategy.target(), shares(10));
  const engine::Ledger& ledger = run.sim.engine().ledger();
  EXPECT_EQ(ledger.position("ACME")->quantity, shares(10));
  // Buy 10 @ 21.00; sell 20 @ 22.50 (+15); buy 20 @ 20.50 (+20); sell 20 @ 22.50 (+20);
  // buy 20 @ 20.50 (+20).
  EXPECT_EQ(ledger.realized_pnl(), money("75"));
  EXPECT_EQ(ledger.closed_trades().size(), 4u);
  EXPECT_TRUE(run.sim.engine().errors().empty());
}

TEST(MacdCross, DefaultParamsFollowTheReferenceOnAWave) {
  // Three slightly different waves so that the crosses do not repeat exactly.
  std::vector<double> closes;
  for (int i = 0; i < 300; ++i) {
    const double x = i;
    closes.push_back(std::round((50.0 + 4.0 * std::sin(x / 9.0) + 1.5 * std::sin(x / 3.7)) * 100) /
                     100);
  }
  const auto crosses = reference_crosses(closes, 12, 26, 9);
  ASSERT_GE(crosses.size(), 6u);
  MacdCross strategy;  // 12/26/9, 100 shares
  const auto bars = daily_bars("ACME", closes);
  StrategyRun run(strategy, bars);
  run.sim.run();
  expect_fills_follow_crosses(run, crosses, bars, shares(100));
  EXPECT_TRUE(run.sim.engine().errors().empty());
}

// The other symbol falls while `ours` zigzags: its bars must not reach the MACD. Pairs of one
// size that differ in one byte only (first, middle, last), and sizes the strategy compares
// byte by byte rather than as words (1-2, over 7).
void expect_trades_only(const engine::Symbol& ours, const engine::Symbol& other_symbol) {
  SCOPED_TRACE(ours + " among " + other_symbol);
  const std::vector<double> closes = zigzag(40);
  auto bars = daily_bars(ours, closes);
  std::vector<engine::MarketBar> mixed;
  for (const auto& b : bars) {
    engine::MarketBar other = b;
    other.symbol = other_symbol;
    other.bar.close = other.bar.open - px("0.05");
    other.bar.low = other.bar.close - px("0.10");
    mixed.push_back(other);  // first at each instant: the strategy must not lock onto it
    mixed.push_back(b);
  }
  MacdCrossParams p = small_params();
  p.symbol = ours;
  MacdCross strategy(p);
  StrategyRun run(strategy, mixed);
  run.sim.run();
  expect_fills_follow_crosses(run, reference_crosses(closes, 3, 6, 3), bars, shares(10));
  EXPECT_EQ(run.sim.engine().ledger().position(other_symbol), nullptr);
}

TEST(MacdCross, TradesOnlyItsSymbol) {
  expect_trades_only("ACME", "ZZZ");
  expect_trades_only("ACME", "BCME");
  expect_trades_only("ACME", "ACNE");
  expect_trades_only("ACME", "ACMF");
  expect_trades_only("IDX", "IDY");
  expect_trades_only("BRK.B", "BRK.A");
  expect_trades_only("GOOGLE1", "GOOGLE2");
  expect_trades_only("F", "G");
  expect_trades_only("LONGSYMBOL", "LONGSYMBOM");
}

TEST(MacdCross, ADeniedReversalIsCountedAndTheNextCrossStartsFromThePosition) {
  engine::SimulationConfig config;
  config.engine.risk.allow_short_selling = false;
  MacdCross strategy(small_params());
  const auto bars = daily_bars("ACME", zigzag(40));
  StrategyRun run(strategy, bars, config);
  run.sim.run();
  // Up at 14: buy 10. Down at 19 and 31: sell 20 would go short, denied. Up at 25 and 37: the
  // position is already +10, nothing to send.
  ASSERT_EQ(run.recorder.fills.size(), 1u);
  EXPECT_EQ(run.recorder.fills[0].side, Side::kBuy);
  EXPECT_EQ(run.recorder.fills[0].quantity, shares(10));
  EXPECT_EQ(strategy.crosses(), 5u);
  EXPECT_EQ(strategy.orders_sent(), 3u);
  EXPECT_EQ(strategy.orders_denied(), 2u);
  EXPECT_EQ(run.sim.engine().ledger().position("ACME")->quantity, shares(10));
}

TEST(MacdCross, WorksOnMinuteBarsToo) {
  // The same series as 1-minute bars within one day: DAY would do there, GTC must too.
  const std::vector<double> closes = zigzag(40);
  auto bars = daily_bars("ACME", closes);
  Timestamp t = Timestamp{date::sys_days{date::year{2024} / 1 / 2}} + 14h + 30min;
  for (auto& b : bars) {
    b.bar.time = t;
    b.duration = 1min;
    t += 1min;
  }
  MacdCross strategy(small_params());
  StrategyRun run(strategy, bars);
  run.sim.run();
  expect_fills_follow_crosses(run, reference_crosses(closes, 3, 6, 3), bars, shares(10));
}

TEST(MacdCross, ParamsParseAndReportTheKey) {
  auto p = parse_macd_cross_params(
      {{"fast", "5"}, {"slow", "35"}, {"signal", "5"}, {"size", "250"}, {"symbol", "ORCL"}});
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->fast, 5);
  EXPECT_EQ(p->slow, 35);
  EXPECT_EQ(p->signal, 5);
  EXPECT_EQ(p->size, shares(250));
  EXPECT_EQ(p->symbol, "ORCL");

  auto defaults = parse_macd_cross_params({});
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->fast, 12);
  EXPECT_EQ(defaults->slow, 26);
  EXPECT_EQ(defaults->signal, 9);
  EXPECT_EQ(defaults->size, shares(100));

  auto unknown = parse_macd_cross_params({{"fsat", "5"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown parameter 'fsat'"), std::string::npos)
      << unknown.error().message;
  EXPECT_NE(unknown.error().message.find("fast"), std::string::npos);

  auto bad = parse_macd_cross_params({{"fast", "twelve"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("'fast'"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("'twelve'"), std::string::npos);

  auto fractional = parse_macd_cross_params({{"size", "10.5"}});
  ASSERT_FALSE(fractional.ok());
  EXPECT_NE(fractional.error().message.find("'size'"), std::string::npos);

  auto order = parse_macd_cross_params({{"fast", "30"}});
  ASSERT_FALSE(order.ok());
  EXPECT_NE(order.error().message.find("fast (30) must be less than slow (26)"), std::string::npos)
      << order.error().message;

  EXPECT_THROW(MacdCross(MacdCrossParams{26, 12, 9, shares(1), ""}), std::invalid_argument);
}

}  // namespace
}  // namespace ibtrade::strategies
