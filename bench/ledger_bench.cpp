// Portfolio ledger hot paths: booking fills on symbols that already have a position, marks and
// bars. Target: apply_fill <= 100 ns median.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>

#include "engine/portfolio/ledger.hpp"

namespace ibtrade::engine {
namespace {

constexpr std::array<std::string_view, 5> kSymbols = {"AAPL", "MSFT", "NVDA", "SPY", "TSLA"};

Price cents(std::int64_t units) {
  return Price::from_raw(units * 10'000'000, 2);
}

// Buys and sells of 100 shares alternating per symbol (open, close, open, ...), IB-shaped
// execution ids, a commission on every fill or on none.
std::vector<Fill> alternating_fills(bool with_commission, std::size_t count) {
  std::vector<Fill> fills(count);
  for (std::size_t i = 0; i < count; ++i) {
    Fill& fill = fills[i];
    const std::size_t symbol = i % kSymbols.size();
    const std::size_t round = i / kSymbols.size();
    fill.execution_id = ExecutionId("0000e0d5.6543" + std::to_string(100000 + i) + ".01.01");
    fill.client_order_id = ClientOrderId("bench-" + std::to_string(i));
    fill.symbol = Symbol(kSymbols[symbol]);
    fill.side = round % 2 == 0 ? Side::kBuy : Side::kSell;
    fill.quantity = Quantity::from_units(100);
    fill.price = cents(15'000 + static_cast<std::int64_t>((i * 7919) % 400));
    fill.commission = with_commission ? Money::from_raw(350'000'000, 2) : Money{};
    fill.time = Timestamp{} + std::chrono::seconds(1'700'000'000) +
                std::chrono::milliseconds(static_cast<std::int64_t>(i));
  }
  return fills;
}

std::unique_ptr<Ledger> fresh_ledger(std::size_t fills) {
  auto ledger = std::make_unique<Ledger>(Money::from_units(10'000'000));
  ledger->reserve(fills);
  return ledger;
}

// Fills per ledger before it starts over: the execution log holds every id of the day, so its
// size decides whether a lookup stays in cache. 4096 is an active strategy's day; 131072 a very
// busy account's. `book` books one fill: apply_fill (checked against the ids booked before) or
// apply_new_fill (the engine's way: its order manager has refused re-sent executions already).
template <class Book>
void run_alternating(benchmark::State& state, Book book) {
  const bool with_commission = state.range(0) != 0;
  const auto batch = static_cast<std::size_t>(state.range(1));
  const std::vector<Fill> fills = alternating_fills(with_commission, batch);
  auto ledger = fresh_ledger(batch);
  // Warm-up: every symbol has had a position, so the loop measures the existing-symbol path.
  std::size_t next = 0;
  for (; next < 2 * kSymbols.size(); ++next) {
    benchmark::DoNotOptimize(book(*ledger, fills[next]));
  }
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): benchmark idiom
    if (next == batch) {
      state.PauseTiming();
      ledger = fresh_ledger(batch);
      next = 0;
      state.ResumeTiming();
    }
    auto outcome = book(*ledger, fills[next++]);
    benchmark::DoNotOptimize(outcome);
  }
}

void apply_fill_alternating(benchmark::State& state) {
  run_alternating(state, [](Ledger& ledger, const Fill& fill) { return ledger.apply_fill(fill); });
}
BENCHMARK(apply_fill_alternating)
    ->ArgNames({"commission", "fills_per_day"})
    ->ArgsProduct({{0, 1}, {4096, 1 << 17}});

void apply_new_fill_alternating(benchmark::State& state) {
  run_alternating(state,
                  [](Ledger& ledger, const Fill& fill) { return ledger.apply_new_fill(fill); });
}
BENCHMARK(apply_new_fill_alternating)
    ->ArgNames({"commission", "fills_per_day"})
    ->ArgsProduct({{0, 1}, {4096, 1 << 17}});

// Every fill after the first reverses the position (sells 200 after buying 100, buys 200 after
// selling 100: it closes the open lot whole and opens the other side with the rest), booked the
// engine's way: a stop-and-reverse strategy's fills, such as macd-cross's.
void apply_new_fill_reversing(benchmark::State& state) {
  constexpr std::size_t kBatch = 4096;
  std::vector<Fill> fills = alternating_fills(true, kBatch);
  for (std::size_t i = 0; i < kBatch; ++i) {
    fills[i].symbol = Symbol(kSymbols[0]);
    fills[i].side = i % 2 == 0 ? Side::kBuy : Side::kSell;
    fills[i].quantity = Quantity::from_units(i == 0 ? 100 : 200);
  }
  auto ledger = fresh_ledger(kBatch);
  std::size_t next = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): benchmark idiom
    if (next == kBatch) {
      state.PauseTiming();
      ledger = fresh_ledger(kBatch);
      next = 0;
      state.ResumeTiming();
    }
    auto outcome = ledger->apply_new_fill(fills[next++]);
    benchmark::DoNotOptimize(outcome);
  }
}
BENCHMARK(apply_new_fill_reversing);

