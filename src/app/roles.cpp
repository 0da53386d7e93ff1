#include "app/roles.hpp"

#include <spdlog/spdlog.h>

#include "adapters/store/migrations.hpp"
#include "adapters/system/live_clock.hpp"
#include "app/cli.hpp"
#include "app/market_calendar.hpp"
#include "app/store_connection.hpp"

namespace ibtrade::app {

const std::vector<RoleInfo>& roles() {
  // `available` turns true as each role is built; `up` starts only those.
  static const std::vector<RoleInfo> all{
      {"sim", "IB Gateway stand-in (TWS protocol) and NASDAQ-shaped API on loopback", false},
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

  std::size_t started = 0;
  out << "  roles:\n";
  for (const RoleInfo& role : roles()) {
    out << "    " << (role.available ? "[started]       " : "[not available] ") << role.name
        << " - " << role.purpose << "\n";
    if (role.available) ++started;
  }
  if (started == 0) {
    out << "No role is available in this build yet, so nothing keeps running; ibtrade up exits.\n";
    spdlog::warn("up: no role available in this build; nothing started");
  }
  return kExitOk;
}

}  // namespace ibtrade::app
