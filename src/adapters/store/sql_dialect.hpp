// The few SQL forms that differ between SQLite and MySQL, built once per repository: insert
// that ignores a duplicate natural key, upsert, and row locking for read-modify-write. Pure.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "adapters/store/database.hpp"

namespace ibtrade::store {

// `insert` + a clause that makes a duplicate of `key_columns` change nothing (0 rows changed).
// MySQL's form is ON DUPLICATE KEY UPDATE c = c rather than INSERT IGNORE, which would also
// downgrade too-long strings and other errors to warnings.
std::string insert_or_ignore(Dialect dialect, std::string_view insert, std::string_view key_columns,
                             std::string_view any_column);

// `insert` + a clause that overwrites `update_columns` on a duplicate of `key_columns`.
std::string upsert(Dialect dialect, std::string_view insert, std::string_view key_columns,
                   std::initializer_list<std::string_view> update_columns);

// " FOR UPDATE" on MySQL; nothing on SQLite, whose write transaction already holds the lock.
std::string_view for_update(Dialect dialect);

}  // namespace ibtrade::store
