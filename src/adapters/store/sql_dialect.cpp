#include "adapters/store/sql_dialect.hpp"

namespace ibtrade::store {

std::string insert_or_ignore(Dialect dialect, std::string_view insert, std::string_view key_columns,
                             std::string_view any_column) {
  std::string sql(insert);
  if (dialect == Dialect::kSqlite) {
    sql += " ON CONFLICT (" + std::string(key_columns) + ") DO NOTHING";
  } else {
    sql += " ON DUPLICATE KEY UPDATE " + std::string(any_column) + " = " + std::string(any_column);
  }
  return sql;
}

std::string upsert(Dialect dialect, std::string_view insert, std::string_view key_columns,
                   std::initializer_list<std::string_view> update_columns) {
  std::string sql(insert);
  sql += dialect == Dialect::kSqlite
             ? " ON CONFLICT (" + std::string(key_columns) + ") DO UPDATE SET "
             : std::string(" ON DUPLICATE KEY UPDATE ");
  bool first = true;
  for (std::string_view column : update_columns) {
    if (!first) sql += ", ";
    first = false;
    const std::string c(column);
    sql += dialect == Dialect::kSqlite ? c + " = excluded." + c : c + " = VALUES(" + c + ")";
  }
  return sql;
}

std::string_view for_update(Dialect dialect) {
  return dialect == Dialect::kMysql ? " FOR UPDATE" : "";
}

}  // namespace ibtrade::store
