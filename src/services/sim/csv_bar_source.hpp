// CsvBarSource: bars replayed from CSV files (`ibtrade sim --csv`) as the simulator's
// BarSource: one symbol per file, sessions where the files have bars. A daily row becomes a
// seeded intraday path (minute_path), an intraday file's rows fill their minutes (finer rows
// merged, coarser ones spread with minute_path, missing minutes flat at the last price with no
// volume). No fundamentals, no shares outstanding. Immutable after load: const calls from any
// thread.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/result.hpp"
#include "services/sim/bar_source.hpp"
#include "services/sim/csv_series.hpp"

namespace ibtrade::sim {

class CsvBarSource final : public BarSource {
 public:
  // Loads every input; the first bad one is the error (naming file and line). Two inputs with
  // one symbol are an error. `seed` drives the intraday paths. The calendar and zones in
  // `options` must outlive the source.
  static Result<std::unique_ptr<CsvBarSource>> load(std::span<const CsvInput> inputs,
                                                    const CsvLoadOptions& options,
                                                    std::uint64_t seed);

  const SessionSchedule& sessions() const override { return sessions_; }
  std::span<const SourceSymbol> symbols() const override { return symbols_; }
  std::vector<Bar> minute_bars(std::size_t symbol, date::year_month_day day) const override;
  std::optional<Bar> session_bar(std::size_t symbol, date::year_month_day day) const override;
  std::optional<Price> close_price(std::size_t symbol, date::year_month_day day) const override;
  Price tick(std::size_t symbol, date::year_month_day day) const override;
  // The mean session volume of up to 20 sessions before `day`.
  std::optional<std::int64_t> avg_volume(std::size_t symbol,
                                         date::year_month_day day) const override;
  std::optional<std::int64_t> shares_outstanding(std::size_t) const override {
    return std::nullopt;
  }
  std::optional<engine::market::Fundamentals> fundamentals(std::size_t,
                                                           date::year_month_day) const override {
    return std::nullopt;
  }
  std::optional<Timestamp> first_bar_time() const override;
  std::string description() const override;

  const CsvSeries& series(std::size_t symbol) const { return series_.at(symbol); }

 private:
  CsvBarSource(std::vector<CsvSeries> series, SessionSchedule sessions, std::uint64_t seed);
  std::uint64_t seed_of(std::size_t symbol, std::uint64_t salt) const;

  std::vector<CsvSeries> series_;
  std::vector<SourceSymbol> symbols_;
  SessionSchedule sessions_;
  std::uint64_t seed_;
};

}  // namespace ibtrade::sim
