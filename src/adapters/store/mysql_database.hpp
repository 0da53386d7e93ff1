// Database over MySQL 8 / MariaDB 10.6+ through MariaDB Connector/C: strict SQL mode, UTC
// session time zone, utf8mb4, InnoDB. One connection; use from one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "adapters/store/database.hpp"

struct st_mysql;
struct st_mysql_stmt;

namespace ibtrade::store {

struct MysqlTarget {
  std::string user;
  std::string host = "127.0.0.1";
  std::int64_t port = 3306;
  std::string database;
  std::string socket;    // unix socket path; used instead of host:port when set
  std::string password;  // from the environment, never from the URL
};

class MysqlDatabase final : public Database {
 public:
  static DbResult<std::unique_ptr<MysqlDatabase>> open(const MysqlTarget& target);
  ~MysqlDatabase() override;
  MysqlDatabase(const MysqlDatabase&) = delete;
  MysqlDatabase& operator=(const MysqlDatabase&) = delete;

  Dialect dialect() const override { return Dialect::kMysql; }
  DbResult<std::int64_t> execute(std::string_view sql, const Params& params) override;
  DbResult<Rows> query(std::string_view sql, const Params& params) override;
  std::int64_t last_insert_id() override { return last_insert_id_; }
  DbStatus begin() override;
  DbStatus commit() override;
  DbStatus rollback() override;

 private:
  explicit MysqlDatabase(st_mysql* db) : db_(db) {}
  // Prepares (or reuses), binds and executes; the caller reads or frees the result.
  DbResult<st_mysql_stmt*> run(std::string_view sql, const Params& params);
  DbStatus simple(const char* sql);

  st_mysql* db_;
  std::unordered_map<std::string, st_mysql_stmt*> statements_;
  std::int64_t last_insert_id_ = 0;
};

}  // namespace ibtrade::store
