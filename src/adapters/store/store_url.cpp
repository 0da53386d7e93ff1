#include "adapters/store/store_url.hpp"

#include <charconv>

namespace ibtrade::store {
namespace {

constexpr std::string_view kSqlite = "sqlite://";
constexpr std::string_view kMysql = "mysql://";

Error url_error(std::string_view url, std::string_view why) {
  return make_error("invalid store URL \"" + std::string(url) + "\": " + std::string(why) +
                    " (expected sqlite:///path/ibtrade.db or mysql://user@host:port/database)");
}

}  // namespace

std::string StoreUrl::to_string() const {
  if (dialect == Dialect::kSqlite) return std::string(kSqlite) + sqlite_path;
  std::string url = std::string(kMysql) + mysql.user + "@" + mysql.host;
  if (mysql.socket.empty()) url += ":" + std::to_string(mysql.port);
  url += "/" + mysql.database;
  if (!mysql.socket.empty()) url += "?socket=" + mysql.socket;
  return url;
}

Result<StoreUrl> parse_store_url(std::string_view url) {
  StoreUrl out;
  if (url.starts_with(kSqlite)) {
    out.dialect = Dialect::kSqlite;
    out.sqlite_path = std::string(url.substr(kSqlite.size()));
    if (out.sqlite_path.empty()) return url_error(url, "no file name");
    return out;
  }
  if (!url.starts_with(kMysql)) return url_error(url, "unknown scheme");
  out.dialect = Dialect::kMysql;
  std::string_view rest = url.substr(kMysql.size());
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    std::string_view query = rest.substr(q + 1);
    rest = rest.substr(0, q);
    if (!query.starts_with("socket=") || query.size() == 7) {
      return url_error(url, "the only query parameter is socket=/path");
    }
    out.mysql.socket = std::string(query.substr(7));
  }
  const auto at = rest.find('@');
  if (at == std::string_view::npos || at == 0) return url_error(url, "no user (user@host)");
  std::string_view user = rest.substr(0, at);
  if (user.find(':') != std::string_view::npos) {
    return make_error(
        std::string("invalid store URL: a password must not appear in the URL; set ") +
        kMysqlPasswordVariable + " instead");
  }
  out.mysql.user = std::string(user);
  rest = rest.substr(at + 1);
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos || slash + 1 == rest.size()) {
    return url_error(url, "no database name");
  }
  out.mysql.database = std::string(rest.substr(slash + 1));
  std::string_view host = rest.substr(0, slash);
  if (auto colon = host.rfind(':'); colon != std::string_view::npos) {
    std::string_view port = host.substr(colon + 1);
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value < 1 || value > 65535) {
      return url_error(url, "port must be 1..65535");
    }
    out.mysql.port = value;
    host = host.substr(0, colon);
  }
  if (host.empty()) return url_error(url, "no host");
  out.mysql.host = std::string(host);
  return out;
}

}  // namespace ibtrade::store
