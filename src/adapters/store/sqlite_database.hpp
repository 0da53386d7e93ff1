// Database over an embedded SQLite file: WAL journal, synchronous=FULL (a committed transaction
// survives power loss), 5 s busy timeout, foreign keys on. One connection; one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "adapters/store/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace ibtrade::store {

class SqliteDatabase final : public Database {
 public:
  // `path` is a file name or ":memory:". Creates the file when missing.
  static DbResult<std::unique_ptr<SqliteDatabase>> open(const std::string& path);
  ~SqliteDatabase() override;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }
  DbResult<std::int64_t> execute(std::string_view sql, const Params& params) override;
  DbResult<Rows> query(std::string_view sql, const Params& params) override;
  std::int64_t last_insert_id() override;
  DbStatus begin() override;
  DbStatus commit() override;
  DbStatus rollback() override;

 private:
  explicit SqliteDatabase(sqlite3* db) : db_(db) {}
  DbResult<sqlite3_stmt*> prepare(std::string_view sql, const Params& params);
  DbError error_from(int code, std::string_view context) const;

  sqlite3* db_;
  // Prepared statements by SQL text: repositories reuse a handful of statements many times.
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace ibtrade::store
