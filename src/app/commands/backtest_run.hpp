// One backtest run as the `backtest` command does it: builds the feeds (CSV files or the
// synthetic market), the strategy, the commission model and the simulation, runs it, and
// returns the report. Each call builds everything it uses, so grid runs can go in parallel.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "backtest/report.hpp"
#include "core/calendar/trading_calendar.hpp"
#include "core/result.hpp"
#include "strategies/candidates.hpp"
#include "strategies/params.hpp"

namespace ibtrade::app {

enum class CommissionPlan { kNone, kFixed, kTiered };

// Everything but the strategy parameters, checked once before any run.
struct BacktestPlan {
  std::string strategy;
  // CSV input: one file per symbol.
  std::vector<std::string> data_files;
  std::optional<std::string> symbol;  // only with one file
  const date::time_zone* zone = nullptr;
  bool adjusted = false;
  bool skip_bad = false;
  // Synthetic input (when `synthetic_symbols` > 0).
  std::size_t synthetic_symbols = 0;
  std::uint64_t seed = 1;
  date::year_month_day from{};
  date::year_month_day to{};
  const TradingCalendar* calendar = nullptr;  // sessions of the synthetic market
  Money cash = Money::from_units(100'000);
  CommissionPlan commission = CommissionPlan::kFixed;
  bool fill_at_close = false;
  std::optional<std::vector<strategies::Candidate>> candidates;
};

struct BacktestOutcome {
  backtest::BacktestReport report;
  std::size_t skipped_rows = 0;  // CSV rows skipped with --skip-bad
  std::vector<std::string> skip_reasons;
  std::vector<std::string> engine_errors;  // what the engine refused or could not book
};

// Called now and then with the share of the run done (0..1), or -1 when unknown, and the bars
// processed so far.
using Progress = std::function<void(double done, std::uint64_t bars)>;

// Input errors (a bad CSV row, a bad parameter) come back as errors naming the file or key.
Result<BacktestOutcome> run_backtest(const BacktestPlan& plan, const strategies::ParamMap& params,
                                     const Progress& progress = {});

std::string_view commission_name(CommissionPlan plan);

}  // namespace ibtrade::app
