// `ibtrade version`: the build's version and what it was built with.
#include <iostream>

#include "app/command.hpp"

namespace ibtrade::app {

void add_version_command(CLI::App& app, Commands& commands) {
  auto* cli = app.add_subcommand("version", "Print the ibtrade version and exit");
  commands.push_back(Command{cli, /*needs_config=*/false, [](const CommandContext&) {
                               std::cout << "ibtrade " << IBTRADE_VERSION << " (C++"
                                         << __cplusplus / 100 % 100 << ", " << __VERSION__ << ")\n";
                               return int{kExitOk};
                             }});
}

}  // namespace ibtrade::app
