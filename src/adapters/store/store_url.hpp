// Store URLs: sqlite:///absolute/path.db, sqlite://relative/path.db, sqlite://:memory:, and
// mysql://user@host[:port]/database[?socket=/path]. Passwords never appear in a URL. Pure.
#pragma once

#include <string>
#include <string_view>

#include "adapters/store/database.hpp"
#include "adapters/store/mysql_database.hpp"
#include "core/result.hpp"

namespace ibtrade::store {

// The environment variable that holds the MySQL password.
inline constexpr const char* kMysqlPasswordVariable = "IBTRADE_STORE__MYSQL_PASSWORD";

struct StoreUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string sqlite_path;  // for sqlite
  MysqlTarget mysql;        // for mysql; password left empty

  // The URL again, for logs: it never holds a secret.
  std::string to_string() const;
};

Result<StoreUrl> parse_store_url(std::string_view url);

}  // namespace ibtrade::store
