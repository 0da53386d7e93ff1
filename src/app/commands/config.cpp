// `ibtrade config show|check`: the effective configuration (secrets redacted), or just a check.
#include <iostream>

#include "app/command.hpp"

namespace ibtrade::app {

void add_config_command(CLI::App& app, Commands& commands) {
  auto* cli = app.add_subcommand("config", "Inspect the configuration");
  cli->require_subcommand(1);
  auto* show = cli->add_subcommand(
      "show",
      "Print the effective configuration with the origin of every value (secrets redacted)");
  auto* check = cli->add_subcommand("check", "Load and validate the configuration, print nothing");
  commands.push_back(Command{show, true, [](const CommandContext& context) {
                               std::cout << describe(*context.config);
                               return int{kExitOk};
                             }});
  commands.push_back(Command{check, true, [](const CommandContext& context) {
                               std::cout << context.options.config_path << ": ok\n";
                               return int{kExitOk};
                             }});
}

}  // namespace ibtrade::app
