#include "app/cli.hpp"

#include <iostream>

#include <spdlog/spdlog.h>

#include "app/command.hpp"
#include "app/config.hpp"
#include "app/logging.hpp"

namespace ibtrade::app {

int run_cli(int argc, char** argv) {
  CLI::App app{"ibtrade: automated trading for Interactive Brokers", "ibtrade"};
  app.require_subcommand(1);
  app.fallthrough();

  GlobalOptions options;
  app.add_option("-c,--config", options.config_path, "TOML configuration file")
      ->capture_default_str();
  app.add_option("--set", options.overrides,
                 "Override one setting, section.key=value (repeatable; wins over the file and "
                 "the environment)");
  app.add_option("--log-format", options.log_format, "Log format: human or json")
      ->check(CLI::IsMember({"human", "json"}));
  app.add_option("--log-level", options.log_level,
                 "Log level: trace, debug, info, warn, error, critical, off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
  app.footer(
      "Exit codes: 0 ok, 1 failure, 2 usage, 3 configuration, 4 bad input, 130 interrupted.");

  Commands commands;
  add_version_command(app, commands);
  add_config_command(app, commands);
  add_up_command(app, commands);
  add_indicators_command(app, commands);
  add_backtest_command(app, commands);
  add_db_command(app, commands);
  add_sim_command(app, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  for (const Command& command : commands) {
    if (!command.cli->parsed()) continue;

    Result<Config> config = Config{};
    if (command.needs_config) {
      config = load_config(options.config_path, read_environment(), options.overrides);
      if (!config.ok()) {
        std::cerr << "ibtrade: invalid configuration:\n" << config.error().message << "\n";
        return kExitConfig;
      }
    }
    LogFormat format = config->log.format;
    if (options.log_format)
      format = *options.log_format == "json" ? LogFormat::kJson : LogFormat::kHuman;
    const std::string level = options.log_level.value_or(config->log.level);
    if (Status status = init_logging(format, level); !status.ok()) {
      std::cerr << "ibtrade: " << status.error().message << "\n";
      return kExitConfig;
    }
    CommandContext context{options, command.needs_config ? &config.value() : nullptr};
    return command.run(context);
  }
  return kExitUsage;  // unreachable: CLI11 requires one subcommand
}

}  // namespace ibtrade::app
