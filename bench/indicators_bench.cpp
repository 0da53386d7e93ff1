// Indicator hot paths on real bars (tests/data, replayed in a loop), and the whole
// `ibtrade indicators` pipeline (read + parse + compute + format) into a null sink.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "adapters/csv/bar_csv.hpp"
#include "adapters/csv/indicator_csv.hpp"
#include "core/indicators/indicator_set.hpp"

namespace ibtrade::indicators {
namespace {

constexpr const char* kMinuteFile = IBTRADE_DATA_DIR "/index-2006-1min.csv";
constexpr const char* kDailyFile = IBTRADE_DATA_DIR "/orcl-1995-2014-daily.csv";

struct Replay {
  std::vector<Bar> bars;
  std::vector<char> new_session;  // 1 where the date changes
};

const Replay& minute_bars() {
  static const Replay replay = [] {
    auto file = csv::read_bar_csv(kMinuteFile, {});
    if (!file) {
      std::fprintf(stderr, "%s\n", file.error().message.c_str());
      std::exit(1);
    }
    Replay r;
    for (std::size_t i = 0; i < file->rows.size(); ++i) {
      r.bars.push_back(file->rows[i].bar);
      r.new_session.push_back(i == 0 || file->rows[i].date != file->rows[i - 1].date ? 1 : 0);
    }
    return r;
  }();
  return replay;
}

IndicatorSetConfig all_indicators() {
  IndicatorSetConfig c;
  c.sma = 20;
  c.ema = 20;
  c.macd = MacdParams{};
  c.vwap_k = 2.0;
  c.rsi = 14;
  c.atr = 14;
  c.bbands = BollingerParams{};
  c.zscore = 20;
  c.sigma_spike = 20;
  return c;
}

// The strategy's per-bar work: one bar through MACD(12,26,9), session VWAP with bands and a
// 20-bar z-score, every output read. Bars are fixed-point, so the conversion is included.
void BM_MacdVwapZScorePerBar(benchmark::State& state) {
  const Replay& replay = minute_bars();
  Macd macd;
  Vwap vwap(2.0);
  ZScore zscore(20);
  std::size_t i = 0;
  for (auto _ : state) {
    const Bar& bar = replay.bars[i];
    if (replay.new_session[i]) vwap.start_session();
    const double close = bar.close.to_double();
    macd.update(close);
    vwap.update(bar);
    zscore.update(close);
    double line = macd.line();
    double signal = macd.signal();
    double hist = macd.histogram();
    const Bands bands = vwap.bands();
    double v = bands.middle;
    double upper = bands.upper;
    double lower = bands.lower;
    double z = zscore.value();
    benchmark::DoNotOptimize(line);
    benchmark::DoNotOptimize(signal);
    benchmark::DoNotOptimize(hist);
    benchmark::DoNotOptimize(v);
    benchmark::DoNotOptimize(upper);
    benchmark::DoNotOptimize(lower);
    benchmark::DoNotOptimize(z);
    if (++i == replay.bars.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MacdVwapZScorePerBar);

// The same bars through the same three indicators without reading any output: the update
// path alone (the reads above cost the divisions and square roots).
void BM_MacdVwapZScoreUpdateOnly(benchmark::State& state) {
  const Replay& replay = minute_bars();
  Macd macd;
  Vwap vwap(2.0);
  ZScore zscore(20);
  std::size_t i = 0;
  for (auto _ : state) {
    const Bar& bar = replay.bars[i];
    if (replay.new_session[i]) vwap.start_session();
    const double close = bar.close.to_double();
    macd.update(close);
    vwap.update(bar);
    zscore.update(close);
    benchmark::ClobberMemory();
    if (++i == replay.bars.size()) i = 0;
  }
  benchmark::DoNotOptimize(macd);
  benchmark::DoNotOptimize(vwap);
  benchmark::DoNotOptimize(zscore);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MacdVwapZScoreUpdateOnly);

// One indicator alone, fed closes (or bars) from the replay.
template <class Indicator, class Feed>
void per_value(benchmark::State& state, Indicator indicator, Feed feed) {
  const Replay& replay = minute_bars();
  std::size_t i = 0;
  for (auto _ : state) {
    double out = feed(indicator, replay.bars[i], replay.new_session[i] != 0);
    benchmark::DoNotOptimize(out);
    if (++i == replay.bars.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Sma20(benchmark::State& state) {
  per_value(state, Sma(20), [](Sma& s, const Bar& b, bool) {
    s.update(b.close.to_double());
    return s.value();
  });
}
void BM_Ema20(benchmark::State& state) {
  per_value(state, Ema(20), [](Ema& e, const Bar& b, bool) {
    e.update(b.close.to_double());
    return e.value();
  });
}
void BM_Macd(benchmark::State& state) {
  per_value(state, Macd(), [](Macd& m, const Bar& b, bool) {
    m.update(b.close.to_double());
    return m.histogram();
  });
}
void BM_Rsi14(benchmark::State& state) {
  per_value(state, Rsi(14), [](Rsi& r, const Bar& b, bool) {
    r.update(b.close.to_double());
    return r.value();
  });
}
void BM_Atr14(benchmark::State& state) {
  per_value(state, Atr(14), [](Atr& a, const Bar& b, bool) {
    a.update(b.high.to_double(), b.low.to_double(), b.close.to_double());
    return a.value();
  });
}
void BM_Bollinger20(benchmark::State& state) {
  per_value(state, Bollinger(), [](Bollinger& bb, const Bar& b, bool) {
    bb.update(b.close.to_double());
    return bb.bands().upper;
  });
}
void BM_ZScore20(benchmark::State& state) {
  per_value(state, ZScore(20), [](ZScore& z, const Bar& b, bool) {
    z.update(b.close.to_double());
    return z.value();
  });
}
void BM_SigmaSpike20(benchmark::State& state) {
  per_value(state, SigmaSpike(20), [](SigmaSpike& s, const Bar& b, bool) {
    s.update(b.close.to_double());
    return s.value();
  });
}
void BM_Vwap(benchmark::State& state) {
  per_value(state, Vwap(2.0), [](Vwap& v, const Bar& b, bool new_session) {
    if (new_session) v.start_session();
    v.update(b);
    return v.bands().upper;
  });
}
BENCHMARK(BM_Sma20);
BENCHMARK(BM_Ema20);
BENCHMARK(BM_Macd);
BENCHMARK(BM_Rsi14);
BENCHMARK(BM_Atr14);
BENCHMARK(BM_Bollinger20);
BENCHMARK(BM_ZScore20);
BENCHMARK(BM_SigmaSpike20);
BENCHMARK(BM_Vwap);

// Every indicator of `ibtrade indicators --all`, one bar at a time, values read.
void BM_AllIndicatorsPerBar(benchmark::State& state) {
  const Replay& replay = minute_bars();
  IndicatorSet set(all_indicators());
  std::size_t i = 0;
  for (auto _ : state) {
    set.update(replay.bars[i], replay.new_session[i] != 0);
    benchmark::DoNotOptimize(set.values().data());
    benchmark::ClobberMemory();
    if (++i == replay.bars.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AllIndicatorsPerBar);

// `ibtrade indicators --all` in process: read and parse the file, compute, format the CSV
// into a sink that only counts bytes. One iteration = one whole file.
void indicators_command(benchmark::State& state, const char* path) {
  std::size_t bytes = 0;
  std::size_t rows = 0;
  for (auto _ : state) {
    auto file = csv::read_bar_csv(path, {});
    if (!file) {
      state.SkipWithError(file.error().message.c_str());
      return;
    }
    IndicatorSet set(all_indicators());
    csv::write_indicator_csv(*file, set, [&](std::string_view chunk) { bytes += chunk.size(); });
    rows = file->rows.size();
  }
  benchmark::DoNotOptimize(bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
void BM_IndicatorsCommandMinuteFile(benchmark::State& state) {
  indicators_command(state, kMinuteFile);
}
void BM_IndicatorsCommandDailyFile(benchmark::State& state) {
  indicators_command(state, kDailyFile);
}
BENCHMARK(BM_IndicatorsCommandMinuteFile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndicatorsCommandDailyFile)->Unit(benchmark::kMillisecond);

// The parts of the pipeline: parsing alone, and computing + formatting alone.
void BM_ReadBarCsvMinuteFile(benchmark::State& state) {
  for (auto _ : state) {
    auto file = csv::read_bar_csv(kMinuteFile, {});
    benchmark::DoNotOptimize(file);
  }
}
BENCHMARK(BM_ReadBarCsvMinuteFile)->Unit(benchmark::kMillisecond);

void BM_ComputeAndFormatMinuteFile(benchmark::State& state) {
  auto file = csv::read_bar_csv(kMinuteFile, {});
  if (!file) {
    state.SkipWithError(file.error().message.c_str());
    return;
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    IndicatorSet set(all_indicators());
    csv::write_indicator_csv(*file, set, [&](std::string_view chunk) { bytes += chunk.size(); });
  }
  benchmark::DoNotOptimize(bytes);
}
BENCHMARK(BM_ComputeAndFormatMinuteFile)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ibtrade::indicators
