// `ibtrade sim`: an IB Gateway stand-in on loopback. Speaks the TWS socket protocol (server
// version 178) over the synthetic market, with fault injection and the NASDAQ-shaped API on its
// HTTP port; runs until SIGINT/SIGTERM. docs/sim.md describes what it serves.
#include <iostream>
#include <optional>

#include <spdlog/spdlog.h>

#include "app/command.hpp"
#include "app/market_calendar.hpp"
#include "app/roles.hpp"

namespace ibtrade::app {
namespace {

struct SimFlags {
  std::optional<int> port;
  std::optional<int> http_port;
  std::optional<std::uint64_t> seed;
  std::optional<std::size_t> symbols;
  std::optional<double> speed;
  std::optional<std::string> from;
};

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
  auto calendar = make_market_calendar(config.calendar);
  if (!calendar.ok()) {
    spdlog::error("sim: {}", calendar.error().message);
    return kExitConfig;
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
            << options.symbols << " synthetic symbols, seed " << options.seed << ", speed "
            << options.speed << "x. Stop with Ctrl-C or SIGTERM.\n"
            << std::flush;
  const int signal = wait_for_stop_signal();
  spdlog::info("sim: signal {} received, shutting down", signal);
  (*server)->stop();
  return kExitOk;
}

}  // namespace

void add_sim_command(CLI::App& app, Commands& commands) {
  auto* cli = app.add_subcommand(
      "sim", "Run the IB Gateway simulator (TWS protocol, synthetic market, fault injection)");
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
                  "First session replayed, YYYY-MM-DD (default: the most recent trading day)");
  commands.push_back(Command{cli, true, [flags](const CommandContext& context) {
                               return run_sim(*context.config, *flags);
                             }});
}

}  // namespace ibtrade::app
