#include "app/roles.hpp"

#include <csignal>

#include <spdlog/spdlog.h>

#include "adapters/store/migrations.hpp"
#include "adapters/system/live_clock.hpp"
#include "app/cli.hpp"
#include "app/market_calendar.hpp"
#include "app/store_connection.hpp"
#include "services/sim_nasdaq/nasdaq_routes.hpp"

namespace ibtrade::app {

const std::vector<RoleInfo>& roles() {
  // `available` turns true as each role is built; `up` starts only those.
  static const std::vector<RoleInfo> all{
      {"sim", "IB Gateway stand-in (TWS protocol) and NASDAQ-shaped API on loopback", true},
      {"gateway", "the single broker connection: pacing, market data, order routing", false},
      {"backend", "dashboard API, authentication and web files", false},
      {"screener fundamental", "top gainers -> fundamentals -> sigma filter -> candidates", false},
      {"screener earnings", "next week's earnings calendar, classified", false},
      {"strategy fundamental", "long-only entries on fresh candidates", false},
      {"strategy macd-vwap", "intraday long/short on the watchlist", false},
      {"notifier", "durable outbox -> webhooks", false},
  };
  return all;
}

sim::SimOptions sim_options_from(const Config& config) {
  sim::SimOptions o;
  o.host = "127.0.0.1";  // loopback only: the simulator is for this machine's processes
  o.port = static_cast<std::uint16_t>(config.tws.port);
  o.http_port = static_cast<std::uint16_t>(config.sim.http_port);
  o.seed = static_cast<std::uint64_t>(config.sim.seed);
  o.symbols = static_cast<std::size_t>(config.sim.symbols);
  o.speed = static_cast<double>(config.sim.speed);
  if (!config.sim.from.empty()) o.from = *parse_iso_date(config.sim.from);  // validated on load
  o.account = config.sim.account;
  return o;
}

Result<std::unique_ptr<sim::SimServer>> start_sim(const TradingCalendar& calendar,
                                                  const sim::SimOptions& options) {
  std::unique_ptr<sim::SimServer> server;
  try {
    server = std::make_unique<sim::SimServer>(calendar, options);
  } catch (const std::exception& e) {
    return Error{std::string("sim: ") + e.what()};
  }
  // The NASDAQ-shaped earnings API shares the simulator's HTTP port, market and clock.
  sim::SimServer* raw = server.get();
  services::sim_nasdaq::mount_nasdaq_routes(server->http(), server->market(),
                                            [raw] { return raw->market_now(); });
  if (Status started = server->start(); !started.ok()) return started.error();
  return server;
}

void block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int wait_for_stop_signal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int signal = 0;
  while (sigwait(&set, &signal) != 0) {
  }
  return signal;
}

int run_up(const Config& config, std::ostream& out) {
  out << "ibtrade up\n"
      << "  trading mode : " << to_string(config.trading.mode)
      << (config.trading.mode == TradingMode::kPaper ? " (no real orders)" : " (REAL MONEY)")
      << "\n"
      << "  broker       : "
      << (config.sim.enabled ? "simulator (ibtrade sim) at " : "TWS/IB Gateway at ")
      << config.tws.host << ":" << config.tws.port << " client id " << config.tws.client_id << "\n"
      << "  store        : " << to_string(config.store.backend) << " "
      << (config.store.backend == StoreBackend::kSqlite
              ? config.store.sqlite_path
              : config.store.mysql_user + "@" + config.store.mysql_host + ":" +
                    std::to_string(config.store.mysql_port) + "/" + config.store.mysql_database)
      << "\n";

  // Every role needs the store at the current schema: migrations run here, before any starts.
  auto db = connect_configured_store(config);
  if (!db.ok()) {
    spdlog::error("up: store: {}", db.error().to_error().message);
    return kExitFailure;
  }
  auto applied = store::migrate(**db);
  if (!applied.ok()) {
    spdlog::error("up: store: {}", applied.error().to_error().message);
    return kExitFailure;
  }
  out << "  schema       : version " << store::latest_version()
      << (*applied > 0 ? " (" + std::to_string(*applied) + " migration(s) applied now)"
                       : " (up to date)")
      << "\n";

  auto calendar = make_market_calendar(config.calendar);
  if (!calendar.ok()) {
    spdlog::error("up: {}", calendar.error().message);
    return kExitConfig;
  }
  out << "  market       : " << describe_market(*calendar, LiveClock{}.now()) << "\n";

  // Before any role starts a thread, so that SIGINT/SIGTERM reach wait_for_stop_signal().
  block_stop_signals();
  std::unique_ptr<sim::SimServer> sim_server;
  std::size_t started = 0;
  out << "  roles:\n";
  for (const RoleInfo& role : roles()) {
    const bool disabled = role.name == "sim" && !config.sim.enabled;
    if (role.available && !disabled && role.name == "sim") {
      auto server = start_sim(*calendar, sim_options_from(config));
      if (!server.ok()) {
        spdlog::error("up: {}", server.error().message);
        return kExitFailure;
      }
      sim_server = std::move(*server);
    }
    out << "    "
        << (!role.available ? "[not available] "
            : disabled      ? "[disabled]      "
                            : "[started]       ")
        << role.name << " - " << role.purpose;
    if (sim_server && role.name == "sim") {
      out << " (SIMULATED, TWS port " << sim_server->port() << ", HTTP port "
          << sim_server->http_port() << ")";
    }
    out << "\n";
    if (role.available && !disabled) ++started;
  }
  if (started == 0) {
    out << "No role is running (none available or all disabled), so ibtrade up exits.\n";
    spdlog::warn("up: no role running; nothing started");
    return kExitOk;
  }
  out << "ibtrade up: running; stop with Ctrl-C or SIGTERM\n" << std::flush;
  const int signal = wait_for_stop_signal();
  spdlog::info("up: signal {} received, stopping", signal);
  if (sim_server) sim_server->stop();
  out << "ibtrade up: stopped\n";
  return kExitOk;
}

}  // namespace ibtrade::app
