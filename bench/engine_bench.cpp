// Order round trip through the whole engine: a strategy submits a market order on every bar ->
// order manager -> risk -> simulated venue -> fill at the next bar's open -> ledger. One
// iteration runs kBars bars; the reported time is per order.
#include <benchmark/benchmark.h>

#include "engine/fees/ibkr_fixed.hpp"
#include "engine/fees/no_commission.hpp"
#include "engine/kernel/simulation.hpp"

namespace ibtrade::engine {
namespace {

using namespace std::chrono_literals;

constexpr int kBars = 10'000;

class Flipper final : public Strategy {
 public:
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
    VectorBarFeed feed(bars);
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

}  // namespace
}  // namespace ibtrade::engine
