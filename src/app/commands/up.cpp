// `ibtrade up`: starts every role this build has on one machine, wired as in production.
// It reports exactly what it started; roles not built yet are listed as such, never faked.
#include <iostream>

#include <spdlog/spdlog.h>

#include "app/command.hpp"
#include "app/roles.hpp"

namespace ibtrade::app {

void add_up_command(CLI::App& app, Commands& commands) {
  auto* cli = app.add_subcommand("up",
                                 "Start every available role on this machine (embedded default: "
                                 "SQLite store, simulator for IB and NASDAQ)");
  commands.push_back(Command{
      cli, true, [](const CommandContext& context) { return run_up(*context.config, std::cout); }});
}

}  // namespace ibtrade::app
