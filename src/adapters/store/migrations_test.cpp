// Migrations on each backend: from empty to latest, from every earlier version with data in
// place, re-running is a no-op, and a newer schema is refused.
#include "adapters/store/migrations.hpp"

#include <cctype>
#include <set>

#include <gtest/gtest.h>

#include "adapters/store/backend_test_support.hpp"

namespace ibtrade::store {
namespace {

class MigrationsTest : public testing::StoreTest {};

TEST_P(MigrationsTest, EmptyStoreMigratesToLatest) {
  auto before = schema_version(*db_);
  ASSERT_TRUE(before.ok()) << before.error().message;
  EXPECT_EQ(*before, 0);
  auto applied = migrate(*db_);
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_EQ(*applied, latest_version());
  EXPECT_EQ(*schema_version(*db_), latest_version());
  auto again = migrate(*db_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  auto status = migration_status(*db_);
  ASSERT_TRUE(status.ok());
  ASSERT_EQ(status->size(), migrations().size());
  for (const MigrationStatus& s : *status)
    EXPECT_TRUE(s.applied_ns.has_value()) << s.version;
}

TEST_P(MigrationsTest, UpgradesFromEveryEarlierVersionKeepingData) {
  for (int from = 1; from < latest_version(); ++from) {
    SCOPED_TRACE("from version " + std::to_string(from));
    testing::StoreTest::drop_all_tables(*db_);
    auto partial = migrate(*db_, from);
    ASSERT_TRUE(partial.ok()) << partial.error().message;
    ASSERT_EQ(*schema_version(*db_), from);
    // Data written at the old version survives the upgrade.
    ASSERT_TRUE(db_->execute("INSERT INTO service_state (state_key, state_value, updated_ns) "
                             "VALUES ('k', 'v', 1)",
                             {})
                    .ok());
    auto status = migration_status(*db_);
    ASSERT_TRUE(status.ok());
    EXPECT_FALSE(status->back().applied_ns.has_value());
    auto rest = migrate(*db_);
    ASSERT_TRUE(rest.ok()) << rest.error().message;
    EXPECT_EQ(*rest, latest_version() - from);
    auto rows = db_->query("SELECT state_value FROM service_state WHERE state_key = 'k'", {});
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].text(0), "v");
    // The newest tables exist.
    EXPECT_TRUE(db_->query("SELECT COUNT(*) FROM notifications_outbox", {}).ok());
  }
}

TEST_P(MigrationsTest, RefusesASchemaNewerThanTheBinary) {
  migrate_all();
  ASSERT_TRUE(db_->execute("INSERT INTO schema_migrations (version, name, applied_ns) "
                           "VALUES (?, 'from the future', 0)",
                           {latest_version() + 1})
                  .ok());
  auto r = migrate(*db_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, DbErrorKind::kMigration);
  EXPECT_NE(r.error().message.find("newer"), std::string::npos);
}

IBTRADE_STORE_BACKENDS(MigrationsTest);

// The SQL's words, upper-cased: identifiers and keywords, split at everything else.
std::vector<std::string> words_of(std::string_view sql) {
  std::vector<std::string> words;
  std::string word;
  for (char c : sql) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_') {
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

TEST(Migrations, NeverFloatingPointAndVersionsAscend) {
  const std::set<std::string> floating{"REAL", "FLOAT", "DOUBLE", "DECIMAL", "NUMERIC"};
  int previous = 0;
  for (const Migration& m : migrations()) {
    EXPECT_EQ(m.version, previous + 1);
    previous = m.version;
    for (const std::string& word : words_of(m.sql)) {
      EXPECT_FALSE(floating.contains(word)) << "migration " << m.version << ": " << word;
    }
  }
}

TEST(Migrations, SqliteGetsLengthChecksMysqlGetsTableOptions) {
  const Migration m{1, "t", "CREATE TABLE t (id {{ID}}, s VARCHAR(4) NOT NULL){{TABLE}}"};
  auto sqlite = translate(m, Dialect::kSqlite);
  ASSERT_EQ(sqlite.size(), 1u);
  EXPECT_NE(sqlite[0].find("CONSTRAINT len_s CHECK (length(s) <= 4)"), std::string::npos);
  EXPECT_NE(sqlite[0].find("INTEGER PRIMARY KEY AUTOINCREMENT"), std::string::npos);
  auto mysql = translate(m, Dialect::kMysql);
  EXPECT_NE(mysql[0].find("AUTO_INCREMENT"), std::string::npos);
  EXPECT_NE(mysql[0].find("ENGINE=InnoDB"), std::string::npos);
  EXPECT_EQ(mysql[0].find("len_"), std::string::npos);
}

}  // namespace
}  // namespace ibtrade::store
