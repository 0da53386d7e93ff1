#include "adapters/store/open.hpp"

#include <cstdlib>

#include "adapters/store/migrations.hpp"
#include "adapters/store/sqlite_database.hpp"

namespace ibtrade::store {

DbResult<std::unique_ptr<Database>> connect(const StoreUrl& url,
                                            std::optional<std::string> password) {
  if (url.dialect == Dialect::kSqlite) {
    auto db = SqliteDatabase::open(url.sqlite_path);
    if (!db.ok()) return db.error();
    return std::unique_ptr<Database>(std::move(db).value());
  }
  MysqlTarget target = url.mysql;
  if (password) {
    target.password = std::move(*password);
  } else if (const char* env = std::getenv(  // NOLINT(concurrency-mt-unsafe): nothing sets it
                 kMysqlPasswordVariable)) {
    target.password = env;
  }
  auto db = MysqlDatabase::open(target);
  if (!db.ok()) return db.error();
  return std::unique_ptr<Database>(std::move(db).value());
}

DbResult<std::unique_ptr<Database>> connect(std::string_view url) {
  auto parsed = parse_store_url(url);
  if (!parsed.ok()) return db_error(DbErrorKind::kConnection, parsed.error().message);
  return connect(*parsed);
}

DbResult<std::unique_ptr<Database>> open_store(std::string_view url) {
  auto db = connect(url);
  if (!db.ok()) return db;
  if (auto applied = migrate(**db); !applied.ok()) return applied.error();
  return db;
}

}  // namespace ibtrade::store
