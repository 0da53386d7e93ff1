// Versioned schema migrations: portable SQL per version, translated per dialect, applied in
// order and recorded in schema_migrations. Call from one thread; concurrent processes are safe
// (SQLite: one write transaction per migration; MySQL: an advisory lock).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/store/database.hpp"

namespace ibtrade::store {

struct Migration {
  int version = 0;
  std::string_view name;
  // Statements separated by ";" at the end of a line. Tokens: {{ID}} (auto-increment primary
  // key), {{TABLE}} (MySQL table options). SQLite gets a CHECK per VARCHAR(n) column, since it
  // does not enforce declared lengths.
  std::string_view sql;
};

// Every migration of this binary, by ascending version.
const std::vector<Migration>& migrations();
int latest_version();

// The statements of `migration` as `dialect` runs them.
std::vector<std::string> translate(const Migration& migration, Dialect dialect);

struct MigrationStatus {
  int version = 0;
  std::string name;
  std::optional<std::int64_t> applied_ns;  // unset when pending
};

// Highest applied version (0 for an empty database).
DbResult<int> schema_version(Database& db);
// Known and applied migrations, by version.
DbResult<std::vector<MigrationStatus>> migration_status(Database& db);
// Applies pending migrations up to `target` (default: all); returns how many it applied. Fails
// with kMigration when the database is newer than this binary.
DbResult<int> migrate(Database& db, std::optional<int> target = std::nullopt);

}  // namespace ibtrade::store
