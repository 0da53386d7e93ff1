// `ibtrade backtest`: runs a strategy over CSV history or the synthetic market through the real
// engine and the simulated venue; prints a summary, writes report.json and report.html, or
// sweeps a parameter grid on every core (docs/backtest.md). Main thread plus grid workers.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "app/command.hpp"
#include "app/commands/backtest_run.hpp"
#include "app/market_calendar.hpp"
#include "backtest/grid.hpp"
#include "core/calendar/us_equity_holidays.hpp"
#include "strategies/registry.hpp"

namespace ibtrade::app {
namespace {

struct BacktestOptions {
  std::string strategy;
  std::vector<std::string> data;
  std::size_t synthetic = 0;
  std::string from;
  std::string to;
  std::uint64_t seed = 1;
  std::optional<std::string> symbol;
  std::string tz = "America/New_York";
  bool adjusted = false;
  bool skip_bad = false;
  std::string cash = "100000";
  std::string commission = "fixed";
  std::string fill = "next-open";
  std::vector<std::string> params;
  std::optional<std::string> candidates;
  std::optional<std::string> report;
  std::vector<std::string> grid;
  std::string sort = "sharpe";
  unsigned jobs = 0;
  bool no_progress = false;
};

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open the file"};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error{path + ": read error"};
  return text.str();
}

Result<strategies::ParamMap> parse_params(const std::vector<std::string>& pairs) {
  strategies::ParamMap out;
  for (const std::string& pair : pairs) {
    const std::size_t equals = pair.find('=');
    if (equals == std::string::npos || equals == 0) {
      return Error{"--param \"" + pair + "\": expected key=value"};
    }
    if (!out.emplace(pair.substr(0, equals), pair.substr(equals + 1)).second) {
      return Error{"--param " + pair.substr(0, equals) + " is given twice"};
    }
  }
  return out;
}

// The value a grid row is sorted by; larger is better except for drawdown.
std::optional<double> sort_value(const backtest::Metrics& m, const std::string& metric) {
  if (metric == "sharpe") return m.sharpe;
  if (metric == "sortino") return m.sortino;
  if (metric == "return") return m.total_return;
  if (metric == "cagr") return m.cagr;
  if (metric == "drawdown") return -m.max_drawdown;
  if (metric == "profit-factor") return m.profit_factor;
  if (metric == "win-rate") return m.win_rate;
  if (metric == "trades") return static_cast<double>(m.trades);
  return std::nullopt;
}

// A progress bar on a terminal, redrawn at most ten times a second.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled) {}
  ~ProgressBar() { finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(double done, std::uint64_t bars) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    drawn_ = true;
    if (done < 0) {
      std::fprintf(stderr, "\r%llu bars", static_cast<unsigned long long>(bars));
    } else {
      constexpr int kWidth = 30;
      const int filled = static_cast<int>(done * kWidth);
      std::fprintf(stderr, "\r[%s%s] %3d%% %llu bars",
                   std::string(static_cast<std::size_t>(filled), '#').c_str(),
                   std::string(static_cast<std::size_t>(kWidth - filled), '.').c_str(),
                   static_cast<int>(done * 100), static_cast<unsigned long long>(bars));
    }
    std::fflush(stderr);
  }
  void finish() {
    if (enabled_ && drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

Status write_text(const std::filesystem::path& path, const std::string& text) {
  // Written beside and renamed, so a reader never sees half a report.
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return Error{partial.string() + ": write error"};
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) return Error{path.string() + ": " + ec.message()};
  return {};
}

void print_skips(const BacktestOutcome& outcome) {
  if (outcome.skipped_rows == 0) return;
  std::cerr << "ibtrade backtest: skipped " << outcome.skipped_rows << " bad row"
            << (outcome.skipped_rows == 1 ? "" : "s") << "\n";
  for (const std::string& reason : outcome.skip_reasons)
    std::cerr << "  " << reason << "\n";
}

int run_single(const BacktestPlan& plan, const strategies::ParamMap& params,
               const BacktestOptions& options) {
  ProgressBar bar(!options.no_progress && isatty(STDERR_FILENO) != 0);
  auto outcome =
      run_backtest(plan, params, [&](double done, std::uint64_t bars) { bar.update(done, bars); });
  bar.finish();
  if (!outcome) {
    std::cerr << "ibtrade backtest: " << outcome.error().message << "\n";
    return kExitInput;
  }
  print_skips(*outcome);
  for (const std::string& error : outcome->engine_errors)
    std::cerr << "ibtrade backtest: engine: " << error << "\n";
  std::cout << backtest::summary_table(outcome->report.metrics);
  if (options.report) {
    const std::filesystem::path dir(*options.report);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      std::cerr << "ibtrade backtest: " << dir.string() << ": " << ec.message() << "\n";
      return kExitFailure;
    }
    for (const auto& [name, text] :
         {std::pair{"report.json", backtest::to_json(outcome->report).dump(2) + "\n"},
          std::pair{"report.html", backtest::render_html(outcome->report)}}) {
      if (Status written = write_text(dir / name, text); !written.ok()) {
        std::cerr << "ibtrade backtest: " << written.error().message << "\n";
        return kExitFailure;
      }
    }
    std::cout << "report: " << (dir / "report.json").string() << ", "
              << (dir / "report.html").string() << "\n";
  }
  return kExitOk;
}

int run_grid(const BacktestPlan& plan, const strategies::ParamMap& fixed,
             const BacktestOptions& options) {
  std::vector<backtest::GridAxis> axes;
  for (const std::string& spec : options.grid) {
    auto axis = backtest::parse_grid_axis(spec);
    if (!axis) {
      std::cerr << "ibtrade backtest: " << axis.error().message << "\n";
      return kExitUsage;
    }
    if (fixed.contains(axis->name)) {
      std::cerr << "ibtrade backtest: " << axis->name << " is both a --param and a --grid\n";
      return kExitUsage;
    }
    axes.push_back(std::move(*axis));
  }
  auto combos = backtest::grid_combinations(axes);
  if (!combos) {
    std::cerr << "ibtrade backtest: " << combos.error().message << "\n";
    return kExitUsage;
  }
  struct Row {
    strategies::ParamMap params;
    std::optional<backtest::Metrics> metrics;
    std::string error;
  };
  std::vector<Row> rows;
  for (auto& combo : *combos) {
    combo.insert(fixed.begin(), fixed.end());
    rows.push_back(Row{std::move(combo), std::nullopt, {}});
  }
  // Every combination has the same keys: checking each value set here keeps parameter errors
  // usage errors, before any run starts.
  for (const Row& row : rows) {
    strategies::StrategyInputs inputs{plan.calendar, plan.candidates};
    if (auto checked = strategies::make_strategy(plan.strategy, row.params, inputs); !checked) {
      std::cerr << "ibtrade backtest: " << checked.error().message << "\n";
      return kExitUsage;
    }
  }
  const unsigned jobs =
      options.jobs > 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> finished{0};
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < std::min<std::size_t>(jobs, rows.size()); ++w) {
    workers.emplace_back([&] {
      for (std::size_t i = next++; i < rows.size(); i = next++) {
        auto outcome = run_backtest(plan, rows[i].params);
        if (outcome) {
          rows[i].metrics = outcome->report.metrics;
        } else {
          rows[i].error = outcome.error().message;
        }
        ++finished;
      }
    });
  }
  ProgressBar bar(!options.no_progress && isatty(STDERR_FILENO) != 0);
  while (finished < rows.size()) {
    bar.update(static_cast<double>(finished) / static_cast<double>(rows.size()), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  for (std::thread& worker : workers)
    worker.join();
  bar.finish();

  for (const Row& row : rows) {
    if (!row.error.empty()) {
      std::cerr << "ibtrade backtest: " << row.error << "\n";
      return kExitInput;
    }
  }
  // Best first; rows without the metric last; ties keep the grid's order.
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const auto x = sort_value(*a.metrics, options.sort);
    const auto y = sort_value(*b.metrics, options.sort);
    if (x && y) return *x > *y;
    return x.has_value() && !y.has_value();
  });
  std::ostringstream out;
  for (const backtest::GridAxis& axis : axes)
    out << axis.name << '\t';
  out << "return\tsharpe\tsortino\tmax_dd\ttrades\twin_rate\tprofit_factor\tfinal_equity\n";
  const auto number = [](const std::optional<double>& v) {
    if (!v) return std::string("n/a");
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", *v);
    return std::string(buffer);
  };
  for (const Row& row : rows) {
    for (const backtest::GridAxis& axis : axes)
      out << row.params.at(axis.name) << '\t';
    const backtest::Metrics& m = *row.metrics;
    out << number(m.total_return) << '\t' << number(m.sharpe) << '\t' << number(m.sortino) << '\t'
        << number(m.max_drawdown) << '\t' << m.trades << '\t' << number(m.win_rate) << '\t'
        << number(m.profit_factor) << '\t' << m.final_equity.to_string() << '\n';
  }
  std::cout << out.str();
  return kExitOk;
}

