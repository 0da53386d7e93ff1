#include "app/commands/backtest_run.hpp"

#include <memory>

#include "adapters/csv/csv_bar_feed.hpp"
#include "backtest/run_recorder.hpp"
#include "engine/fees/ibkr_fixed.hpp"
#include "engine/fees/ibkr_tiered.hpp"
#include "engine/fees/no_commission.hpp"
#include "engine/kernel/merged_bar_feed.hpp"
#include "engine/kernel/simulation.hpp"
#include "engine/market/synthetic_feed.hpp"
#include "engine/market/synthetic_market.hpp"
#include "strategies/registry.hpp"

namespace ibtrade::app {
namespace {

std::unique_ptr<engine::CommissionModel> make_commission(CommissionPlan plan) {
  switch (plan) {
    case CommissionPlan::kNone:
      return std::make_unique<engine::NoCommission>();
    case CommissionPlan::kTiered:
      return std::make_unique<engine::IbkrTieredCommission>();
    case CommissionPlan::kFixed:
      break;
  }
  return std::make_unique<engine::IbkrFixedCommission>();
}

// The bar feeds of one run and what they read from. Feeds point into the owners, so this
// object is built in place and never moved.
struct Inputs {
  std::vector<csv::CsvBarFeed> csv;
  std::unique_ptr<engine::market::SyntheticMarket> market;
  std::unique_ptr<engine::market::SyntheticBarFeed> synthetic;
  engine::MergedBarFeed merged;
  std::vector<std::string> names;  // for the report's run description

  Status open(const BacktestPlan& plan) {
    if (plan.synthetic_symbols > 0) {
      market = std::make_unique<engine::market::SyntheticMarket>(plan.seed, plan.synthetic_symbols,
                                                                 *plan.calendar);
      synthetic = std::make_unique<engine::market::SyntheticBarFeed>(*market, plan.from, plan.to);
      merged.add(*synthetic);
      names.push_back("synthetic:" + std::to_string(plan.synthetic_symbols) +
                      " seed=" + std::to_string(plan.seed) + " " + to_iso_date(plan.from) + ".." +
                      to_iso_date(plan.to));
      return {};
    }
    csv.reserve(plan.data_files.size());  // feeds are referenced by address below
    for (const std::string& file : plan.data_files) {
      csv::CsvBarFeedOptions options;
      options.csv.zone = plan.zone;
      options.csv.use_adjusted = plan.adjusted;
      options.csv.skip_bad_rows = plan.skip_bad;
      options.symbol = plan.symbol;
      auto feed = csv::CsvBarFeed::open(file, options);
      if (!feed) return feed.error();
      csv.push_back(std::move(*feed));
      names.push_back(file);
    }
    for (csv::CsvBarFeed& feed : csv)
      merged.add(feed);
    return {};
  }

  // The first CSV feed that stopped at a bad row.
  Status status() const {
    for (const csv::CsvBarFeed& feed : csv) {
      if (!feed.status().ok()) return feed.status();
    }
    return {};
  }
};

// The instants the run's progress is measured against, when they are known up front.
std::optional<std::pair<Timestamp, Timestamp>> span_of(const BacktestPlan& plan) {
  if (plan.synthetic_symbols == 0) return std::nullopt;
  const auto begin = plan.calendar->hours(plan.from);
  const auto end_day = plan.calendar->hours(plan.to);
  const Timestamp first = begin ? begin->pre_open : Timestamp{date::sys_days{plan.from}};
  const Timestamp last =
      end_day ? end_day->post_close : Timestamp{date::sys_days{plan.to} + date::days{1}};
  return std::pair{first, last};
}

}  // namespace

std::string_view commission_name(CommissionPlan plan) {
  switch (plan) {
    case CommissionPlan::kNone:
      return "none";
    case CommissionPlan::kTiered:
      return "tiered";
    case CommissionPlan::kFixed:
      break;
  }
  return "fixed";
}

Result<BacktestOutcome> run_backtest(const BacktestPlan& plan, const strategies::ParamMap& params,
                                     const Progress& progress) {
  strategies::StrategyInputs strategy_inputs;
  strategy_inputs.calendar = plan.calendar;
  strategy_inputs.candidates = plan.candidates;
  auto strategy = strategies::make_strategy(plan.strategy, params, strategy_inputs);
  if (!strategy) return strategy.error();

  Inputs inputs;
  if (Status opened = inputs.open(plan); !opened.ok()) return opened.error();

  const std::unique_ptr<engine::CommissionModel> commission = make_commission(plan.commission);
  engine::SimulationConfig config;
  config.engine.starting_cash = plan.cash;
  // CSV bars carry no session hours we can trust (a daily bar stands at midnight), so only the
  // synthetic market, which trades the calendar's regular session, checks trading hours.
  config.engine.risk.enforce_trading_hours = plan.calendar != nullptr;
  config.venue.commission_reporting = engine::CommissionReporting::kInFill;
  config.bar_fill = plan.fill_at_close ? engine::BarFill::kClose : engine::BarFill::kNextOpen;
  config.seed = plan.seed;
  engine::Simulation sim(config, *commission, plan.calendar);
  backtest::RunRecorder recorder(**strategy);
  sim.add_strategy(StrategyId{plan.strategy}, recorder);
  sim.add_feed(inputs.merged);

  const auto span = span_of(plan);
  if (progress && span) {
    // In steps of a day of simulated time, so that the caller can draw a progress bar.
    for (Timestamp until = span->first;; until += date::days{1}) {
      const double done = std::chrono::duration<double>(until - span->first).count() /
                          std::chrono::duration<double>(span->second - span->first).count();
      progress(std::min(done, 1.0), sim.bars_processed());
      if (!sim.run_until(until)) break;
    }
  } else if (progress) {
    // The data's span is unknown until read: report bars in steps of 30 simulated days,
    // starting where the data starts.
    Timestamp until = Timestamp::min();
    while (sim.run_until(until)) {
      progress(-1, sim.bars_processed());
      const Timestamp next = sim.next_event_time();
      until = std::max(until, next) + date::days{30};
    }
  } else {
    sim.run();
  }
  if (Status read = inputs.status(); !read.ok()) return read.error();

  BacktestOutcome outcome;
  for (const csv::CsvBarFeed& feed : inputs.csv) {
    outcome.skipped_rows += feed.skipped();
    outcome.skip_reasons.insert(outcome.skip_reasons.end(), feed.skip_reasons().begin(),
                                feed.skip_reasons().end());
  }
  for (const engine::EngineError& error : sim.engine().errors()) {
    outcome.engine_errors.push_back(backtest::iso_time(error.time) + " " + error.what);
  }
  backtest::BacktestReport& report = outcome.report;
  report.run = backtest::RunDescription{plan.strategy,
                                        params,
                                        inputs.names,
                                        plan.cash,
                                        std::string(commission_name(plan.commission)),
                                        plan.fill_at_close ? "close" : "next-open"};
  const engine::Ledger& ledger = sim.engine().ledger();
  report.fills = recorder.fills();
  report.trades.assign(ledger.closed_trades().begin(), ledger.closed_trades().end());
  report.equity = recorder.equity();
  report.charts = recorder.charts();
  report.bars = recorder.bars();
  report.metrics = backtest::compute_metrics(
      {report.equity, report.trades, ledger.commissions(), recorder.exposure(), 252});
  return outcome;
}

}  // namespace ibtrade::app
