#include "adapters/store/mysql_database.hpp"

#include <mutex>
#include <vector>

#include <mysql.h>

namespace ibtrade::store {
namespace {

// Server and client error numbers we classify (mysqld_error.h, errmsg.h, MariaDB's 4025).
constexpr unsigned kErDupEntry = 1062;
constexpr unsigned kErBadNull = 1048;
constexpr unsigned kErNoReferencedRow = 1452;
constexpr unsigned kErRowIsReferenced = 1451;
constexpr unsigned kErDataTooLong = 1406;
constexpr unsigned kErOutOfRange = 1264;
constexpr unsigned kErDataOutOfRange = 1690;
constexpr unsigned kErTruncatedValue = 1366;
constexpr unsigned kErLockWaitTimeout = 1205;
constexpr unsigned kErLockDeadlock = 1213;
constexpr unsigned kErCheckMysql = 3819;
constexpr unsigned kErCheckMariadb = 4025;

DbErrorKind classify(unsigned code, std::string_view message) {
  switch (code) {
    case kErDupEntry:
    case kErBadNull:
    case kErNoReferencedRow:
    case kErRowIsReferenced:
      return DbErrorKind::kConstraint;
    case kErDataTooLong:
      return DbErrorKind::kTooLong;
    case kErOutOfRange:
    case kErDataOutOfRange:
    case kErTruncatedValue:
      return DbErrorKind::kOutOfRange;
    case kErLockWaitTimeout:
    case kErLockDeadlock:
      return DbErrorKind::kBusy;
    case kErCheckMysql:
    case kErCheckMariadb:
      // Our CHECK constraints are named len_<column> and range_<column>.
      if (message.find("len_") != std::string_view::npos) return DbErrorKind::kTooLong;
      if (message.find("range_") != std::string_view::npos) return DbErrorKind::kOutOfRange;
      return DbErrorKind::kConstraint;
    default:
      // 2000..2999 are client errors: cannot connect, server gone away, lost connection.
      if (code >= 2000 && code < 3000) return DbErrorKind::kConnection;
      return DbErrorKind::kOther;
  }
}

DbError stmt_error(st_mysql_stmt* stmt, std::string_view sql) {
  std::string message = mysql_stmt_error(stmt);
  DbErrorKind kind = classify(mysql_stmt_errno(stmt), message);
  return db_error(kind, "\"" + std::string(sql) + "\": " + message);
}

bool is_integer(enum_field_types type) {
  switch (type) {
    case MYSQL_TYPE_TINY:
    case MYSQL_TYPE_SHORT:
    case MYSQL_TYPE_INT24:
    case MYSQL_TYPE_LONG:
    case MYSQL_TYPE_LONGLONG:
      return true;
    default:
      return false;
  }
}

}  // namespace

DbResult<std::unique_ptr<MysqlDatabase>> MysqlDatabase::open(const MysqlTarget& target) {
  static std::once_flag init_once;
  std::call_once(init_once, [] { mysql_library_init(0, nullptr, nullptr); });
  MYSQL* raw = mysql_init(nullptr);
  if (raw == nullptr) return db_error(DbErrorKind::kConnection, "mysql_init: out of memory");
  std::unique_ptr<MysqlDatabase> db(new MysqlDatabase(raw));
  unsigned timeout = 5;
  mysql_options(raw, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
  mysql_options(raw, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  const std::string where =
      target.socket.empty() ? target.host + ":" + std::to_string(target.port) : target.socket;
  if (mysql_real_connect(raw, target.socket.empty() ? target.host.c_str() : "localhost",
                         target.user.c_str(), target.password.c_str(), target.database.c_str(),
                         static_cast<unsigned>(target.port),
                         target.socket.empty() ? nullptr : target.socket.c_str(), 0) == nullptr) {
    // The message names user, host and database; the password never appears in it.
    return db_error(DbErrorKind::kConnection, "cannot connect to MySQL " + target.user + "@" +
                                                  where + "/" + target.database + ": " +
                                                  mysql_error(raw));
  }
  // Strict mode turns silent truncation into errors; UTC so that nothing depends on the host.
  for (const char* sql : {"SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                          "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'",
                          "SET time_zone = '+00:00'", "SET autocommit = 1"}) {
    if (DbStatus s = db->simple(sql); !s.ok()) return s.error();
  }
  return db;
}

MysqlDatabase::~MysqlDatabase() {
  for (auto& [sql, stmt] : statements_)
    mysql_stmt_close(stmt);
  mysql_close(db_);
}

DbStatus MysqlDatabase::simple(const char* sql) {
  if (mysql_query(db_, sql) != 0) {
    std::string message = mysql_error(db_);
    return db_error(classify(mysql_errno(db_), message),
                    "\"" + std::string(sql) + "\": " + message);
  }
  return {};
}

DbResult<st_mysql_stmt*> MysqlDatabase::run(std::string_view sql, const Params& params) {
  std::string key(sql);
  MYSQL_STMT* stmt = nullptr;
  if (auto it = statements_.find(key); it != statements_.end()) {
    stmt = it->second;
  } else {
    stmt = mysql_stmt_init(db_);
    if (stmt == nullptr) return db_error(DbErrorKind::kOther, "mysql_stmt_init: out of memory");
    if (mysql_stmt_prepare(stmt, key.c_str(), key.size()) != 0) {
      DbError error = stmt_error(stmt, sql);
      mysql_stmt_close(stmt);
      return error;
    }
    my_bool update_max = 1;  // lets query() size text buffers from the stored result
    mysql_stmt_attr_set(stmt, STMT_ATTR_UPDATE_MAX_LENGTH, &update_max);
    statements_.emplace(key, stmt);
  }
  if (params.size() != mysql_stmt_param_count(stmt)) {
    return db_error(DbErrorKind::kOther, "wrong number of parameters for \"" + key + "\"");
  }
  std::vector<MYSQL_BIND> binds(params.size());
  std::vector<long long> ints(params.size());
  std::vector<unsigned long> lengths(params.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    MYSQL_BIND& b = binds[i];
    const Value& v = params[i];
    if (v.is_null()) {
      b.buffer_type = MYSQL_TYPE_NULL;
    } else if (v.is_int()) {
      ints[i] = v.as_int();
      b.buffer_type = MYSQL_TYPE_LONGLONG;
      b.buffer = &ints[i];
    } else {
      lengths[i] = v.as_text().size();
      b.buffer_type = MYSQL_TYPE_STRING;
      b.buffer = const_cast<char*>(v.as_text().data());
      b.buffer_length = lengths[i];
      b.length = &lengths[i];
    }
  }
  if (!binds.empty() && mysql_stmt_bind_param(stmt, binds.data()) != 0) {
    return stmt_error(stmt, sql);
  }
  if (mysql_stmt_execute(stmt) != 0) return stmt_error(stmt, sql);
  last_insert_id_ = static_cast<std::int64_t>(mysql_stmt_insert_id(stmt));
  return stmt;
}

DbResult<std::int64_t> MysqlDatabase::execute(std::string_view sql, const Params& params) {
  auto stmt = run(sql, params);
  if (!stmt.ok()) return stmt.error();
  const auto changed = static_cast<std::int64_t>(mysql_stmt_affected_rows(*stmt));
  mysql_stmt_free_result(*stmt);
  return changed;
}

DbResult<Rows> MysqlDatabase::query(std::string_view sql, const Params& params) {
  auto stmt = run(sql, params);
  if (!stmt.ok()) return stmt.error();
  MYSQL_RES* meta = mysql_stmt_result_metadata(*stmt);
  Rows rows;
  if (meta == nullptr) return rows;  // a statement without a result set
  if (mysql_stmt_store_result(*stmt) != 0) {
    mysql_free_result(meta);
    return stmt_error(*stmt, sql);
  }
  const unsigned columns = mysql_num_fields(meta);
  MYSQL_FIELD* fields = mysql_fetch_fields(meta);
  std::vector<MYSQL_BIND> binds(columns);
  std::vector<long long> ints(columns);
  std::vector<std::vector<char>> texts(columns);
  std::vector<unsigned long> lengths(columns);
  std::vector<my_bool> nulls(columns);
  for (unsigned c = 0; c < columns; ++c) {
    MYSQL_BIND& b = binds[c];
    b.is_null = &nulls[c];
    b.length = &lengths[c];
    if (is_integer(fields[c].type)) {
      b.buffer_type = MYSQL_TYPE_LONGLONG;
      b.buffer = &ints[c];
      b.is_unsigned = 0;
    } else {
      texts[c].resize(fields[c].max_length + 1);
      b.buffer_type = MYSQL_TYPE_STRING;
      b.buffer = texts[c].data();
      b.buffer_length = texts[c].size();
    }
  }
  mysql_free_result(meta);
  if (mysql_stmt_bind_result(*stmt, binds.data()) != 0) {
    DbError error = stmt_error(*stmt, sql);
    mysql_stmt_free_result(*stmt);
    return error;
  }
  int rc = 0;
  while ((rc = mysql_stmt_fetch(*stmt)) == 0) {
    Row row;
    row.values.reserve(columns);
    for (unsigned c = 0; c < columns; ++c) {
      if (nulls[c]) {
        row.values.emplace_back();
      } else if (binds[c].buffer_type == MYSQL_TYPE_LONGLONG) {
        row.values.emplace_back(static_cast<std::int64_t>(ints[c]));
      } else {
        row.values.emplace_back(std::string(texts[c].data(), lengths[c]));
      }
    }
    rows.push_back(std::move(row));
  }
  DbError error;
  const bool failed = rc == 1;
  if (failed) error = stmt_error(*stmt, sql);
  mysql_stmt_free_result(*stmt);
  if (failed) return error;
  if (rc == MYSQL_DATA_TRUNCATED) {
    return db_error(DbErrorKind::kOther, "\"" + std::string(sql) + "\": result truncated");
  }
  return rows;
}

DbStatus MysqlDatabase::begin() {
  return simple("START TRANSACTION");
}

DbStatus MysqlDatabase::commit() {
  return simple("COMMIT");
}

DbStatus MysqlDatabase::rollback() {
  return simple("ROLLBACK");
}

}  // namespace ibtrade::store