int run(const BacktestOptions& options) {
  BacktestPlan plan;
  plan.strategy = options.strategy;
  const bool synthetic = options.synthetic > 0;
  if (synthetic == !options.data.empty()) {
    std::cerr << "ibtrade backtest: give either --data FILE (one or more) or --synthetic N with "
                 "--from and --to\n";
    return kExitUsage;
  }
  if (options.symbol && options.data.size() > 1) {
    std::cerr << "ibtrade backtest: --symbol names the bars of a single --data file\n";
    return kExitUsage;
  }
  auto cash = Money::parse(options.cash);
  if (!cash || !cash->is_positive()) {
    std::cerr << "ibtrade backtest: --cash must be a positive amount, got \"" << options.cash
              << "\"\n";
    return kExitUsage;
  }
  plan.cash = *cash;
  plan.commission = options.commission == "none"     ? CommissionPlan::kNone
                    : options.commission == "tiered" ? CommissionPlan::kTiered
                                                     : CommissionPlan::kFixed;
  plan.fill_at_close = options.fill == "close";
  plan.data_files = options.data;
  plan.symbol = options.symbol;
  plan.adjusted = options.adjusted;
  plan.skip_bad = options.skip_bad;
  plan.seed = options.seed;
  auto params = parse_params(options.params);
  if (!params) {
    std::cerr << "ibtrade backtest: " << params.error().message << "\n";
    return kExitUsage;
  }

  std::optional<TradingCalendar> calendar;
  try {
    plan.zone = date::locate_zone(options.tz);
  } catch (const std::exception& e) {
    std::cerr << "ibtrade backtest: --tz " << options.tz << ": " << e.what() << "\n";
    return kExitUsage;
  }
  if (synthetic) {
    auto from = parse_iso_date(options.from);
    auto to = parse_iso_date(options.to);
    if (!from || !to) {
      std::cerr << "ibtrade backtest: --synthetic needs --from and --to as YYYY-MM-DD\n";
      return kExitUsage;
    }
    if (date::sys_days{*to} < date::sys_days{*from}) {
      std::cerr << "ibtrade backtest: --to is before --from\n";
      return kExitUsage;
    }
    auto made = make_market_calendar(CalendarConfig{});
    if (!made) {
      std::cerr << "ibtrade backtest: " << made.error().message << "\n";
      return kExitFailure;
    }
    calendar.emplace(std::move(*made));
    if (!calendar->covers(*from) || !calendar->covers(*to)) {
      std::cerr << "ibtrade backtest: the trading calendar covers "
                << static_cast<int>(calendar->holidays().first_year()) << "-"
                << static_cast<int>(calendar->holidays().last_year()) << " only\n";
      return kExitUsage;
    }
    plan.from = *from;
    plan.to = *to;
    plan.synthetic_symbols = options.synthetic;
    plan.calendar = &*calendar;
  }
  if (options.candidates) {
    auto text = read_file(*options.candidates);
    if (!text) {
      std::cerr << "ibtrade backtest: " << text.error().message << "\n";
      return kExitInput;
    }
    auto candidates = strategies::parse_candidates_csv(*text, *options.candidates);
    if (!candidates) {
      std::cerr << "ibtrade backtest: " << candidates.error().message << "\n";
      return kExitInput;
    }
    plan.candidates = std::move(*candidates);
  }
  // Parameters are checked up front: a bad one is a usage error, not a failed run.
  if (options.grid.empty()) {
    strategies::StrategyInputs inputs{plan.calendar, plan.candidates};
    if (auto checked = strategies::make_strategy(plan.strategy, *params, inputs); !checked) {
      std::cerr << "ibtrade backtest: " << checked.error().message << "\n";
      return kExitUsage;
    }
  }
  return options.grid.empty() ? run_single(plan, *params, options)
                              : run_grid(plan, *params, options);
}

}  // namespace

