#include "app/store_connection.hpp"

#include <filesystem>

#include "adapters/store/open.hpp"

namespace ibtrade::app {

store::StoreUrl configured_store_url(const StoreConfig& config) {
  store::StoreUrl url;
  if (config.backend == StoreBackend::kSqlite) {
    url.dialect = store::Dialect::kSqlite;
    url.sqlite_path = config.sqlite_path;
  } else {
    url.dialect = store::Dialect::kMysql;
    url.mysql.user = config.mysql_user;
    url.mysql.host = config.mysql_host;
    url.mysql.port = config.mysql_port;
    url.mysql.database = config.mysql_database;
  }
  return url;
}

store::DbResult<std::unique_ptr<store::Database>> connect_configured_store(const Config& config) {
  const store::StoreUrl url = configured_store_url(config.store);
  if (url.dialect == store::Dialect::kSqlite) {
    const auto parent = std::filesystem::path(url.sqlite_path).parent_path();
    std::error_code ignored;
    if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
    return store::connect(url);
  }
  return store::connect(url, config.store.mysql_password.reveal());
}

}  // namespace ibtrade::app
