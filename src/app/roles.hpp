// The roles of ibtrade (one process each in production) and what `ibtrade up` does with them.
// Runs on the main thread.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "app/config.hpp"
#include "core/calendar/trading_calendar.hpp"
#include "core/result.hpp"
#include "services/sim/sim_server.hpp"

namespace ibtrade::app {

struct RoleInfo {
  std::string_view name;  // as on the command line: "gateway", "screener earnings", ...
  std::string_view purpose;
  bool available;  // built into this binary and startable by `up`
};

// Every role of the architecture, in start order.
const std::vector<RoleInfo>& roles();

// The simulator's options from the configuration: tws.port and the sim.* keys.
sim::SimOptions sim_options_from(const Config& config);
// Builds and starts `ibtrade sim` with the NASDAQ-shaped routes on its HTTP port. `calendar` must
// outlive the server. Call block_stop_signals() first, so its threads leave the signals to us.
Result<std::unique_ptr<sim::SimServer>> start_sim(const TradingCalendar& calendar,
                                                  const sim::SimOptions& options);

// Blocks SIGINT and SIGTERM in this thread and every thread started after it, so that
// wait_for_stop_signal() receives them. Call on the main thread before starting any role.
void block_stop_signals();
// Waits for SIGINT or SIGTERM; returns the signal number.
int wait_for_stop_signal();

// Prints the plan (mode, broker, store, market session) and starts the available roles; returns
// the process exit code.
int run_up(const Config& config, std::ostream& out);

}  // namespace ibtrade::app
