// Backtest throughput: the macd-cross reference strategy over bars already in memory, through
// the whole engine (order manager, risk, simulated venue, ledger), as `ibtrade backtest` runs
// it. The real 1-minute file (30,889 bars) is replayed; the figure is per bar.
#include <benchmark/benchmark.h>

#include "adapters/csv/bar_csv.hpp"
#include "engine/fees/ibkr_fixed.hpp"
#include "engine/kernel/simulation.hpp"
#include "strategies/macd_cross.hpp"

namespace ibtrade {
namespace {

using namespace std::chrono_literals;

std::vector<engine::MarketBar> minute_bars() {
  auto csv = csv::read_bar_csv(IBTRADE_DATA_DIR "/index-2006-1min.csv", {});
  if (!csv) throw std::runtime_error(csv.error().message);
  std::vector<engine::MarketBar> bars;
  bars.reserve(csv->rows.size());
  for (const csv::CsvBar& row : csv->rows)
    bars.push_back(engine::MarketBar{"IDX", row.bar, 1min});
  return bars;
}

void BM_MacdCrossBacktest(benchmark::State& state) {
  const std::vector<engine::MarketBar> bars = minute_bars();
  std::uint64_t fills = 0;
  for (auto _ : state) {
    engine::IbkrFixedCommission commission;
    engine::SimulationConfig config;
    config.engine.starting_cash = Money::from_units(1'000'000);
    config.engine.risk.enforce_trading_hours = false;
    config.venue.commission_reporting = engine::CommissionReporting::kInFill;
    engine::Simulation sim(config, commission);
    strategies::MacdCross strategy;
    sim.add_strategy(StrategyId{"macd-cross"}, strategy);
    // Read in place: copying the 30,889 bars for every run would be timed with the engine.
    engine::SpanBarFeed feed(bars);
    sim.add_feed(feed);
    sim.run();
    fills = sim.engine().ledger().execution_count();
    benchmark::DoNotOptimize(sim.engine().ledger().equity());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(bars.size()));
  state.counters["fills_per_run"] = static_cast<double>(fills);
  state.counters["ns_per_bar"] = benchmark::Counter(
      static_cast<double>(state.iterations() * static_cast<std::int64_t>(bars.size())),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_MacdCrossBacktest)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ibtrade