// A fill whose execution id was booked before: the reconnect path.
void apply_fill_duplicate(benchmark::State& state) {
  const std::vector<Fill> fills = alternating_fills(true, 1000);
  auto ledger = fresh_ledger(1000);
  for (std::size_t i = 0; i < 1000; ++i) {
    benchmark::DoNotOptimize(ledger->apply_fill(fills[i]));
  }
  std::size_t next = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): benchmark idiom
    auto outcome = ledger->apply_fill(fills[next]);
    benchmark::DoNotOptimize(outcome);
    next = next + 1 == 1000 ? 0 : next + 1;
  }
}
BENCHMARK(apply_fill_duplicate);

// A mark on a symbol holding `lots` open lots (each widens its excursion range).
void mark(benchmark::State& state) {
  Ledger ledger(Money::from_units(10'000'000));
  const auto lots = state.range(0);
  for (std::int64_t i = 0; i < lots; ++i) {
    Fill fill;
    fill.execution_id = ExecutionId("open-" + std::to_string(i));
    fill.symbol = "AAPL";
    fill.quantity = Quantity::from_units(100);
    fill.price = cents(15'000 + i);
    benchmark::DoNotOptimize(ledger.apply_fill(fill));
  }
  std::int64_t tick = 0;
  const Timestamp time = Timestamp{} + std::chrono::seconds(1'700'000'000);
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): benchmark idiom
    const Status status = ledger.mark("AAPL", cents(14'800 + (tick++ % 400)), time);
    benchmark::DoNotOptimize(status);
  }
}
BENCHMARK(mark)->ArgName("lots")->Arg(1)->Arg(10);

// A bar of a symbol holding one lot, by symbol text or (the engine's way) by position handle.
template <class Mark>
void run_mark_bar(benchmark::State& state, Ledger& ledger, Mark mark_one) {
  Fill fill;
  fill.execution_id = ExecutionId("open");
  fill.symbol = "AAPL";
  fill.quantity = Quantity::from_units(100);
  fill.price = cents(15'000);
  benchmark::DoNotOptimize(ledger.apply_fill(fill));
  std::int64_t tick = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): benchmark idiom
    const std::int64_t close = 14'800 + (tick++ % 400);
    const Bar bar{Timestamp{} + std::chrono::seconds(1'700'000'000),
                  cents(close - 5),
                  cents(close + 10),
                  cents(close - 10),
                  cents(close),
                  Quantity::from_units(5000)};
    const Status status = mark_one(bar);
    benchmark::DoNotOptimize(status);
  }
}

void mark_bar(benchmark::State& state) {
  Ledger ledger(Money::from_units(10'000'000));
  run_mark_bar(state, ledger, [&](const Bar& bar) { return ledger.mark_bar("AAPL", bar); });
}
BENCHMARK(mark_bar);

void mark_bar_by_handle(benchmark::State& state) {
  Ledger ledger(Money::from_units(10'000'000));
  const PositionHandle handle = ledger.position_handle("AAPL");
  run_mark_bar(state, ledger, [&](const Bar& bar) { return ledger.mark_bar(handle, bar); });
}
BENCHMARK(mark_bar_by_handle);

}  // namespace
}  // namespace ibtrade::engine
