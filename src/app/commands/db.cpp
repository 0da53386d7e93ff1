// `ibtrade db migrate|status`: brings the store named by the [store] section up to date, or
// shows its schema version and each migration (docs/store.md). Main thread only.
#include <iostream>

#include <date/date.h>

#include "adapters/store/migrations.hpp"
#include "adapters/store/open.hpp"
#include "app/command.hpp"
#include "app/store_connection.hpp"

namespace ibtrade::app {
namespace {

std::string format_ns(std::int64_t ns) {
  const auto t = date::floor<std::chrono::seconds>(
      std::chrono::sys_time<std::chrono::nanoseconds>(std::chrono::nanoseconds(ns)));
  return date::format("%F %T UTC", t);
}

int run_migrate(const Config& config) {
  const std::string where = configured_store_url(config.store).to_string();
  auto db = connect_configured_store(config);
  if (!db.ok()) {
    std::cerr << "ibtrade: " << db.error().to_error().message << "\n";
    return kExitFailure;
  }
  auto applied = store::migrate(**db);
  if (!applied.ok()) {
    std::cerr << "ibtrade: " << where << ": " << applied.error().to_error().message << "\n";
    return kExitFailure;
  }
  std::cout << where << ": applied " << *applied << " migration(s); schema version "
            << store::latest_version() << "\n";
  return kExitOk;
}

int run_status(const Config& config) {
  const std::string where = configured_store_url(config.store).to_string();
  auto db = connect_configured_store(config);
  if (!db.ok()) {
    std::cerr << "ibtrade: " << db.error().to_error().message << "\n";
    return kExitFailure;
  }
  auto version = store::schema_version(**db);
  auto status = store::migration_status(**db);
  if (!version.ok() || !status.ok()) {
    const auto& error = !version.ok() ? version.error() : status.error();
    std::cerr << "ibtrade: " << where << ": " << error.to_error().message << "\n";
    return kExitFailure;
  }
  std::cout << where << ": schema version " << *version
            << " (this binary: " << store::latest_version() << ")\n";
  for (const store::MigrationStatus& m : *status) {
    std::cout << "  " << m.version << "  "
              << (m.applied_ns ? "applied " + format_ns(*m.applied_ns) : std::string("pending"))
              << "  " << m.name << "\n";
  }
  return kExitOk;
}

}  // namespace

void add_db_command(CLI::App& app, Commands& commands) {
  auto* cli = app.add_subcommand("db", "Manage the store (schema migrations)");
  cli->require_subcommand(1);
  auto* migrate = cli->add_subcommand("migrate", "Apply every pending schema migration");
  auto* status = cli->add_subcommand("status", "Show the schema version and each migration");
  commands.push_back(Command{
      migrate, true, [](const CommandContext& context) { return run_migrate(*context.config); }});
  commands.push_back(Command{
      status, true, [](const CommandContext& context) { return run_status(*context.config); }});
}

}  // namespace ibtrade::app
