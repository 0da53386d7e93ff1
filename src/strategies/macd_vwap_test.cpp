// macd-vwap through the real engine on hand-made 1-minute bars. The 5-minute closes, their
// MACD(2,3,2) differences and the session VWAP are worked out in the comments; the fills are the
// default fill model's (market at the next 1-minute bar's open, stops at the stop price).
#include "strategies/macd_vwap.hpp"

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "engine/sim/latency_model.hpp"
#include "strategies/test_support.hpp"

namespace ibtrade::strategies {
namespace {

using namespace std::chrono_literals;
using engine::MarketBar;
using engine::OrderStatus;
using support::flat_bar;
using support::make_bar;
using support::money;
using support::px;
using support::shares;
using support::StrategyRun;
using support::utc;

// Five flat 1-minute bars per price: one 5-minute bucket each, from `start`.
std::vector<MarketBar> buckets(const engine::Symbol& symbol, Timestamp start,
                               std::initializer_list<const char*> prices) {
  std::vector<MarketBar> bars;
  Timestamp t = start;
  for (const char* p : prices) {
    for (int i = 0; i < 5; ++i) {
      bars.push_back(flat_bar(symbol, t, 1min, px(p)));
      t += 1min;
    }
  }
  return bars;
}

// Small MACD so that a few buckets make signals; stops by percent so the arithmetic is plain.
MacdVwapParams test_params() {
  MacdVwapParams p;
  p.fast = 2;
  p.slow = 3;
  p.signal = 2;
  p.stop_percent = Percent::from_units(1);
  p.max_position = shares(1'000'000);
  return p;
}

constexpr auto kDay = date::year{2024} / 1 / 2;

// 09:30-10:10 UTC (no calendar: the session is 09:30-16:00 UTC). 5-minute closes and what
// MACD(2,3,2) line - signal and the VWAP (flat bars: the mean of the closes so far) are at
// each bucket's end:
//   09:35 10.0 | 09:40 10.2 | 09:45 10.4 | 09:50 10.1 diff -0.0417 vwap 10.175
//   09:55 10.5 diff +0.0019 (cross up)   | 10:00 10.1 diff -0.0261 (cross down)
//   10:05 10.0 diff -0.0169              | 10:10 10.6 diff +0.0309 (cross up), vwap 10.2375
std::vector<MarketBar> long_morning() {
  return buckets("ACME", utc(kDay, 9h + 30min),
                 {"10.0", "10.2", "10.4", "10.1", "10.5", "10.1", "10.0", "10.6"});
}

TEST(MacdVwap, LongAfterTheNoEntryWindowThenTheStopFills) {
  std::vector<MarketBar> bars = long_morning();
  // 10:10 opens at 10.62 (the entry), 10:11 stays above the stop, 10:12 trades down through it.
  bars.push_back(
      make_bar("ACME", utc(kDay, 10h + 10min), 1min, "10.62", "10.70", "10.60", "10.65"));
  bars.push_back(flat_bar("ACME", utc(kDay, 10h + 11min), 1min, px("10.70")));
  bars.push_back(
      make_bar("ACME", utc(kDay, 10h + 12min), 1min, "10.60", "10.60", "10.50", "10.55"));

  MacdVwapParams p = test_params();
  p.no_entry_minutes = 35;  // entries from 10:05: the 09:55 and 10:00 crosses are too early
  MacdVwap strategy(p);
  StrategyRun run(strategy, bars);
  run.sim.run();

  // Decided at 10:10 on the close 10.60 > VWAP 10.2375: stop 1 % = 0.106 -> 0.11 (whole ticks,
  // rounded up); $500 at risk (0.5 % of 100,000) / 0.11 = 4545 shares. Filled at 10:10's open
  // 10.62, the exits move with it: stop 10.51, take-profit 10.62 + 2 x 0.11 = 10.84.
  const auto& fills = run.recorder.fills;
  ASSERT_EQ(fills.size(), 2u);
  EXPECT_EQ(fills[0].side, Side::kBuy);
  EXPECT_EQ(fills[0].quantity, shares(4545));
  EXPECT_EQ(fills[0].price, px("10.62"));
  EXPECT_EQ(fills[0].time, utc(kDay, 10h + 10min));
  EXPECT_EQ(fills[1].side, Side::kSell);
  EXPECT_EQ(fills[1].quantity, shares(4545));
  EXPECT_EQ(fills[1].price, px("10.51"));  // the stop; 10:12 opened above it
  EXPECT_EQ(fills[1].time, utc(kDay, 10h + 12min));

  const auto stops = run.orders_of_type(OrderType::kStop);
  const auto targets = run.orders_of_type(OrderType::kLimit);
  ASSERT_EQ(stops.size(), 1u);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(stops[0]->status, OrderStatus::kFilled);
  EXPECT_EQ(stops[0]->order.stop_price, px("10.51"));
  EXPECT_EQ(targets[0]->status, OrderStatus::kCancelled);  // one-cancels-the-other
  EXPECT_EQ(targets[0]->order.limit_price, px("10.84"));

  const MacdVwapStats stats = strategy.stats();
  EXPECT_EQ(stats.long_entries, 1u);
  EXPECT_EQ(stats.short_entries, 0u);
  EXPECT_EQ(stats.late_signals, 2u);  // 09:55 up, 10:00 down
  const engine::Ledger& ledger = run.sim.engine().ledger();
  EXPECT_EQ(ledger.realized_pnl(), money("-499.95"));  // 4545 x (10.51 - 10.62)
  EXPECT_TRUE(ledger.position("ACME")->quantity.is_zero());
  EXPECT_EQ(run.sim.engine().orders().open_order_count(), 0u);
  EXPECT_TRUE(run.sim.engine().errors().empty());
}

TEST(MacdVwap, StopByAtrIsSizedAndPlacedFromTheFiveMinuteAtr) {
  std::vector<MarketBar> bars = long_morning();
  bars.push_back(flat_bar("ACME", utc(kDay, 10h + 10min), 1min, px("10.62")));
  MacdVwapParams p = test_params();
  p.no_entry_minutes = 35;
  p.stop_percent = Percent{};
  p.atr_period = 2;  // stop_atr stays 2
  MacdVwap strategy(p);
  StrategyRun run(strategy, bars);
  run.sim.run();

  // Flat minute bars: each 5-minute true range is the jump between closes:
  // 0.2 0.2 0.3 0.4 0.4 0.1 0.6. Wilder ATR(2): 0.2, 0.25, 0.325, 0.3625, 0.23125, 0.415625.
  // 2 x 0.415625 = 0.83125 -> 0.84; $500 / 0.84 = 595 shares. Anchored at the fill 10.62:
  // stop 10.62 - 0.84 = 9.78, take-profit 10.62 + 1.68 = 12.30.
  ASSERT_EQ(run.recorder.fills.size(), 1u);
  EXPECT_EQ(run.recorder.fills[0].quantity, shares(595));
  const auto stops = run.orders_of_type(OrderType::kStop);
  const auto targets = run.orders_of_type(OrderType::kLimit);
  ASSERT_EQ(stops.size(), 1u);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(stops[0]->order.stop_price, px("9.78"));
  EXPECT_EQ(targets[0]->order.limit_price, px("12.30"));
  EXPECT_EQ(stops[0]->order.quantity, shares(595));
}

// The calendar's America/New_York from the system's tz database.
const TradingCalendar& calendar() {
  static const TradingCalendar instance{*date::locate_zone("America/New_York"),
                                        HolidayTable::us_equity()};
  return instance;
}

TEST(MacdVwap, ExitsOnTheOppositeCrossAndIsFlatBeforeTheCloseWithNoOrderLeft) {
  // Monday 2026-03-02, EST: 15:00 ET is 20:00 UTC, the close 16:00 ET is 21:00 UTC, flat from
  // 15:55 ET. 5-minute closes from 15:00 ET, with the MACD(2,3,2) crosses and the VWAP:
  //   15:05 10.0 | 15:10 10.2 | 15:15 10.4 | 15:20 10.1
  //   15:25 10.5  up   (vwap 10.24: long)      | 15:30 10.55 down (exit)
  //   15:35 10.65 down | 15:40 10.8 up (vwap 10.40: long) | 15:45 11.0 | 15:50 11.25
  //   15:55 11.55 (flatten) | 16:00 11.6
  const Timestamp start = utc(date::year{2026} / 3 / 2, 20h);
  const std::vector<MarketBar> bars = buckets("ACME", start,
                                              {"10.0", "10.2", "10.4", "10.1", "10.5", "10.55",
                                               "10.65", "10.8", "11.0", "11.25", "11.55", "11.6"});
  MacdVwapParams p = test_params();
  p.take_profit_r = Ratio::from_units(10);  // out of reach: the close ends the second trade
  MacdVwap strategy(p, &calendar());
  StrategyRun run(strategy, bars, {}, &calendar());
  run.sim.run();

  // 1) 15:25 close 10.50: stop 0.105 -> 0.11, 500 / 0.11 = 4545, filled at 15:25's open 10.55.
  // 2) The 15:30 cross down: exits cancelled, then sold at 15:30's open 10.65 (+454.50).
  // 3) 15:40 close 10.80: equity 100,454.50 x 0.5 % = 502.2725 / 0.11 = 4566, bought at 11.00.
  // 4) 15:55: exits cancelled, sold at 15:55's open 11.60 (+2,739.60).
  const auto& fills = run.recorder.fills;
  ASSERT_EQ(fills.size(), 4u);
  const Side sides[] = {Side::kBuy, Side::kSell, Side::kBuy, Side::kSell};
  const std::int64_t quantities[] = {4545, 4545, 4566, 4566};
  const char* prices[] = {"10.55", "10.65", "11.00", "11.60"};
  const Timestamp times[] = {start + 25min, start + 30min, start + 40min, start + 55min};
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE("fill " + std::to_string(i));
    EXPECT_EQ(fills[i].side, sides[i]);
    EXPECT_EQ(fills[i].quantity, shares(quantities[i]));
    EXPECT_EQ(fills[i].price, px(prices[i]));
    EXPECT_EQ(fills[i].time, times[i]);
  }
  const MacdVwapStats stats = strategy.stats();
  EXPECT_EQ(stats.long_entries, 2u);
  EXPECT_EQ(stats.exits_on_cross, 1u);
  EXPECT_EQ(stats.flattens, 1u);
  // Both brackets' exits were cancelled, not left working.
  const auto stops = run.orders_of_type(OrderType::kStop);
  const auto targets = run.orders_of_type(OrderType::kLimit);
  ASSERT_EQ(stops.size(), 2u);
  ASSERT_EQ(targets.size(), 2u);
  for (const auto* order : {stops[0], stops[1], targets[0], targets[1]}) {
    EXPECT_EQ(order->status, OrderStatus::kCancelled) << order->order.client_order_id.value();
  }
  const engine::Ledger& ledger = run.sim.engine().ledger();
  EXPECT_TRUE(ledger.position("ACME")->quantity.is_zero());
  EXPECT_EQ(ledger.realized_pnl(), money("3194.10"));
  EXPECT_EQ(run.sim.engine().orders().open_order_count(), 0u);
  EXPECT_TRUE(run.sim.engine().errors().empty());
}

TEST(MacdVwap, AStopThatFillsWhileTheExitIsCancellingIsNotClosedTwice) {
  // As above, with 30 s from the engine to the venue: the cancels sent on the 15:30 cross
  // down arrive at 15:30:30, after the 15:30 bar has traded through the stop. Closing at market
  // together with the cancels would sell a second time (and end short); waiting for the
  // exits to finish finds the position already flat.
  const Timestamp start = utc(date::year{2026} / 3 / 2, 20h);
  std::vector<MarketBar> bars = buckets("ACME", start,
                                        {"10.0", "10.2", "10.4", "10.1", "10.5", "10.55", "10.65",
                                         "10.8", "11.0", "11.25", "11.55", "11.6"});
  bars[30] = make_bar("ACME", start + 30min, 1min, "10.65", "10.65", "10.40", "10.65");
  MacdVwapParams p = test_params();
  p.take_profit_r = Ratio::from_units(10);
  MacdVwap strategy(p, &calendar());
  StrategyRun run(strategy, bars, {}, &calendar(),
                  std::make_unique<engine::FixedLatency>(30s, Nanoseconds::zero()));
  run.sim.run();

  // Entries arrive 30 s into a bar, so they fill at the next minute's open.
  // 1) bought 4545 at 15:26's open 10.55; stop 10.44.
  // 2) the stop fills in the 15:30 bar (low 10.40) at 10.44: -499.95.
  // 3) 15:40 close 10.80: 99,500.05 x 0.5 % / 0.11 = 4522 shares at 15:41's open 11.00.
  // 4) flat: the cancels are confirmed at 15:55:30, the sale arrives at 15:56:00 and fills at
  //    that bar's open 11.60 (+2,713.20).
  const auto& fills = run.recorder.fills;
  ASSERT_EQ(fills.size(), 4u);
  EXPECT_EQ(fills[1].side, Side::kSell);
  EXPECT_EQ(fills[1].price, px("10.44"));
  EXPECT_EQ(fills[1].time, start + 30min);
  EXPECT_EQ(fills[2].side, Side::kBuy);
  EXPECT_EQ(fills[2].quantity, shares(4522));
  EXPECT_EQ(fills[2].time, start + 41min);
  EXPECT_EQ(fills[3].side, Side::kSell);
  EXPECT_EQ(fills[3].price, px("11.60"));
  EXPECT_EQ(fills[3].time, start + 56min);
  for (const Quantity& position : run.recorder.positions_after_fill) {
    EXPECT_FALSE(position.is_negative());
  }
  const engine::Ledger& ledger = run.sim.engine().ledger();
  EXPECT_TRUE(ledger.position("ACME")->quantity.is_zero());
  EXPECT_EQ(ledger.realized_pnl(), money("2213.25"));
  EXPECT_EQ(strategy.stats().exits_on_cross, 1u);
  EXPECT_EQ(run.sim.engine().orders().open_order_count(), 0u);
  for (const auto& e : run.sim.engine().errors())
    ADD_FAILURE() << e.what;
}

// The mirror of long_morning (20 - price): crosses down at 09:55 and 10:10, up at 10:00; at
// 10:10 the close 9.40 is below the VWAP 9.7625.
std::vector<MarketBar> short_morning() {
  std::vector<MarketBar> bars = buckets("ACME", utc(kDay, 9h + 30min),
                                        {"10.0", "9.8", "9.6", "9.9", "9.5", "9.9", "10.0", "9.4"});
  bars.push_back(flat_bar("ACME", utc(kDay, 10h + 10min), 1min, px("9.40")));
  return bars;
}

TEST(MacdVwap, ShortsOnACrossDownBelowTheVwap) {
  MacdVwapParams p = test_params();
  p.no_entry_minutes = 35;
  MacdVwap strategy(p);
  StrategyRun run(strategy, short_morning());
  run.sim.run();
  // Stop 1 % of 9.40 = 0.094 -> 0.10: 5000 shares sold short at 10:10's open; the buy stop
  // sits at 9.50 and the take-profit at 9.20.
  ASSERT_EQ(run.recorder.fills.size(), 1u);
  EXPECT_EQ(run.recorder.fills[0].side, Side::kSell);
  EXPECT_EQ(run.recorder.fills[0].quantity, shares(5000));
  EXPECT_EQ(run.recorder.fills[0].price, px("9.40"));
  EXPECT_EQ(run.sim.engine().ledger().position("ACME")->quantity, -shares(5000));
  const auto stops = run.orders_of_type(OrderType::kStop);
  ASSERT_EQ(stops.size(), 1u);
  EXPECT_EQ(stops[0]->order.side, Side::kBuy);
  EXPECT_EQ(stops[0]->order.stop_price, px("9.50"));
  EXPECT_EQ(strategy.stats().short_entries, 1u);
}

TEST(MacdVwap, ShortsForbiddenByRiskAreSkippedAndCounted) {
  engine::SimulationConfig config;
  config.engine.risk.allow_short_selling = false;
  MacdVwapParams p = test_params();
  p.no_entry_minutes = 35;
  MacdVwap strategy(p);
  StrategyRun run(strategy, short_morning(), config);
  run.sim.run();
  EXPECT_TRUE(run.recorder.fills.empty());
  EXPECT_EQ(strategy.stats().shorts_skipped, 1u);
  EXPECT_EQ(strategy.stats().short_entries, 0u);
  EXPECT_EQ(strategy.stats().entries_denied, 0u);
  EXPECT_EQ(run.sim.engine().orders().open_order_count(), 0u);
}

TEST(MacdVwap, ShortsOffByParameterSendNothing) {
  MacdVwapParams p = test_params();
  p.no_entry_minutes = 35;
  p.allow_short = false;
  MacdVwap strategy(p);
  StrategyRun run(strategy, short_morning());
  run.sim.run();
  EXPECT_TRUE(run.recorder.order_ids.empty());
  EXPECT_EQ(strategy.stats().shorts_skipped, 1u);
}

TEST(MacdVwap, ParamsParseAndReportTheKey) {
  auto p = parse_macd_vwap_params({{"bar_minutes", "15"},
                                   {"stop_percent", "1.5"},
                                   {"take_profit_r", "3"},
                                   {"risk_fraction", "0.01"},
                                   {"max_position", "500"},
                                   {"session_open", "14:30"},
                                   {"session_close", "21:00"},
                                   {"allow_short", "false"},
                                   {"minutes_before_close", "10"}});
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->bar_minutes, 15);
  EXPECT_EQ(p->stop_percent, Percent::parse("1.5").value());
  EXPECT_EQ(p->take_profit_r, Ratio::from_units(3));
  EXPECT_EQ(p->risk_fraction, Ratio::parse("0.01").value());
  EXPECT_EQ(p->max_position, shares(500));
  EXPECT_EQ(p->session_open, 14h + 30min);
  EXPECT_EQ(p->session_close, 21h);
  EXPECT_FALSE(p->allow_short);
  EXPECT_EQ(p->minutes_before_close, 10);

