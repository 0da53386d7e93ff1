// `ibtrade indicators`: placeholder until the indicators module lands (same session).
#include "app/command.hpp"
namespace ibtrade::app {
void add_indicators_command(CLI::App&, Commands&) {}
}  // namespace ibtrade::app
