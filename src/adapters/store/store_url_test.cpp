#include "adapters/store/store_url.hpp"

#include <gtest/gtest.h>

namespace ibtrade::store {
namespace {

TEST(StoreUrl, SqliteAbsoluteAndRelative) {
  auto abs = parse_store_url("sqlite:///var/lib/ibtrade/ibtrade.db");
  ASSERT_TRUE(abs.ok()) << abs.error().message;
  EXPECT_EQ(abs->dialect, Dialect::kSqlite);
  EXPECT_EQ(abs->sqlite_path, "/var/lib/ibtrade/ibtrade.db");
  auto rel = parse_store_url("sqlite://var/ibtrade.db");
  ASSERT_TRUE(rel.ok());
  EXPECT_EQ(rel->sqlite_path, "var/ibtrade.db");
  EXPECT_EQ(rel->to_string(), "sqlite://var/ibtrade.db");
}

TEST(StoreUrl, MysqlHostPortDatabase) {
  auto url = parse_store_url("mysql://trader@db.local:3307/ibtrade");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(url->dialect, Dialect::kMysql);
  EXPECT_EQ(url->mysql.user, "trader");
  EXPECT_EQ(url->mysql.host, "db.local");
  EXPECT_EQ(url->mysql.port, 3307);
  EXPECT_EQ(url->mysql.database, "ibtrade");
  EXPECT_EQ(url->to_string(), "mysql://trader@db.local:3307/ibtrade");
}

TEST(StoreUrl, MysqlDefaultPortAndSocket) {
  auto url = parse_store_url("mysql://root@localhost/test?socket=/tmp/m.sock");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(url->mysql.port, 3306);
  EXPECT_EQ(url->mysql.socket, "/tmp/m.sock");
}

TEST(StoreUrl, RefusesPasswordInUrlWithoutEchoingIt) {
  auto url = parse_store_url("mysql://trader:hunter2@db/ibtrade");
  ASSERT_FALSE(url.ok());
  EXPECT_EQ(url.error().message.find("hunter2"), std::string::npos);
  EXPECT_NE(url.error().message.find("IBTRADE_STORE__MYSQL_PASSWORD"), std::string::npos);
}

TEST(StoreUrl, RejectsMalformed) {
  for (const char* bad :
       {"", "postgres://x@y/z", "sqlite://", "mysql://host/db", "mysql://u@h", "mysql://u@h:0/db",
        "mysql://u@h:99999/db", "mysql://u@h:12x/db", "mysql://u@h/db?ssl=1"}) {
    EXPECT_FALSE(parse_store_url(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace ibtrade::store
