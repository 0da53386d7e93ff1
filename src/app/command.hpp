// What every subcommand gets: the global options, and (for commands that need it) the loaded
// configuration. Commands register themselves in cli.cpp; each lives in app/commands/.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli.hpp"
#include "app/config.hpp"

namespace ibtrade::app {

struct GlobalOptions {
  std::string config_path = "config/ibtrade.toml";
  std::vector<std::string> overrides;  // --set section.key=value, applied after the environment
  std::optional<std::string> log_format;
  std::optional<std::string> log_level;
};

struct CommandContext {
  const GlobalOptions& options;
  const Config* config = nullptr;  // set only for commands registered with needs_config
};

struct Command {
  CLI::App* cli = nullptr;
  bool needs_config = true;
  std::function<int(const CommandContext&)> run;
};

using Commands = std::vector<Command>;

void add_version_command(CLI::App& app, Commands& commands);
void add_up_command(CLI::App& app, Commands& commands);
void add_config_command(CLI::App& app, Commands& commands);
void add_indicators_command(CLI::App& app, Commands& commands);
void add_backtest_command(CLI::App& app, Commands& commands);
void add_db_command(CLI::App& app, Commands& commands);
void add_sim_command(CLI::App& app, Commands& commands);

}  // namespace ibtrade::app