  const MacdVwapParams d = parse_macd_vwap_params({}).value();
  EXPECT_EQ(d.bar_minutes, 5);
  EXPECT_EQ(d.fast, 12);
  EXPECT_EQ(d.slow, 26);
  EXPECT_EQ(d.signal, 9);
  EXPECT_EQ(d.stop_atr, Ratio::from_units(2));
  EXPECT_TRUE(d.stop_percent.is_zero());
  EXPECT_EQ(d.take_profit_r, Ratio::from_units(2));
  EXPECT_EQ(d.risk_fraction, Ratio::parse("0.005").value());
  EXPECT_EQ(d.no_entry_minutes, 15);
  EXPECT_EQ(d.minutes_before_close, 5);
  EXPECT_TRUE(d.allow_short);

  auto message = [](const ParamMap& values) {
    auto r = parse_macd_vwap_params(values);
    return r.ok() ? std::string("(ok)") : r.error().message;
  };
  EXPECT_NE(message({{"stop_pct", "1"}}).find("unknown parameter 'stop_pct'"), std::string::npos);
  EXPECT_NE(message({{"session_open", "9:30"}}).find("'session_open'"), std::string::npos);
  EXPECT_NE(message({{"risk_fraction", "-0.1"}}).find("'risk_fraction'"), std::string::npos);
  EXPECT_NE(message({{"allow_short", "maybe"}}).find("'allow_short'"), std::string::npos);
  EXPECT_NE(message({{"bar_minutes", "0"}}).find("'bar_minutes'"), std::string::npos);
  EXPECT_NE(message({{"stop_atr", "0"}}).find("a stop is needed"), std::string::npos);
  EXPECT_NE(message({{"session_open", "16:00"}}).find("session_open must be before"),
            std::string::npos);
}

}  // namespace
}  // namespace ibtrade::strategies
