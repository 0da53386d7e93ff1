// Backtest throughput: strategies through the whole engine (order manager, risk, simulated
// venue, ledger), configured as `ibtrade backtest` configures them. The macd-cross reference
// and macd-vwap replay the real 1-minute file (30,889 bars) from memory; macd-vwap also runs
// over synthetic symbols generated as they are read. The figures are per bar.
#include <benchmark/benchmark.h>
#include <date/tz.h>

#include "adapters/csv/bar_csv.hpp"
#include "core/calendar/trading_calendar.hpp"
#include "core/calendar/us_equity_holidays.hpp"
#include "engine/fees/ibkr_fixed.hpp"
#include "engine/kernel/simulation.hpp"
#include "engine/market/synthetic_feed.hpp"
#include "engine/market/synthetic_market.hpp"
#include "strategies/macd_cross.hpp"
#include "strategies/macd_vwap.hpp"

namespace ibtrade {
namespace {

using namespace std::chrono_literals;

// The 1-minute file's symbol, as `ibtrade backtest --data FILE --symbol IDX` names it.
constexpr const char* kFileSymbol = "IDX";

std::vector<engine::MarketBar> minute_bars() {
  auto csv = csv::read_bar_csv(IBTRADE_DATA_DIR "/index-2006-1min.csv", {});
  if (!csv) throw std::runtime_error(csv.error().message);
  std::vector<engine::MarketBar> bars;
  bars.reserve(csv->rows.size());
  for (const csv::CsvBar& row : csv->rows)
    bars.push_back(engine::MarketBar{kFileSymbol, row.bar, 1min});
  return bars;
}

// The synthetic runs' sessions: March 2026, 20 of them.
constexpr date::year_month_day kMarchFrom{date::year{2026} / 3 / 2};
constexpr date::year_month_day kMarchTo{date::year{2026} / 3 / 27};

void set_bar_counters(benchmark::State& state, std::uint64_t bars_per_run, std::uint64_t fills) {
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(bars_per_run));
  state.counters["bars_per_run"] = static_cast<double>(bars_per_run);
  state.counters["fills_per_run"] = static_cast<double>(fills);
  state.counters["ns_per_bar"] = benchmark::Counter(
      static_cast<double>(state.iterations() * static_cast<std::int64_t>(bars_per_run)),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// What one pass did: bars through the engine and fills booked.
struct PassCounts {
  std::uint64_t bars = 0;
  std::uint64_t fills = 0;
};

// One pass as `ibtrade backtest` configures it: Fixed commission reported in the fill, market
// orders filled at the next bar's open, trading hours checked only with a calendar (CSV bars
// carry no session hours to trust).
PassCounts run_pass(const StrategyId& id, engine::Strategy& strategy, engine::BarFeed& feed,
                    Money cash, const TradingCalendar* calendar = nullptr) {
  engine::IbkrFixedCommission commission;
  engine::SimulationConfig config;
  config.engine.starting_cash = cash;
  config.engine.risk.enforce_trading_hours = calendar != nullptr;
  config.venue.commission_reporting = engine::CommissionReporting::kInFill;
  config.seed = 1;
  engine::Simulation sim(config, commission, calendar);
  sim.add_strategy(id, strategy);
  sim.add_feed(feed);
  sim.run();
  benchmark::DoNotOptimize(sim.engine().ledger().equity());
  return PassCounts{sim.bars_processed(), sim.engine().ledger().execution_count()};
}

void BM_MacdCrossBacktest(benchmark::State& state) {
  const std::vector<engine::MarketBar> bars = minute_bars();
  PassCounts counts;
  for (auto _ : state) {
    strategies::MacdCross strategy;
    // Read in place: copying the 30,889 bars for every run would be timed with the engine. A
    // feed of the one symbol, as the command's file feed is.
    engine::SpanBarFeed feed(bars, kFileSymbol);
    counts = run_pass(StrategyId{"macd-cross"}, strategy, feed, Money::from_units(1'000'000));
  }
  set_bar_counters(state, counts.bars, counts.fills);
}
BENCHMARK(BM_MacdCrossBacktest)->Unit(benchmark::kMillisecond);

// macd-vwap with its default parameters over the 1-minute file, as `ibtrade backtest --strategy
// macd-vwap --data FILE` runs it: neither the simulation nor the strategy has a calendar (the
// strategy's session is then 09:30-16:00 UTC).
void BM_MacdVwapBacktest(benchmark::State& state) {
  const std::vector<engine::MarketBar> bars = minute_bars();
  PassCounts counts;
  for (auto _ : state) {
    strategies::MacdVwap strategy;
    engine::SpanBarFeed feed(bars, kFileSymbol);
    counts = run_pass(StrategyId{"macd-vwap"}, strategy, feed, Money::from_units(100'000));
  }
  set_bar_counters(state, counts.bars, counts.fills);
}
BENCHMARK(BM_MacdVwapBacktest)->Unit(benchmark::kMillisecond);

// macd-vwap over N synthetic symbols for the 20 sessions of March 2026, as `ibtrade backtest
// --strategy macd-vwap --synthetic N --from 2026-03-02 --to 2026-03-27` runs it: the US equity
// calendar for sessions and trading hours, bars generated as they are read (the generation is
// part of the figure).
void BM_MacdVwapSynthetic(benchmark::State& state) {
  const auto symbols = static_cast<std::size_t>(state.range(0));
  const TradingCalendar calendar{*date::locate_zone("America/New_York"), HolidayTable::us_equity()};
  PassCounts counts;
  for (auto _ : state) {
    engine::market::SyntheticMarket market(1, symbols, calendar);
    engine::market::SyntheticBarFeed feed(market, kMarchFrom, kMarchTo);
    strategies::MacdVwap strategy({}, &calendar);
    counts =
        run_pass(StrategyId{"macd-vwap"}, strategy, feed, Money::from_units(100'000), &calendar);
  }
  set_bar_counters(state, counts.bars, counts.fills);
}
BENCHMARK(BM_MacdVwapSynthetic)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

// The synthetic feed alone over the same sessions: what generating the bars costs of the figure
// above.
void BM_SyntheticBars(benchmark::State& state) {
  const auto symbols = static_cast<std::size_t>(state.range(0));
  const TradingCalendar calendar{*date::locate_zone("America/New_York"), HolidayTable::us_equity()};
  std::uint64_t bars = 0;
  for (auto _ : state) {
    engine::market::SyntheticMarket market(1, symbols, calendar);
    engine::market::SyntheticBarFeed feed(market, kMarchFrom, kMarchTo);
    engine::MarketBar scratch;
    bars = 0;
    while (const engine::MarketBar* bar = feed.next_ref(scratch)) {
      benchmark::DoNotOptimize(bar->bar.close);
      ++bars;
    }
  }
  set_bar_counters(state, bars, 0);
}
BENCHMARK(BM_SyntheticBars)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ibtrade
