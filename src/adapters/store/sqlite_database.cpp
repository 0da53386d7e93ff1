#include "adapters/store/sqlite_database.hpp"

#include <string>

#include <sqlite3.h>

namespace ibtrade::store {
namespace {

// Our CHECK constraints are named len_<column> and range_<column> so that both dialects can
// tell a too-long string or an out-of-range number from any other constraint.
DbErrorKind kind_of_check(std::string_view message) {
  if (message.find("len_") != std::string_view::npos) return DbErrorKind::kTooLong;
  if (message.find("range_") != std::string_view::npos) return DbErrorKind::kOutOfRange;
  return DbErrorKind::kConstraint;
}

}  // namespace

DbResult<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr); rc != SQLITE_OK) {
    std::string message = "cannot open SQLite database " + path + ": " +
                          (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
    sqlite3_close(raw);
    return db_error(DbErrorKind::kConnection, message);
  }
  sqlite3_extended_result_codes(raw, 1);
  std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(raw));
  // Wait for another writer for up to 5 s before reporting kBusy.
  sqlite3_busy_timeout(raw, 5000);
  // WAL: readers never block the writer; synchronous=FULL fsyncs the WAL at every commit, so a
  // committed transaction survives a crash or power loss (NORMAL could lose the last commits).
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    auto rows = db->query(pragma, {});
    if (!rows.ok()) {
      return db_error(DbErrorKind::kConnection,
                      "cannot configure SQLite database " + path + ": " + rows.error().message);
    }
  }
  return db;
}

SqliteDatabase::~SqliteDatabase() {
  for (auto& [sql, stmt] : statements_)
    sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

DbError SqliteDatabase::error_from(int code, std::string_view context) const {
  std::string message = std::string(context) + ": " + sqlite3_errmsg(db_);
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_CHECK) return db_error(kind_of_check(message), message);
      return db_error(DbErrorKind::kConstraint, message);
    case SQLITE_TOOBIG:
      return db_error(DbErrorKind::kTooLong, message);
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
      return db_error(DbErrorKind::kOutOfRange, message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return db_error(DbErrorKind::kBusy, message);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
      return db_error(DbErrorKind::kConnection, message);
    default:
      return db_error(DbErrorKind::kOther, message);
  }
}

DbResult<sqlite3_stmt*> SqliteDatabase::prepare(std::string_view sql, const Params& params) {
  std::string key(sql);
  sqlite3_stmt* stmt = nullptr;
  if (auto it = statements_.find(key); it != statements_.end()) {
    stmt = it->second;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  } else {
    int rc = sqlite3_prepare_v2(db_, key.c_str(), static_cast<int>(key.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) return error_from(rc, "cannot prepare \"" + key + "\"");
    statements_.emplace(key, stmt);
  }
  if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
    return db_error(DbErrorKind::kOther, "wrong number of parameters for \"" + key + "\"");
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    const Value& v = params[i];
    int rc = SQLITE_OK;
    if (v.is_null()) {
      rc = sqlite3_bind_null(stmt, index);
    } else if (v.is_int()) {
      rc = sqlite3_bind_int64(stmt, index, v.as_int());
    } else {
      rc = sqlite3_bind_text(stmt, index, v.as_text().data(), static_cast<int>(v.as_text().size()),
                             SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) return error_from(rc, "cannot bind parameter " + std::to_string(index));
  }
  return stmt;
}

DbResult<std::int64_t> SqliteDatabase::execute(std::string_view sql, const Params& params) {
  auto stmt = prepare(sql, params);
  if (!stmt.ok()) return stmt.error();
  int rc = SQLITE_ROW;
  while (rc == SQLITE_ROW)
    rc = sqlite3_step(*stmt);
  if (rc != SQLITE_DONE) {
    DbError error = error_from(sqlite3_extended_errcode(db_), "\"" + std::string(sql) + "\"");
    sqlite3_reset(*stmt);
    return error;
  }
  sqlite3_reset(*stmt);
  return std::int64_t{sqlite3_changes(db_)};
}

DbResult<Rows> SqliteDatabase::query(std::string_view sql, const Params& params) {
  auto stmt = prepare(sql, params);
  if (!stmt.ok()) return stmt.error();
  Rows rows;
  const int columns = sqlite3_column_count(*stmt);
  int rc = 0;
  while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) {
    Row row;
    row.values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(*stmt, c)) {
        case SQLITE_NULL:
          row.values.emplace_back();
          break;
        case SQLITE_INTEGER:
          row.values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(*stmt, c)));
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(*stmt, c));
          row.values.emplace_back(
              std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(*stmt, c))));
        }
      }
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) {
    DbError error = error_from(sqlite3_extended_errcode(db_), "\"" + std::string(sql) + "\"");
    sqlite3_reset(*stmt);
    return error;
  }
  sqlite3_reset(*stmt);
  return rows;
}

std::int64_t SqliteDatabase::last_insert_id() {
  return sqlite3_last_insert_rowid(db_);
}

DbStatus SqliteDatabase::begin() {
  auto r = execute("BEGIN IMMEDIATE", {});
  return r.ok() ? DbStatus{} : DbStatus{r.error()};
}

DbStatus SqliteDatabase::commit() {
  auto r = execute("COMMIT", {});
  return r.ok() ? DbStatus{} : DbStatus{r.error()};
}

DbStatus SqliteDatabase::rollback() {
  if (sqlite3_get_autocommit(db_)) return {};  // SQLite already rolled back (e.g. on SQLITE_FULL)
  auto r = execute("ROLLBACK", {});
  return r.ok() ? DbStatus{} : DbStatus{r.error()};
}

}  // namespace ibtrade::store
