#include "adapters/store/migrations.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace ibtrade::store {
namespace {

constexpr const char* kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT NOT NULL PRIMARY KEY,"
    " name VARCHAR(200) NOT NULL,"
    " applied_ns BIGINT NOT NULL)";

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

DbError migration_error(const Migration& m, const DbError& cause) {
  return db_error(DbErrorKind::kMigration, "migration " + std::to_string(m.version) + " (" +
                                               std::string(m.name) + ") failed: " + cause.message);
}

// Runs one migration and records it. On SQLite the whole migration is one transaction that
// first re-checks the version, so two processes starting together apply it once. On MySQL,
// DDL commits implicitly: the caller holds an advisory lock instead.
DbStatus apply(Database& db, const Migration& m) {
  const bool sqlite = db.dialect() == Dialect::kSqlite;
  Transaction tx(db);
  if (sqlite) {
    if (DbStatus s = tx.begin(); !s.ok()) return s;
  }
  auto done = db.query("SELECT COUNT(*) FROM schema_migrations WHERE version = ?", {m.version});
  if (!done.ok()) return done.error();
  if ((*done)[0].int64(0) > 0) return {};
  for (const std::string& statement : translate(m, db.dialect())) {
    if (auto r = db.execute(statement, {}); !r.ok()) return migration_error(m, r.error());
  }
  auto recorded =
      db.execute("INSERT INTO schema_migrations (version, name, applied_ns) VALUES (?, ?, ?)",
                 {m.version, std::string(m.name), now_ns()});
  if (!recorded.ok()) return migration_error(m, recorded.error());
  if (sqlite) return tx.commit();
  return {};
}

// "name VARCHAR(n)" -> "name VARCHAR(n) CONSTRAINT len_name CHECK (length(name) <= n)".
// Written out rather than with <regex>, which GCC 12 warns about under the sanitizer build.
std::string with_length_checks(const std::string& sql) {
  static constexpr std::string_view kType = " VARCHAR(";
  std::string out;
  std::size_t done = 0;
  for (std::size_t at = sql.find(kType); at != std::string::npos; at = sql.find(kType, at + 1)) {
    std::size_t name_start = at;
    while (name_start > 0 && (std::isalnum(static_cast<unsigned char>(sql[name_start - 1])) != 0 ||
                              sql[name_start - 1] == '_')) {
      --name_start;
    }
    const std::size_t digits = at + kType.size();
    std::size_t close = digits;
    while (close < sql.size() && std::isdigit(static_cast<unsigned char>(sql[close])) != 0)
      ++close;
    if (name_start == at || close == digits || close >= sql.size() || sql[close] != ')') continue;
    const std::string name = sql.substr(name_start, at - name_start);
    const std::string length = sql.substr(digits, close - digits);
    out.append(sql, done, close + 1 - done);
    out += " CONSTRAINT len_" + name + " CHECK (length(" + name + ") <= " + length + ")";
    done = close + 1;
  }
  out.append(sql, done, std::string::npos);
  return out;
}

}  // namespace

int latest_version() {
  return migrations().back().version;
}

std::vector<std::string> translate(const Migration& migration, Dialect dialect) {
  std::string sql(migration.sql);
  if (dialect == Dialect::kSqlite) {
    replace_all(sql, "{{ID}}", "INTEGER PRIMARY KEY AUTOINCREMENT");
    replace_all(sql, "{{TABLE}}", "");
    // SQLite ignores VARCHAR(n); a named CHECK makes a too-long string fail as on MySQL.
    sql = with_length_checks(sql);
  } else {
    replace_all(sql, "{{ID}}", "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY");
    // Binary collation: symbols and ids compare exactly, as on SQLite.
    replace_all(sql, "{{TABLE}}", " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }
  std::vector<std::string> statements;
  std::size_t start = 0;
  while (start < sql.size()) {
    std::size_t end = sql.find(";\n", start);
    if (end == std::string::npos) end = sql.size();
    std::string statement = sql.substr(start, end - start);
    if (statement.find_first_not_of(" \n\t") != std::string::npos) {
      statements.push_back(std::move(statement));
    }
    start = end + 2;
  }
  return statements;
}

DbResult<int> schema_version(Database& db) {
  if (auto r = db.execute(kCreateVersionTable, {}); !r.ok()) return r.error();
  auto rows = db.query("SELECT MAX(version) FROM schema_migrations", {});
  if (!rows.ok()) return rows.error();
  if (rows->empty() || (*rows)[0].is_null(0)) return 0;
  return static_cast<int>((*rows)[0].int64(0));
}

DbResult<std::vector<MigrationStatus>> migration_status(Database& db) {
  if (auto r = db.execute(kCreateVersionTable, {}); !r.ok()) return r.error();
  auto rows = db.query("SELECT version, name, applied_ns FROM schema_migrations", {});
  if (!rows.ok()) return rows.error();
  std::vector<MigrationStatus> out;
  for (const Migration& m : migrations())
    out.push_back({m.version, std::string(m.name), {}});
  for (const Row& row : *rows) {
    const int version = static_cast<int>(row.int64(0));
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const MigrationStatus& s) { return s.version == version; });
    if (it == out.end()) {
      out.push_back({version, row.text(1) + " (unknown to this binary)", row.int64(2)});
    } else {
      it->applied_ns = row.int64(2);
    }
  }
  std::sort(out.begin(), out.end(), [](const MigrationStatus& a, const MigrationStatus& b) {
    return a.version < b.version;
  });
  return out;
}

DbResult<int> migrate(Database& db, std::optional<int> target) {
  const bool mysql = db.dialect() == Dialect::kMysql;
  if (mysql) {
    // One migrating process at a time per server; released below or when the session ends.
    auto lock = db.query("SELECT GET_LOCK('ibtrade_migrate', 60)", {});
    if (!lock.ok()) return lock.error();
    if ((*lock)[0].is_null(0) || (*lock)[0].int64(0) != 1) {
      return db_error(DbErrorKind::kBusy, "another process is migrating the store");
    }
  }
  auto release = [&] {
    if (mysql) (void)db.query("SELECT RELEASE_LOCK('ibtrade_migrate')", {});
  };
  auto version = schema_version(db);
  if (!version.ok()) {
    release();
    return version.error();
  }
  if (*version > latest_version()) {
    release();
    return db_error(DbErrorKind::kMigration,
                    "the store's schema version " + std::to_string(*version) +
                        " is newer than this binary's " + std::to_string(latest_version()) +
                        "; upgrade ibtrade");
  }
  int applied = 0;
  for (const Migration& m : migrations()) {
    if (m.version <= *version) continue;
    if (target && m.version > *target) break;
    if (DbStatus s = apply(db, m); !s.ok()) {
      release();
      return s.error();
    }
    ++applied;
  }
  release();
  return applied;
}

}  // namespace ibtrade::store
