// The Database port against each backend: values round-trip exactly, errors are typed, and a
// failed transaction leaves earlier data intact.
#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

#include "adapters/store/backend_test_support.hpp"

namespace ibtrade::store {
namespace {

class DatabaseTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const Migration table{1, "test table", R"SQL(
CREATE TABLE t (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(8) NOT NULL,
  qty BIGINT NULL,
  CONSTRAINT range_t_qty CHECK (qty >= 0)
){{TABLE}}
)SQL"};
    for (const std::string& sql : translate(table, db_->dialect())) {
      auto r = db_->execute(sql, {});
      ASSERT_TRUE(r.ok()) << r.error().message;
    }
  }

  std::int64_t count() {
    auto rows = db_->query("SELECT COUNT(*) FROM t", {});
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? (*rows)[0].int64(0) : -1;
  }
};

TEST_P(DatabaseTest, RoundTripsIntegersTextAndNull) {
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  const std::int64_t small = std::numeric_limits<std::int64_t>::min();
  ASSERT_TRUE(
      db_->execute("INSERT INTO t (id, name, qty) VALUES (?, ?, ?)", {big, "Zürich", 0}).ok());
  ASSERT_TRUE(
      db_->execute("INSERT INTO t (id, name, qty) VALUES (?, ?, ?)", {small, "", Value()}).ok());
  auto rows = db_->query("SELECT id, name, qty FROM t ORDER BY id", {});
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].int64(0), small);
  EXPECT_EQ((*rows)[0].text(1), "");
  EXPECT_TRUE((*rows)[0].is_null(2));
  EXPECT_EQ((*rows)[1].int64(0), big);
  EXPECT_EQ((*rows)[1].text(1), "Zürich");
  EXPECT_EQ((*rows)[1].int64(2), 0);
}

TEST_P(DatabaseTest, ExecuteReportsChangedRows) {
  ASSERT_TRUE(
      db_->execute("INSERT INTO t (id, name, qty) VALUES (1, 'a', 1), (2, 'b', 2)", {}).ok());
  auto changed = db_->execute("UPDATE t SET qty = qty + 1", {});
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(*changed, 2);
}

TEST_P(DatabaseTest, DuplicateKeyIsAConstraintViolation) {
  ASSERT_TRUE(db_->execute("INSERT INTO t (id, name) VALUES (1, 'a')", {}).ok());
  auto again = db_->execute("INSERT INTO t (id, name) VALUES (1, 'b')", {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, DbErrorKind::kConstraint) << again.error().message;
  EXPECT_NE(again.error().to_error().message.find("constraint violation"), std::string::npos);
}

TEST_P(DatabaseTest, MissingNotNullIsAConstraintViolation) {
  auto r = db_->execute("INSERT INTO t (id, name) VALUES (?, ?)", {1, Value()});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, DbErrorKind::kConstraint) << r.error().message;
}

TEST_P(DatabaseTest, TooLongStringIsTypedAndNotTruncated) {
  auto r = db_->execute("INSERT INTO t (id, name) VALUES (?, ?)", {1, "ninechars"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, DbErrorKind::kTooLong) << r.error().message;
  EXPECT_NE(r.error().message.find("name"), std::string::npos) << r.error().message;
  EXPECT_EQ(count(), 0);
}

TEST_P(DatabaseTest, CheckedRangeIsTypedOutOfRange) {
  auto r = db_->execute("INSERT INTO t (id, name, qty) VALUES (?, ?, ?)", {1, "a", -1});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, DbErrorKind::kOutOfRange) << r.error().message;
}

TEST_P(DatabaseTest, FailedTransactionRollsBackAndKeepsEarlierData) {
  ASSERT_TRUE(db_->execute("INSERT INTO t (id, name, qty) VALUES (1, 'kept', 5)", {}).ok());
  DbStatus status = in_transaction(*db_, [](Database& db) -> DbStatus {
    if (auto r = db.execute("INSERT INTO t (id, name) VALUES (2, 'new')", {}); !r.ok())
      return r.error();
    if (auto r = db.execute("UPDATE t SET qty = 6 WHERE id = 1", {}); !r.ok()) return r.error();
    if (auto r = db.execute("INSERT INTO t (id, name) VALUES (1, 'dup')", {}); !r.ok())
      return r.error();
    return {};
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, DbErrorKind::kConstraint);
  auto rows = db_->query("SELECT id, name, qty FROM t ORDER BY id", {});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].text(1), "kept");
  EXPECT_EQ((*rows)[0].int64(2), 5);
  // The connection is usable again after the rollback.
  EXPECT_TRUE(db_->execute("INSERT INTO t (id, name) VALUES (2, 'after')", {}).ok());
}

TEST_P(DatabaseTest, TransactionDestroyedWithoutCommitRollsBack) {
  {
    Transaction tx(*db_);
    ASSERT_TRUE(tx.begin().ok());
    ASSERT_TRUE(db_->execute("INSERT INTO t (id, name) VALUES (1, 'gone')", {}).ok());
  }
  EXPECT_EQ(count(), 0);
  {
    Transaction tx(*db_);
    ASSERT_TRUE(tx.begin().ok());
    ASSERT_TRUE(db_->execute("INSERT INTO t (id, name) VALUES (1, 'kept')", {}).ok());
    ASSERT_TRUE(tx.commit().ok());
  }
  EXPECT_EQ(count(), 1);
}

TEST_P(DatabaseTest, SqlErrorsNameTheStatement) {
  auto r = db_->query("SELECT nope FROM t", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, DbErrorKind::kOther);
  EXPECT_NE(r.error().message.find("nope"), std::string::npos);
}

IBTRADE_STORE_BACKENDS(DatabaseTest);

TEST(StoreConnect, UnreachableMysqlIsAConnectionErrorWithoutPassword) {
  auto url = parse_store_url("mysql://nobody@127.0.0.1:1/none");
  ASSERT_TRUE(url.ok());
  auto db = connect(*url, std::string("s3cret"));
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().kind, DbErrorKind::kConnection);
  EXPECT_EQ(db.error().message.find("s3cret"), std::string::npos);
}

TEST(StoreConnect, UnopenableSqliteIsAConnectionError) {
  auto db = connect("sqlite:///nonexistent-dir/x/ibtrade.db");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().kind, DbErrorKind::kConnection);
}

}  // namespace
}  // namespace ibtrade::store
