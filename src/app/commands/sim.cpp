// `ibtrade sim`: an IB Gateway stand-in on loopback. Speaks the TWS socket protocol (server
// version 178) over the synthetic market or bars replayed from CSV files, with fault injection
// and the NASDAQ-shaped API on its HTTP port; runs until SIGINT/SIGTERM. docs/sim.md describes
// what it serves.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <date/tz.h>
#include <spdlog/spdlog.h>

#include "app/command.hpp"
#include "app/market_calendar.hpp"
#include "app/roles.hpp"
#include "services/sim/csv_bar_source.hpp"

namespace ibtrade::app {
namespace {

struct SimFlags {
  std::optional<int> port;
  std::optional<int> http_port;
  std::optional<std::uint64_t> seed;
  std::optional<std::size_t> symbols;
  std::optional<double> speed;
  std::optional<std::string> from;
  std::vector<std::string> csv;
  std::optional<std::string> symbol;
  std::string tz = "America/New_York";
};

// Loads the --csv files (the bars' symbol from --symbol or the file name, as `ibtrade backtest`
// names them). An exit code when they cannot be served.
std::optional<int> load_csv(const SimFlags& flags, const TradingCalendar& calendar,
                            sim::SimOptions& options) {
  const date::time_zone* zone = nullptr;
  const date::time_zone* new_york = nullptr;
  try {
    zone = date::locate_zone(flags.tz);
    new_york = date::locate_zone("America/New_York");
  } catch (const std::exception& e) {
    std::cerr << "ibtrade sim: --tz " << flags.tz << ": " << e.what() << "\n";
    return kExitUsage;
  }
  std::vector<sim::CsvInput> inputs;
  for (const std::string& file : flags.csv)
    inputs.push_back(sim::CsvInput{file, flags.symbol, std::nullopt});
  auto source =
      sim::CsvBarSource::load(inputs, sim::CsvLoadOptions{&calendar, new_york, zone}, options.seed);
  if (!source) {
    std::cerr << "ibtrade sim: " << source.error().message << "\n";
    return kExitInput;
  }
  const auto& sessions = (*source)->sessions();
  if (options.from && !sessions.is_trading_day(*options.from) &&
      !sessions.next_trading_day(*options.from)) {
    std::cerr << "ibtrade sim: --from " << to_iso_date(*options.from)
              << " is after the last session of the CSV data (" << to_iso_date(*sessions.last_day())
              << ")\n";
    return kExitUsage;
  }
  options.bars = std::move(*source);
  return std::nullopt;
}

int run_sim(const Config& config, const SimFlags& flags) {
  sim::SimOptions options = sim_options_from(config);
  if (flags.port) options.port = static_cast<std::uint16_t>(*flags.port);
  if (flags.http_port) options.http_port = static_cast<std::uint16_t>(*flags.http_port);
  if (flags.seed) options.seed = *flags.seed;
  if (flags.symbols) options.symbols = *flags.symbols;
  if (flags.speed) options.speed = *flags.speed;
  if (flags.from) {
    auto day = parse_iso_date(*flags.from);
    if (!day.ok()) {
      std::cerr << "ibtrade sim: --from: " << day.error().message << "\n";
      return kExitUsage;
    }
    options.from = *day;
  }
  if (flags.symbol && flags.csv.size() != 1) {
    std::cerr << "ibtrade sim: --symbol names the bars of a single --csv file\n";
    return kExitUsage;
  }
  auto calendar = make_market_calendar(config.calendar);
  if (!calendar.ok()) {
    spdlog::error("sim: {}", calendar.error().message);
    return kExitConfig;
  }
  if (!flags.csv.empty()) {
    // Before anything listens: bad input means nothing is served.
    if (auto failed = load_csv(flags, *calendar, options)) return *failed;
  }
  block_stop_signals();  // before the server starts its threads
  auto server = start_sim(*calendar, options);
  if (!server.ok()) {
    spdlog::error("{}", server.error().message);
    return kExitFailure;
  }
  std::cout << "ibtrade sim: SIMULATED IB Gateway - not a real broker. TWS API on " << options.host
            << ":" << (*server)->port() << " (server version 178), HTTP on port "
            << (*server)->http_port() << ", paper account " << options.account << ", "
            << (*server)->bars().description() << ", speed " << options.speed
            << "x. Stop with Ctrl-C or SIGTERM.\n"
            << std::flush;
  const int signal = wait_for_stop_signal();
  spdlog::info("sim: signal {} received, shutting down", signal);
  (*server)->stop();
  return kExitOk;
}

}  // namespace

void add_sim_command(CLI::App& app, Commands& commands) {
  auto* cli = app.add_subcommand(
      "sim",
      "Run the IB Gateway simulator (TWS protocol, synthetic market or CSV replay, fault "
      "injection)");
  auto flags = std::make_shared<SimFlags>();
  cli->add_option("--port", flags->port, "TWS API port (default: tws.port; 0 = any free port)")
      ->check(CLI::Range(0, 65535));
  cli->add_option("--http-port", flags->http_port,
                  "Fault-injection and NASDAQ API port (default: sim.http_port)")
      ->check(CLI::Range(0, 65535));
  cli->add_option("--seed", flags->seed, "Seed of the synthetic market (default: sim.seed)");
  cli->add_option("--symbols", flags->symbols, "Number of synthetic symbols (default: sim.symbols)")
      ->check(CLI::Range(1, 5000));
  cli->add_option("--speed", flags->speed,
                  "Market seconds per wall second; nights are skipped (default: sim.speed)")
      ->check(CLI::PositiveNumber);
  cli->add_option("--from", flags->from,
                  "First session replayed, YYYY-MM-DD (default: the most recent trading day, or "
                  "the first CSV bar)");
  cli->add_option("--csv", flags->csv,
                  "Replay this bar CSV (Yahoo daily or Date[,Time],OHLCV) instead of the synthetic "
                  "market; one file per symbol (repeatable)")
      ->type_name("FILE");
  cli->add_option("--symbol", flags->symbol,
                  "Symbol of a single --csv file (default: from the file name)")
      ->type_name("SYM");
  cli->add_option("--tz", flags->tz, "Time zone of the CSV timestamps (default America/New_York)")
      ->type_name("ZONE");
  commands.push_back(Command{cli, true, [flags](const CommandContext& context) {
                               return run_sim(*context.config, *flags);
                             }});
}

}  // namespace ibtrade::app
