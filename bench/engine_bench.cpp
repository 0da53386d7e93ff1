// Order round trip through the whole engine: a strategy submits a market order on every bar ->
// order manager -> risk -> simulated venue -> fill at the next bar's open -> ledger. One
// iteration runs kBars bars; the reported time is per order.
#include <memory>
#include <vector>

#include <benchmark/benchmark.h>

#include "engine/fees/ibkr_fixed.hpp"
#include "engine/fees/no_commission.hpp"
#include "engine/kernel/engine.hpp"
#include "engine/kernel/simulation.hpp"
#include "engine/sim/simulated_venue.hpp"

namespace ibtrade::engine {
namespace {

using namespace std::chrono_literals;

constexpr int kBars = 10'000;

class Flipper final : public Strategy {
 public:
  // It reads no order updates: the engine builds none for it.
  OrderUpdateInterest order_update_interest() const override { return OrderUpdateInterest::kNone; }
  void on_bar(StrategyContext& ctx, const Symbol& symbol, const Bar& /*bar*/) override {
    const Side side = ctx.position(symbol).is_positive() ? Side::kSell : Side::kBuy;
    ctx.market(symbol, side, Quantity::from_units(100));
  }
};

class Idle final : public Strategy {
 public:
  void on_bar(StrategyContext& /*ctx*/, const Symbol& /*symbol*/, const Bar& /*bar*/) override {}
};

std::vector<MarketBar> make_bars() {
  std::vector<MarketBar> bars;
  bars.reserve(kBars);
  Timestamp t = Timestamp{date::sys_days{date::year{2026} / 3 / 2} + 14h + 30min};
  for (int i = 0; i < kBars; ++i) {
    const Price base = Price::from_raw(100'000'000'000 + (i % 50) * 10'000'000, 2);
    const Price one_cent = Price::from_raw(10'000'000, 2);
    bars.push_back(MarketBar{"ACME",
                             Bar{t, base, base + one_cent * 5, base - one_cent * 5, base + one_cent,
                                 Quantity::from_units(100'000)},
                             1min});
    t += 1min;
  }
  return bars;
}

void BM_OrderRoundTrip(benchmark::State& state) {
  const std::vector<MarketBar> bars = make_bars();
  for (auto _ : state) {
    IbkrFixedCommission commission;
    SimulationConfig config;
    config.engine.starting_cash = Money::from_units(10'000'000);
    config.engine.risk.enforce_trading_hours = false;
    config.engine.risk.max_order_value = Money::from_units(1'000'000);
    config.engine.risk.max_position = Quantity::from_units(1'000);
    config.venue.commission_reporting = CommissionReporting::kInFill;
    Simulation sim(config, commission);
    Flipper strategy;
    sim.add_strategy(StrategyId{"flip"}, strategy);
    VectorBarFeed feed(bars);
    sim.add_feed(feed);
    sim.run();
    benchmark::DoNotOptimize(sim.engine().ledger().equity());
  }
  state.SetItemsProcessed(state.iterations() * kBars);
  state.counters["ns_per_order"] =
      benchmark::Counter(static_cast<double>(state.iterations() * kBars),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_OrderRoundTrip)->Unit(benchmark::kMillisecond);

// The same run with a strategy that never trades: what the bars alone cost.
void BM_BarsWithoutOrders(benchmark::State& state) {
  const std::vector<MarketBar> bars = make_bars();
  for (auto _ : state) {
    NoCommission commission;
    SimulationConfig config;
    config.engine.risk.enforce_trading_hours = false;
    Simulation sim(config, commission);
    Idle strategy;
    sim.add_strategy(StrategyId{"idle"}, strategy);
    // Read in place, as the backtest benchmarks do: copying the bars for every run would be
    // timed with the engine.
    SpanBarFeed feed(bars);
    sim.add_feed(feed);
    sim.run();
    benchmark::DoNotOptimize(sim.engine().ledger().equity());
  }
  state.SetItemsProcessed(state.iterations() * kBars);
  state.counters["ns_per_bar"] =
      benchmark::Counter(static_cast<double>(state.iterations() * kBars),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_BarsWithoutOrders)->Unit(benchmark::kMillisecond);

// Exactly the path the target names: submit -> risk -> simulated fill -> ledger update, for one
// order. A quote arrives; the strategy answers with a market order; the venue (tick mode, no
// latency) fills it against that quote; the engine books the fill. No bars, feeds or event loop:
// the venue's messages go straight back to the engine, in order.
class QuoteFlipper final : public Strategy {
 public:
  // It reads no order updates: the engine builds none for it.
  OrderUpdateInterest order_update_interest() const override { return OrderUpdateInterest::kNone; }
  void on_quote(StrategyContext& ctx, const Symbol& symbol, const Quote& /*quote*/) override {
    const Side side = ctx.position(symbol).is_positive() ? Side::kSell : Side::kBuy;
    ctx.market(symbol, side, Quantity::from_units(100));
  }
};

// The venue's messages written in place into reused slots, as the simulation's outbox writes
// them into its queue, and handed to the engine after each order. Slots never move (each is
// its own allocation): handling a message may post more.
class Inbox final : public VenueOutbox {
 public:
  Inbox() {
    slots_.push_back(std::make_unique<VenueMessage>());
    set_draft(*slots_.front());
  }
  template <class Handle>
  void drain(Handle&& handle) {
    for (std::size_t i = 0; i < posted_; ++i)
      handle(*slots_[i]);
    posted_ = 0;
    set_draft(*slots_.front());
  }

 private:
  VenueMessage& posted(Timestamp /*at*/) override {
    if (++posted_ == slots_.size()) slots_.push_back(std::make_unique<VenueMessage>());
    return *slots_[posted_];
  }

  std::vector<std::unique_ptr<VenueMessage>> slots_;
  std::size_t posted_ = 0;
};

// One engine and venue, wired as the live loop would wire them but with the venue's messages
// handed straight back.
class QuoteDrivenEngine {
 public:
  QuoteDrivenEngine()
      : clock_(Timestamp{date::sys_days{date::year{2026} / 3 / 2} + 14h + 30min}),
        venue_(inbox_, clock_, commission_, venue_config()),
        engine_(clock_, venue_, engine_config()) {
    engine_.add_strategy(StrategyId{"flip"}, strategy_);
    engine_.start();
    quote_.bid = Price::from_raw(100'000'000'000, 2);
    quote_.ask = Price::from_raw(100'010'000'000, 2);
    quote_.bid_size = Quantity::from_units(10'000);
    quote_.ask_size = Quantity::from_units(10'000);
    // A print first: risk values a market order at the last trade.
    (void)clock_.advance_by(1ms);
    engine_.on_trade(symbol_, Trade{ConId{}, clock_.now(), Price::from_raw(100'005'000'000, 2),
                                    Quantity::from_units(100)});
  }

  // A quote; the strategy's order; its arrival and fill; the engine books it.
  void one_order() {
    (void)clock_.advance_by(1ms);
    quote_.time = clock_.now();
    venue_.on_quote(symbol_, quote_);
    engine_.on_quote(symbol_, quote_);
    venue_.advance_to(clock_.now());
    inbox_.drain([this](const VenueMessage& message) { engine_.on_venue_message(message); });
  }

  bool all_filled(std::size_t orders) const {
    return engine_.ledger().execution_count() == orders && engine_.errors().empty();
  }
  const Engine& engine() const { return engine_; }

 private:
  static SimulatedVenueConfig venue_config() {
    SimulatedVenueConfig config;
    config.fill_mode = FillMode::kTick;
    config.commission_reporting = CommissionReporting::kInFill;
    return config;
  }
  static EngineConfig engine_config() {
    EngineConfig config;
    config.starting_cash = Money::from_units(10'000'000);
    config.risk.enforce_trading_hours = false;
    config.risk.max_order_value = Money::from_units(1'000'000);
    config.risk.max_position = Quantity::from_units(1'000);
    return config;
  }

  TestClock clock_;
  IbkrFixedCommission commission_;
  Inbox inbox_;
  SimulatedVenue venue_;
  Engine engine_;
  QuoteFlipper strategy_;
  Symbol symbol_ = "ACME";
  Quote quote_;
};

// kBars orders per engine (a busy day's worth), construction included, reported per order.
void BM_SubmitToLedger(benchmark::State& state) {
  for (auto _ : state) {
    QuoteDrivenEngine run;
    for (int i = 0; i < kBars; ++i)
      run.one_order();
    if (!run.all_filled(kBars)) state.SkipWithError("an order did not fill");
    benchmark::DoNotOptimize(run.engine().ledger().equity());
  }
  state.SetItemsProcessed(state.iterations() * kBars);
  state.counters["ns_per_order"] =
      benchmark::Counter(static_cast<double>(state.iterations() * kBars),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_SubmitToLedger)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ibtrade::engine
