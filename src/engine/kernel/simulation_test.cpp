// The whole engine through the simulated venue: strategy -> order manager -> risk -> venue ->
// fills -> ledger, on hand-made bars.
#include "engine/kernel/simulation.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "core/calendar/us_equity_holidays.hpp"
#include "engine/fees/ibkr_fixed.hpp"
#include "engine/fees/no_commission.hpp"
#include "engine/kernel/bar_feed_test_support.hpp"
#include "engine/kernel/merged_bar_feed.hpp"

namespace ibtrade::engine {
namespace {

using namespace std::chrono_literals;

Price px(std::string_view text) {
  return Price::parse(text).value();
}
Money money(std::string_view text) {
  return Money::parse(text).value();
}

// 1-minute bars starting 2026-03-02 14:30 UTC (09:30 EST), open/high/low/close given.
std::vector<MarketBar> bars(const Symbol& symbol,
                            std::initializer_list<std::array<const char*, 4>> ohlc) {
  std::vector<MarketBar> out;
  Timestamp t = Timestamp{date::sys_days{date::year{2026} / 3 / 2} + 14h + 30min};
  for (const auto& [o, h, l, c] : ohlc) {
    out.push_back(
        MarketBar{symbol, Bar{t, px(o), px(h), px(l), px(c), Quantity::from_units(10'000)}, 1min});
    t += 1min;
  }
  return out;
}

// Four ACME bars drifting up: buy on bar 1 fills at 10.25, sell on bar 3 fills at 10.75.
std::vector<MarketBar> rising_bars() {
  return bars("ACME", {{"10.00", "10.50", "9.90", "10.20"},
                       {"10.25", "10.60", "10.10", "10.40"},
                       {"10.45", "10.80", "10.30", "10.70"},
                       {"10.75", "10.90", "10.60", "10.65"}});
}

// `series` plus one more 1-minute bar after its last.
std::vector<MarketBar> with_bar(std::vector<MarketBar> series, std::array<const char*, 4> ohlc) {
  MarketBar next = series.back();
  next.bar = Bar{next.bar.time + next.duration,
                 px(ohlc[0]),
                 px(ohlc[1]),
                 px(ohlc[2]),
                 px(ohlc[3]),
                 next.bar.volume};
  series.push_back(next);
  return series;
}

// One strategy over in-memory bars. Trading hours are not checked: the bars are synthetic.
struct TestRun {
  TestRun(Strategy& strategy, std::vector<MarketBar> data, CommissionModel& commission,
          SimulationConfig config = {})
      : feed(std::move(data)), sim(without_hours(std::move(config)), commission) {
    sim.add_strategy(StrategyId{"s"}, strategy);
    sim.add_feed(feed);
  }
  static SimulationConfig without_hours(SimulationConfig config) { return config; }
  VectorBarFeed feed;
  Simulation sim;
};

// Buys on the first bar, sells everything on the third; records what it saw.
class BuyThenSell final : public Strategy {
 public:
  void on_bar(StrategyContext& ctx, const Symbol& symbol, const Bar& /*bar*/) override {
    ++bars_seen;
    if (bars_seen == 1) entry = ctx.market(symbol, Side::kBuy, Quantity::from_units(100));
    if (bars_seen == 3) exit = ctx.market(symbol, Side::kSell, Quantity::from_units(100));
    positions.push_back(ctx.position(symbol));
  }
  void on_fill(StrategyContext& /*ctx*/, const Fill& fill) override { fills.push_back(fill); }
  void on_order_update(StrategyContext& /*ctx*/, const OrderUpdate& update) override {
    updates.push_back(update);
  }

  int bars_seen = 0;
  SubmitResult entry;
  SubmitResult exit;
  std::vector<Quantity> positions;
  std::vector<Fill> fills;
  std::vector<OrderUpdate> updates;
};

TEST(Simulation, MarketOrdersFillAtTheNextBarsOpenAndTheLedgerBooksThem) {
  NoCommission commission;
  SimulationConfig config;
  config.engine.starting_cash = money("100000");
  BuyThenSell strategy;
  TestRun run(strategy, with_bar(rising_bars(), {"10.60", "10.70", "10.50", "10.55"}), commission,
              config);
  Simulation& sim = run.sim;
  sim.run();

  ASSERT_TRUE(strategy.entry.accepted()) << strategy.entry.decision.text;
  ASSERT_EQ(strategy.fills.size(), 2u);
  EXPECT_EQ(strategy.fills[0].price, px("10.25"));  // bar 2's open
  EXPECT_EQ(strategy.fills[0].side, Side::kBuy);
  EXPECT_EQ(strategy.fills[1].price, px("10.75"));  // bar 4's open
  EXPECT_EQ(strategy.positions,
            (std::vector<Quantity>{Quantity{}, Quantity::from_units(100), Quantity::from_units(100),
                                   Quantity{}, Quantity{}}));
  const Ledger& ledger = sim.engine().ledger();
  // 100 x (10.75 - 10.25) = 50.00
  EXPECT_EQ(ledger.realized_pnl(), money("50"));
  EXPECT_EQ(ledger.cash(), money("100050"));
  EXPECT_EQ(ledger.equity(), money("100050"));
  ASSERT_EQ(ledger.closed_trades().size(), 1u);
  EXPECT_EQ(sim.bars_processed(), 5u);
  EXPECT_TRUE(sim.engine().errors().empty());
  // The entry went PendingSubmit -> Submitted -> Filled as the strategy saw it.
  std::vector<OrderStatus> entry_statuses;
  for (const auto& u : strategy.updates) {
    if (u.client_order_id == strategy.entry.client_order_id) entry_statuses.push_back(u.status);
  }
  ASSERT_FALSE(entry_statuses.empty());
  EXPECT_EQ(entry_statuses.back(), OrderStatus::kFilled);
}

// Daily bars, no calendar: an order sent on a day's bar is sent after that session's data
// ended, so the session close that follows must not expire it; it fills at the next open.
// The simulation checks each bar once, as it hands it to the venue, and refuses a bad one with
// the venue's words, after the bars before it were handled.
TEST(Simulation, ABadBarIsRefusedWithTheVenuesMessage) {
  BuyThenSell strategy;
  NoCommission commission;
  TestRun run(strategy, with_bar(rising_bars(), {"10.70", "10.60", "10.65", "10.62"}), commission);
  try {
    run.sim.run();
    ADD_FAILURE() << "a bad bar was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind("bad bar for ACME: ", 0), 0u) << e.what();
  }
  EXPECT_EQ(strategy.bars_seen, 4);
}

TEST(Simulation, OrdersOnADailyBarLiveIntoTheNextSession) {
  NoCommission commission;
  BuyThenSell strategy;
  std::vector<MarketBar> daily = rising_bars();
  for (std::size_t i = 0; i < daily.size(); ++i) {
    daily[i].bar.time =
        Timestamp{date::sys_days{date::year{2026} / 3 / 2} + date::days{static_cast<int>(i)}};
    daily[i].duration = 24h;
  }
  TestRun run(strategy, daily, commission);
  run.sim.run();
  ASSERT_EQ(strategy.fills.size(), 2u);
  EXPECT_EQ(strategy.fills[0].price, px("10.25"));  // day 2's open
  EXPECT_EQ(strategy.fills[1].price, px("10.75"));  // day 4's open
  EXPECT_TRUE(run.sim.engine().errors().empty());
}

TEST(Simulation, CloseFillModeFillsAtTheSignalBarsClose) {
  NoCommission commission;
  BuyThenSell strategy;
  SimulationConfig config;
  config.bar_fill = BarFill::kClose;
  TestRun run(strategy, rising_bars(), commission, config);
  run.sim.run();
  ASSERT_EQ(strategy.fills.size(), 2u);
  EXPECT_EQ(strategy.fills[0].price, px("10.20"));  // bar 1's close
  EXPECT_EQ(strategy.fills[1].price, px("10.70"));  // bar 3's close
  EXPECT_EQ(run.sim.engine().ledger().realized_pnl(), money("50"));
  // The position is there when the next bar completes.
  EXPECT_EQ(strategy.positions[1], Quantity::from_units(100));
}

TEST(Simulation, CommissionsArriveSeparatelyAndReachTheLedger) {
  IbkrFixedCommission commission;
  BuyThenSell strategy;
  TestRun run(strategy, rising_bars(), commission);
  Simulation& sim = run.sim;
  sim.run();
  // 100 shares x $0.005 = $0.50, below the $1.00 minimum: $1.00 per side. The sale also pays
  // the pass-through transaction fees: FINRA TAF 100 x $0.000166 = 0.0166 and the SEC fee
  // $1075 x 27.80 / 1e6 = 0.029885; 1.046485 rounds to 1.05.
  EXPECT_EQ(sim.engine().ledger().commissions(), money("2.05"));
  EXPECT_EQ(sim.engine().ledger().cash(), money("100047.95"));
  EXPECT_TRUE(sim.engine().errors().empty());
}

TEST(Simulation, PartialFillsPayTheOrderMinimumOnce) {
  IbkrFixedCommission commission;
  SimulationConfig config;
  config.venue.max_volume_share = Percent::from_units(10);  // 10 % of 500 shares: 50 a bar
  BuyThenSell strategy;                                     // buys 100 on bar 1, sells 100 on bar 3
  std::vector<MarketBar> thin = bars("ACME", {{"10.00", "10.10", "9.90", "10.00"},
                                              {"10.00", "10.10", "9.90", "10.00"},
                                              {"10.00", "10.10", "9.90", "10.00"},
                                              {"10.00", "10.10", "9.90", "10.00"},
                                              {"10.00", "10.10", "9.90", "10.00"},
                                              {"10.00", "10.10", "9.90", "10.00"}});
  for (auto& b : thin)
    b.bar.volume = Quantity::from_units(500);
  TestRun run(strategy, thin, commission, config);
  Simulation& sim = run.sim;
  sim.run();
  std::size_t buy_fills = 0;
  for (const Fill& f : strategy.fills)
    buy_fills += f.side == Side::kBuy ? 1 : 0;
  EXPECT_EQ(buy_fills, 2u);  // 50 + 50
  // Buy: 100 x $0.005 = $0.50 -> the $1.00 minimum, once for the order (not once per fill).
  // Sell: the same $1.00 plus TAF 100 x 0.000166 = 0.0166 and SEC $1000 x 27.80/1e6 = 0.0278,
  // the order's total 1.0444 rounded once to 1.04, split over its two fills as 1.02 + 0.02.
  EXPECT_EQ(sim.engine().ledger().commissions(), money("2.04"));
}

// Submits a bracket on the first bar; later bars hit the take-profit.
class Bracketeer final : public Strategy {
 public:
  void on_bar(StrategyContext& ctx, const Symbol& symbol, const Bar& /*bar*/) override {
    if (!sent) {
      sent = true;
      Order entry = ctx.new_order(symbol, Side::kBuy, OrderType::kMarket, Quantity::from_units(50));
      ids = ctx.submit_bracket(entry, px("11.00"), px("9.50"));
    }
  }
  bool sent = false;
  BracketIds ids;
};

TEST(Simulation, BracketExitsGoLiveAfterTheEntryAndCancelEachOther) {
  NoCommission commission;
  Bracketeer strategy;
  TestRun run(strategy,
              bars("ACME", {{"10.00", "10.10", "9.90", "10.00"},
                            {"10.00", "10.20", "9.95", "10.10"},
                            {"10.10", "11.20", "10.05", "11.10"},
                            {"11.10", "11.20", "11.00", "11.05"}}),
              commission);
  Simulation& sim = run.sim;
  sim.run();
  const OrderManager& orders = sim.engine().orders();
  const ManagedOrder* tp = orders.find(strategy.ids.take_profit);
  const ManagedOrder* sl = orders.find(strategy.ids.stop_loss);
  ASSERT_NE(tp, nullptr);
  ASSERT_NE(sl, nullptr);
  EXPECT_EQ(tp->status, OrderStatus::kFilled);
  EXPECT_EQ(tp->average_fill_price(), px("11.00"));
  EXPECT_EQ(sl->status, OrderStatus::kCancelled);
  // Entry at 10.00 (bar 2 open), exit at the 11.00 limit: 50 x 1.00.
  EXPECT_EQ(sim.engine().ledger().realized_pnl(), money("50"));
  EXPECT_TRUE(sim.engine().errors().empty());
}

// Keeps a resting limit order far from the market, then trips the kill switch.
class Rester final : public Strategy {
 public:
  void on_bar(StrategyContext& ctx, const Symbol& symbol, const Bar& /*bar*/) override {
    ++bars_seen;
    if (bars_seen == 1) first = ctx.limit(symbol, Side::kBuy, Quantity::from_units(10), px("5"));
    if (bars_seen == 3) second = ctx.limit(symbol, Side::kBuy, Quantity::from_units(10), px("5"));
  }
  int bars_seen = 0;
  SubmitResult first;
  SubmitResult second;
};

TEST(Simulation, KillSwitchCancelsOpenOrdersAndDeniesNewOnes) {
  NoCommission commission;
  Rester strategy;
  TestRun run(strategy,
              bars("ACME", {{"10.00", "10.10", "9.90", "10.00"},
                            {"10.00", "10.20", "9.95", "10.10"},
                            {"10.10", "10.20", "10.05", "10.10"}}),
              commission);
  Simulation& sim = run.sim;
  // Through the second bar (completes at 09:32 EST = 14:32 UTC), then halt.
  sim.run_until(Timestamp{date::sys_days{date::year{2026} / 3 / 2} + 14h + 32min});
  ASSERT_TRUE(strategy.first.accepted());
  EXPECT_TRUE(sim.engine().risk().halt("test kill switch"));
  sim.run();
  EXPECT_EQ(sim.engine().orders().find(strategy.first.client_order_id)->status,
            OrderStatus::kCancelled);
  EXPECT_FALSE(strategy.second.accepted());
  EXPECT_EQ(strategy.second.decision.reason, DenialReason::kHalted);
}

// Buys, then protects the position with a stop that trails 2 x ATR(3) behind the best price.
class AtrTrailer final : public Strategy {
 public:
  void on_bar(StrategyContext& ctx, const Symbol& symbol, const Bar& /*bar*/) override {
    ++bars_seen;
    if (bars_seen == 1) ctx.market(symbol, Side::kBuy, Quantity::from_units(100));
  }
  bool uses_atr_stops() const override { return declares_atr; }
  void on_fill(StrategyContext& ctx, const Fill& fill) override {
    if (fill.side != Side::kBuy) return;
    stop = ctx.stop(fill.symbol, Side::kSell, fill.quantity, px("9.00")).client_order_id;
    StopPolicy policy;
    policy.entry = fill.price;
    policy.trailing = TrailingRule{TrailBy::kAtr, Ratio::from_units(2), Percent{}};
    policy.tick_size = px("0.01");
    const Status status = ctx.manage_stop(stop, policy);
    managed = status.ok();
    if (!managed) refusal = status.error().message;
  }
  bool declares_atr = true;
  int bars_seen = 0;
  ClientOrderId stop;
  bool managed = false;
  std::string refusal;  // manage_stop's error, if any
};

TEST(Simulation, AtrTrailingStopFollowsTheEnginesAtr) {
  NoCommission commission;
  SimulationConfig config;
  config.engine.atr_period = 3;
  AtrTrailer strategy;
  // A steady rise with a true range of 0.20 a bar: ATR(3) = 0.20 once ready, so the stop
  // trails 0.40 below the best high.
  TestRun run(strategy,
              bars("ACME", {{"10.00", "10.10", "9.90", "10.00"},
                            {"10.00", "10.20", "10.00", "10.10"},
                            {"10.10", "10.30", "10.10", "10.20"},
                            {"10.20", "10.40", "10.20", "10.30"},
                            {"10.30", "10.50", "10.30", "10.40"},
                            {"10.40", "10.60", "10.40", "10.50"}}),
              commission, config);
  Simulation& sim = run.sim;
  sim.run();
  ASSERT_TRUE(strategy.managed);
  const ManagedOrder* stop = sim.engine().orders().find(strategy.stop);
  ASSERT_NE(stop, nullptr);
  ASSERT_TRUE(stop->order.stop_price.has_value());
  EXPECT_GT(*stop->order.stop_price, px("9.00"));   // it moved up from the initial stop
  EXPECT_EQ(*stop->order.stop_price, px("10.20"));  // 2 x 0.20 below the best high, 10.60
  EXPECT_TRUE(sim.engine().errors().empty());
}

// An engine keeps no ATR unless a strategy says it trails stops by one: such a stop is then
// refused with a message that says why, and the stop stays where it was put.
TEST(Simulation, AtrTrailingStopNeedsAStrategyThatDeclaresIt) {
  NoCommission commission;
  SimulationConfig config;
  config.engine.atr_period = 3;
  AtrTrailer strategy;
  strategy.declares_atr = false;
  TestRun run(strategy,
              bars("ACME", {{"10.00", "10.10", "9.90", "10.00"},
                            {"10.00", "10.20", "10.00", "10.10"},
                            {"10.10", "10.30", "10.10", "10.20"},
                            {"10.20", "10.40", "10.20", "10.30"}}),
              commission, config);
  run.sim.run();
  EXPECT_FALSE(strategy.managed);
  EXPECT_NE(strategy.refusal.find("uses_atr_stops()"), std::string::npos) << strategy.refusal;
  const ManagedOrder* stop = run.sim.engine().orders().find(strategy.stop);
  ASSERT_NE(stop, nullptr);
  EXPECT_EQ(*stop->order.stop_price, px("9.00"));
}

TEST(Simulation, SameInputsGiveTheSameFills) {
  auto run_once = [] {
    IbkrFixedCommission commission;
    BuyThenSell strategy;
    TestRun run(strategy, rising_bars(), commission);
    Simulation& sim = run.sim;
    sim.run();
    return strategy.fills;
  };
  EXPECT_EQ(run_once(), run_once());
}

// A feed with only next(): the simulation reads it into its pool bars, not in place.
using CopyingFeed = feed_fakes::NextOnlyFeed;

// Records every bar it sees, with its symbol.
class BarRecorder final : public Strategy {
 public:
  void on_bar(StrategyContext& /*ctx*/, const Symbol& symbol, const Bar& bar) override {
    seen.push_back(MarketBar{symbol, bar, {}});
  }
  std::vector<MarketBar> seen;
};

std::vector<MarketBar> two_symbols() {
  std::vector<MarketBar> out = rising_bars();
  for (const MarketBar& bar : bars("BETA", {{"5.00", "5.10", "4.90", "5.05"},
                                            {"5.05", "5.20", "5.00", "5.15"},
                                            {"5.15", "5.30", "5.10", "5.25"}})) {
    out.push_back(bar);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const MarketBar& a, const MarketBar& b) { return a.bar.time < b.bar.time; });
  return out;
}

// Bars read in place (a VectorBarFeed) and bars read into the simulation's pool bars (a feed
// with only next(), a merge of two) reach the strategies identically.
TEST(Simulation, FeedsReadInPlaceOrIntoScratchBarsGiveTheSameRun) {
  auto seen_with = [](BarFeed& feed) {
    NoCommission commission;
    Simulation sim({}, commission);
    BarRecorder recorder;
    sim.add_strategy(StrategyId{"r"}, recorder);
    sim.add_feed(feed);
    sim.run();
    EXPECT_EQ(sim.bars_processed(), recorder.seen.size());
    return recorder.seen;
  };
  VectorBarFeed in_place(two_symbols());
  const std::vector<MarketBar> want = seen_with(in_place);
  ASSERT_EQ(want.size(), 7u);
  CopyingFeed copying(two_symbols());
  VectorBarFeed alpha(rising_bars());
  VectorBarFeed beta(bars("BETA", {{"5.00", "5.10", "4.90", "5.05"},
                                   {"5.05", "5.20", "5.00", "5.15"},
                                   {"5.15", "5.30", "5.10", "5.25"}}));
  MergedBarFeed merged({&alpha, &beta});
  for (BarFeed* feed : std::initializer_list<BarFeed*>{&copying, &merged}) {
    const std::vector<MarketBar> got = seen_with(*feed);
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(got[i].symbol, want[i].symbol) << i;
      EXPECT_EQ(got[i].bar, want[i].bar) << i;
    }
  }
}

// Two feeds of one symbol each that say so (BarFeed::sole_symbol), added to the simulation
// side by side: their bars' own symbols are not compared, and the strategies see the same run
// as from feeds that do not say so.
TEST(Simulation, FeedsOfOneSymbolGiveTheSameRun) {
  const std::vector<MarketBar> alpha_bars = rising_bars();
  const std::vector<MarketBar> beta_bars = bars("BETA", {{"5.00", "5.10", "4.90", "5.05"},
                                                         {"5.05", "5.20", "5.00", "5.15"},
                                                         {"5.15", "5.30", "5.10", "5.25"}});
  auto seen_with = [](BarFeed& first, BarFeed& second) {
    NoCommission commission;
    Simulation sim({}, commission);
    BarRecorder recorder;
    sim.add_strategy(StrategyId{"r"}, recorder);
    sim.add_feed(first);
    sim.add_feed(second);
    sim.run();
    return recorder.seen;
  };
  SpanBarFeed alpha(alpha_bars);
  SpanBarFeed beta(beta_bars);
  const std::vector<MarketBar> want = seen_with(alpha, beta);
  ASSERT_EQ(want.size(), 7u);
  SpanBarFeed sole_alpha(alpha_bars, alpha_bars.front().symbol);
  SpanBarFeed sole_beta(beta_bars, "BETA");
  ASSERT_NE(sole_beta.sole_symbol(), nullptr);
  EXPECT_EQ(*sole_beta.sole_symbol(), "BETA");
  EXPECT_EQ(alpha.sole_symbol(), nullptr);
  const std::vector<MarketBar> got = seen_with(sole_alpha, sole_beta);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].symbol, want[i].symbol) << i;
    EXPECT_EQ(got[i].bar, want[i].bar) << i;
  }
}

// Bars that overlap (three minutes long, one starting every minute), one of them shorter than
// one pushed before it: several bars of one feed wait for their completions at once, in pool
// bars when the feed is read by copy, and complete in time order, ties in the order they began.
TEST(Simulation, OverlappingBarsCompleteInTimeOrderHoweverTheFeedIsRead) {
  std::vector<MarketBar> data = rising_bars();
  for (std::size_t i = 0; i < data.size(); ++i)
    data[i].duration = i == 2 ? 1min : 3min;
  // Completions: bar 0 and bar 2 at +3 min (bar 0 began first), bar 1 at +4, bar 3 at +6.
  const std::vector<std::size_t> order{0, 2, 1, 3};
  VectorBarFeed in_place(data);
  CopyingFeed copying(data);
  for (BarFeed* feed : std::initializer_list<BarFeed*>{&in_place, &copying}) {
    NoCommission commission;
    Simulation sim({}, commission);
    BarRecorder recorder;
    sim.add_strategy(StrategyId{"r"}, recorder);
    sim.add_feed(*feed);
    sim.run();
    ASSERT_EQ(recorder.seen.size(), order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      EXPECT_EQ(recorder.seen[i].bar, data[order[i]].bar) << i;
    }
  }
}

// What a strategy is shown and when (the clock's time of day), in order: bars, order updates,
// timers, and if asked sessions. Sends one market order and sets timers on the bars it is told to.
class EventLog final : public Strategy {
 public:
  void on_bar(StrategyContext& ctx, const Symbol& symbol, const Bar& bar) override {
    ++bars;
    log.push_back(symbol + " " + time_of_day(bar.time) + " at " + time_of_day(ctx.now()));
    if (bars == order_on_bar) ctx.market(symbol, Side::kBuy, Quantity::from_units(10));
    if (bars == timer_on_bar) {
      for (const Nanoseconds after : timers_after)
        ctx.set_timer("t", ctx.now() + after);
    }
  }
  void on_order_update(StrategyContext& ctx, const OrderUpdate& update) override {
    log.push_back(std::string(to_string(update.status)) + " at " + time_of_day(ctx.now()));
  }
  void on_timer(StrategyContext& ctx, const TimerEvent& /*timer*/) override {
    log.push_back("timer at " + time_of_day(ctx.now()));
  }
  void on_session_open(StrategyContext& ctx, date::year_month_day /*day*/) override {
    if (log_sessions) log.push_back("open at " + time_of_day(ctx.now()));
  }
  void on_session_close(StrategyContext& ctx, date::year_month_day /*day*/) override {
    if (log_sessions) log.push_back("close at " + time_of_day(ctx.now()));
  }
  static std::string time_of_day(Timestamp t) {
    return date::format("%H:%M:%S", date::floor<std::chrono::seconds>(t));
  }

