// Test support: the backends the store suite runs against. SQLite always (a file in a fresh
// temp dir); MariaDB/MySQL when STORE_TEST_MYSQL_URL names a server (tests/store/
// with_mariadb.sh starts one), with every table dropped first. One thread per fixture.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "adapters/store/migrations.hpp"
#include "adapters/store/open.hpp"

namespace ibtrade::store::testing {

inline constexpr const char* kMysqlUrlVariable = "STORE_TEST_MYSQL_URL";

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      dir_ =
          std::filesystem::temp_directory_path() /
          ("ibtrade-store-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      url_ = "sqlite://" + (dir_ / "ibtrade.db").string();
    } else {
      const char* url = std::getenv(kMysqlUrlVariable);  // NOLINT(concurrency-mt-unsafe)
      if (url == nullptr || *url == '\0') {
        GTEST_SKIP() << kMysqlUrlVariable << " unset: run tests/store/with_mariadb.sh";
      }
      url_ = url;
      auto db = connect(url_);
      ASSERT_TRUE(db.ok()) << db.error().message;
      drop_all_tables(**db);
    }
    auto db = connect(url_);
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(db).value();
  }

  void TearDown() override {
    db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // A second, independent connection to the same store (another writer or reader).
  std::unique_ptr<Database> reconnect() {
    auto db = connect(url_);
    EXPECT_TRUE(db.ok()) << db.error().message;
    return db.ok() ? std::move(db).value() : nullptr;
  }

  void migrate_all() {
    auto applied = migrate(*db_);
    ASSERT_TRUE(applied.ok()) << applied.error().message;
  }

  static void drop_all_tables(Database& db) {
    auto tables = db.query(
        db.dialect() == Dialect::kSqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()",
        {});
    ASSERT_TRUE(tables.ok()) << tables.error().message;
    for (const Row& row : *tables) {
      auto dropped = db.execute("DROP TABLE `" + row.text(0) + "`", {});
      ASSERT_TRUE(dropped.ok()) << dropped.error().message;
    }
  }

  std::string url_;
  std::unique_ptr<Database> db_;

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::filesystem::path dir_;
};

inline std::string backend_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

}  // namespace ibtrade::store::testing

#define IBTRADE_STORE_BACKENDS(Suite)                                             \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::Values("sqlite", "mysql"), \
                           ::ibtrade::store::testing::backend_name)
