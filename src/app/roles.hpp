// The roles of ibtrade (one process each in production) and what `ibtrade up` does with them.
// Runs on the main thread.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "app/config.hpp"

namespace ibtrade::app {

struct RoleInfo {
  std::string_view name;  // as on the command line: "gateway", "screener earnings", ...
  std::string_view purpose;
  bool available;  // built into this binary and startable by `up`
};

// Every role of the architecture, in start order.
const std::vector<RoleInfo>& roles();

// Prints the plan (mode, broker, store, market session) and starts the available roles; returns
// the process exit code.
int run_up(const Config& config, std::ostream& out);

}  // namespace ibtrade::app