  int bars = 0;
  int order_on_bar = 0;  // 0: none
  int timer_on_bar = 0;  // 0: none
  std::vector<Nanoseconds> timers_after;
  bool log_sessions = false;
  std::vector<std::string> log;
};

// Runs `strategy` over rising_bars() with the venue's latencies fixed.
std::vector<std::string> logged_run(EventLog& strategy, Nanoseconds entry, Nanoseconds response) {
  NoCommission commission;
  VectorBarFeed feed(rising_bars());
  Simulation sim(SimulationConfig{}, commission, nullptr, nullptr,
                 std::make_unique<FixedLatency>(entry, response));
  sim.add_strategy(StrategyId{"s"}, strategy);
  sim.add_feed(feed);
  sim.run();
  EXPECT_EQ(sim.bars_processed(), 4u);
  return strategy.log;
}

// A bar completes as soon as its data has been handled when nothing comes between; these pin
// the instants at which something does. Venue messages due at a bar's end were queued before
// it: they go first.
TEST(Simulation, MessagesDueWhenABarEndsComeBeforeIt) {
  EventLog strategy;
  strategy.order_on_bar = 1;  // sent at 14:31, there at once, answered a minute later
  const std::vector<std::string> expected = {
      "ACME 14:30:00 at 14:31:00", "PendingSubmit at 14:31:00", "PendingSubmit at 14:31:00",
      "Submitted at 14:32:00",     "Filled at 14:32:00",        "Filled at 14:32:00",
      "ACME 14:31:00 at 14:32:00", "ACME 14:32:00 at 14:33:00", "ACME 14:33:00 at 14:34:00"};
  EXPECT_EQ(logged_run(strategy, Nanoseconds::zero(), std::chrono::minutes{1}), expected);
}

// A timer or a command arrival at a bar's end comes after the bar; one before it, before it.
TEST(Simulation, TimersAndArrivalsAtABarsEndComeAfterIt) {
  EventLog strategy;
  strategy.order_on_bar = 1;  // arrives at 14:32, as the second bar ends: fills at the third's open
  strategy.timer_on_bar = 1;
  strategy.timers_after = {std::chrono::seconds{30}, std::chrono::minutes{1}};
  const std::vector<std::string> expected = {
      "ACME 14:30:00 at 14:31:00", "PendingSubmit at 14:31:00", "PendingSubmit at 14:31:00",
      "timer at 14:31:30",         "ACME 14:31:00 at 14:32:00", "timer at 14:32:00",
      "Submitted at 14:32:00",     "Filled at 14:32:00",        "Filled at 14:32:00",
      "ACME 14:32:00 at 14:33:00", "ACME 14:33:00 at 14:34:00"};
  EXPECT_EQ(logged_run(strategy, std::chrono::minutes{1}, Nanoseconds::zero()), expected);
}

// run_until stops before a bar whose end is after `until`, even when nothing else is due: the
// bar's data is handled, its completion waits for the next call.
TEST(Simulation, RunUntilStopsBetweenABarsDataAndItsEnd) {
  NoCommission commission;
  EventLog strategy;
  VectorBarFeed feed(rising_bars());
  Simulation sim(SimulationConfig{}, commission);
  sim.add_strategy(StrategyId{"s"}, strategy);
  sim.add_feed(feed);
  const Timestamp first_end = rising_bars().front().bar.time + std::chrono::minutes{1};
  EXPECT_TRUE(sim.run_until(first_end - Nanoseconds{1}));
  EXPECT_EQ(sim.bars_processed(), 0u);
  EXPECT_EQ(sim.next_event_time(), first_end);
  EXPECT_TRUE(sim.run_until(first_end));
  EXPECT_EQ(sim.bars_processed(), 1u);
  EXPECT_EQ(strategy.log, std::vector<std::string>{"ACME 14:30:00 at 14:31:00"});
  sim.run();
  EXPECT_EQ(sim.bars_processed(), 4u);
}

// Two feeds: a bar completes at once only when no other feed's bar starts before its end. Bars
// ending at one instant complete in the order they began (the two-minute bar before the
// one-minute bar that began a minute later), and before the bars that start then.
TEST(Simulation, BarsOfTwoFeedsCompleteInTimeOrder) {
  NoCommission commission;
  EventLog strategy;
  VectorBarFeed minutes(rising_bars());
  std::vector<MarketBar> two_minute =
      bars("BETA", {{"20.00", "20.50", "19.90", "20.20"}, {"20.25", "20.60", "20.10", "20.40"}});
  for (MarketBar& bar : two_minute)
    bar.duration = std::chrono::minutes{2};
  two_minute[1].bar.time = two_minute[0].bar.time + std::chrono::minutes{2};
  VectorBarFeed pairs(std::move(two_minute));
  Simulation sim(SimulationConfig{}, commission);
  sim.add_strategy(StrategyId{"s"}, strategy);
  sim.add_feed(minutes);
  sim.add_feed(pairs);
  sim.run();
  const std::vector<std::string> expected = {
      "ACME 14:30:00 at 14:31:00", "BETA 14:30:00 at 14:32:00", "ACME 14:31:00 at 14:32:00",
      "ACME 14:32:00 at 14:33:00", "BETA 14:32:00 at 14:34:00", "ACME 14:33:00 at 14:34:00"};
  EXPECT_EQ(strategy.log, expected);
  EXPECT_EQ(sim.bars_processed(), 6u);
}

// Without latency an order reaches the venue at the instant it is sent, with a timer due then
// too: the timer goes first, then the command's arrival and the venue's answer, then the next
// bar's data, at whose open the order fills.
TEST(Simulation, EventsAtTheInstantAnOrderIsSentKeepTheirOrder) {
  EventLog strategy;
  strategy.order_on_bar = 1;
  strategy.timer_on_bar = 1;
  strategy.timers_after = {Nanoseconds::zero()};
  const std::vector<std::string> expected = {
      "ACME 14:30:00 at 14:31:00", "PendingSubmit at 14:31:00", "PendingSubmit at 14:31:00",
      "timer at 14:31:00",         "Submitted at 14:31:00",     "Filled at 14:31:00",
      "Filled at 14:31:00",        "ACME 14:31:00 at 14:32:00", "ACME 14:32:00 at 14:33:00",
      "ACME 14:33:00 at 14:34:00"};
  EXPECT_EQ(logged_run(strategy, Nanoseconds::zero(), Nanoseconds::zero()), expected);
}

// With a calendar the session close is queued when the session opens: a bar ending at the close
// (16:00 ET, 21:00 UTC) completes after it, in push order, not at once.
TEST(Simulation, ABarEndingAtTheSessionCloseCompletesAfterIt) {
  const TradingCalendar calendar{*date::locate_zone("America/New_York"), HolidayTable::us_equity()};
  NoCommission commission;
  EventLog strategy;
  strategy.log_sessions = true;
  std::vector<MarketBar> data = bars("ACME", {{"10.00", "10.50", "9.90", "10.20"},
                                              {"10.25", "10.60", "10.10", "10.40"},
                                              {"10.45", "10.80", "10.30", "10.70"}});
  const Timestamp day = Timestamp{date::sys_days{date::year{2026} / 3 / 2}};
  data[0].bar.time = day + std::chrono::hours{20} + std::chrono::minutes{58};
  data[1].bar.time = day + std::chrono::hours{20} + std::chrono::minutes{59};
  data[2].bar.time = day + std::chrono::days{1} + std::chrono::hours{14} + std::chrono::minutes{30};
  VectorBarFeed feed(std::move(data));
  SimulationConfig config;
  config.start = day;
  Simulation sim(config, commission, &calendar);
  sim.add_strategy(StrategyId{"s"}, strategy);
  sim.add_feed(feed);
  sim.run();
  const std::vector<std::string> expected = {"open at 20:58:00",  "ACME 20:58:00 at 20:59:00",
                                             "close at 21:00:00", "ACME 20:59:00 at 21:00:00",
                                             "open at 14:30:00",  "ACME 14:30:00 at 14:31:00",
                                             "close at 21:00:00"};
  EXPECT_EQ(strategy.log, expected);
}

}  // namespace
}  // namespace ibtrade::engine