void add_backtest_command(CLI::App& app, Commands& commands) {
  auto* cli = app.add_subcommand(
      "backtest",
      "Run a strategy over CSV history or the synthetic market through the engine and the "
      "simulated venue; print the metrics, write a report, or sweep a parameter grid");
  auto options = std::make_shared<BacktestOptions>();
  std::string names;
  for (std::string_view name : strategies::strategy_names()) {
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  std::vector<std::string> choices;
  for (std::string_view name : strategies::strategy_names())
    choices.emplace_back(name);
  cli->add_option("--strategy", options->strategy, "Strategy: " + names)
      ->required()
      ->check(CLI::IsMember(choices));
  cli->add_option("--data", options->data, "Bar CSV file, one per symbol (repeatable)")
      ->type_name("FILE");
  cli->add_option("--synthetic", options->synthetic,
                  "Generate N synthetic symbols of 1-minute bars instead of reading files")
      ->type_name("N")
      ->check(CLI::Range(1, 5000));
  cli->add_option("--from", options->from, "First session of the synthetic market (YYYY-MM-DD)")
      ->type_name("DATE");
  cli->add_option("--to", options->to, "Last session of the synthetic market (YYYY-MM-DD)")
      ->type_name("DATE");
  cli->add_option("--seed", options->seed, "Seed of the synthetic market and the venue")
      ->type_name("N");
  cli->add_option("--symbol", options->symbol,
                  "Symbol of a single --data file (default: from the file name)")
      ->type_name("SYM");
  cli->add_option("--tz", options->tz, "Time zone of the CSV timestamps (default America/New_York)")
      ->type_name("ZONE");
  cli->add_flag("--adjusted", options->adjusted, "Yahoo files: use Adj Close-adjusted prices");
  cli->add_flag("--skip-bad", options->skip_bad, "Skip and count malformed CSV rows");
  cli->add_option("--cash", options->cash, "Starting cash (default 100000)")->type_name("X");
  cli->add_option("--commission", options->commission, "none, fixed or tiered (default fixed)")
      ->check(CLI::IsMember({"none", "fixed", "tiered"}));
  cli->add_option("--fill", options->fill,
                  "next-open (orders meet the next bar) or close (fill at the signal bar's close)")
      ->check(CLI::IsMember({"next-open", "close"}));
  cli->add_option("--param", options->params, "Strategy parameter key=value (repeatable)")
      ->type_name("K=V");
  cli->add_option("--candidates", options->candidates,
                  "fundamental: CSV of date,symbol[,score] to buy from")
      ->type_name("FILE");
  cli->add_option("--report", options->report, "Write report.json and report.html into DIR")
      ->type_name("DIR");
  cli->add_option("--grid", options->grid,
                  "Sweep a parameter: name=from:to:step or name=a,b,c (repeatable)")
      ->type_name("SPEC");
  cli->add_option("--sort", options->sort, "Grid: sort rows by this metric (default sharpe)")
      ->check(CLI::IsMember({"sharpe", "sortino", "return", "cagr", "drawdown", "profit-factor",
                             "win-rate", "trades"}));
  cli->add_option("--jobs", options->jobs, "Grid: parallel runs (default: every core)")
      ->type_name("N");
  cli->add_flag("--no-progress", options->no_progress, "Never draw the progress bar");
  commands.push_back(Command{cli, /*needs_config=*/false,
                             [options](const CommandContext&) { return run(*options); }});
}

}  // namespace ibtrade::app
