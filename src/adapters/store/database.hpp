// The store's narrow SQL port: execute and query with bound `?` parameters, and transactions.
// Implemented by SqliteDatabase and MysqlDatabase. One connection; use from one thread at a time.
#pragma once

#include <cstdint>
#include <string_view>

#include "adapters/store/error.hpp"
#include "adapters/store/value.hpp"

namespace ibtrade::store {

enum class Dialect { kSqlite, kMysql };

class Database {
 public:
  virtual ~Database() = default;

  virtual Dialect dialect() const = 0;
  // One statement with `?` placeholders; returns the number of rows it changed.
  virtual DbResult<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
  virtual DbResult<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  // The id an AUTO_INCREMENT / INTEGER PRIMARY KEY insert of this connection produced last.
  virtual std::int64_t last_insert_id() = 0;

  // Write transactions. SQLite takes the write lock at begin (BEGIN IMMEDIATE) so two writers
  // serialise instead of failing on lock upgrade; MySQL uses InnoDB row locks.
  virtual DbStatus begin() = 0;
  virtual DbStatus commit() = 0;
  virtual DbStatus rollback() = 0;
};

// RAII transaction: rolls back unless committed, so an early return or an error leaves the
// earlier data intact.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(&db) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (active_) (void)db_->rollback();
  }

  DbStatus begin() {
    DbStatus status = db_->begin();
    active_ = status.ok();
    return status;
  }
  DbStatus commit() {
    active_ = false;
    DbStatus status = db_->commit();
    if (!status.ok()) (void)db_->rollback();
    return status;
  }

 private:
  Database* db_;
  bool active_ = false;
};

// Runs `work(db)` (returning DbStatus) in a transaction, retrying the whole unit when the
// database reports kBusy (a lock timeout or deadlock), up to `attempts` times.
template <class Work>
DbStatus in_transaction(Database& db, Work&& work, int attempts = 5) {
  DbStatus last;
  for (int i = 0; i < attempts; ++i) {
    Transaction tx(db);
    if (DbStatus s = tx.begin(); !s.ok()) {
      last = s;
      if (s.error().kind == DbErrorKind::kBusy) continue;
      return s;
    }
    DbStatus s = work(db);
    if (s.ok()) s = tx.commit();
    if (s.ok()) return s;
    last = s;
    if (s.error().kind != DbErrorKind::kBusy) return s;
  }
  return last;
}

}  // namespace ibtrade::store
