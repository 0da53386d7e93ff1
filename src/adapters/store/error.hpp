// Typed store errors: what kind of failure (a constraint, a value out of range, a string too
// long, a busy database, a lost connection) and a message that names the table or column.
// Plain value types; no threading rule.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/result.hpp"

namespace ibtrade::store {

enum class DbErrorKind {
  kConstraint,  // unique, primary key, foreign key, NOT NULL or CHECK violated
  kOutOfRange,  // a number outside its column's range (CHECK constraints named range_*)
  kTooLong,     // a string longer than its column (VARCHAR(n); CHECK constraints named len_*)
  kBusy,        // locked by another writer past the timeout, or a deadlock: retry
  kConnection,  // cannot open or lost the connection
  kMigration,   // the schema is newer than this binary or a migration failed
  kOther,       // SQL error, misuse
};

std::string_view to_string(DbErrorKind kind);

struct DbError {
  DbErrorKind kind = DbErrorKind::kOther;
  std::string message;

  // The core error a user reads: "constraint violation: UNIQUE constraint failed: ...".
  Error to_error() const { return make_error(std::string(to_string(kind)) + ": " + message); }
  friend bool operator==(const DbError&, const DbError&) = default;
};

inline DbError db_error(DbErrorKind kind, std::string message) {
  return DbError{kind, std::move(message)};
}

// Result of a database operation: a value or a typed DbError. Shaped like core Result.
template <class T>
class [[nodiscard]] DbResult {
 public:
  DbResult(T value) : state_(std::in_place_index<0>, std::move(value)) {}        // NOLINT
  DbResult(DbError error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const DbError& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, DbError> state_;
};

class [[nodiscard]] DbStatus {
 public:
  DbStatus() = default;
  DbStatus(DbError error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const DbError& error() const {
    assert(!ok_);
    return error_;
  }
  // For callers that speak core Status (repositories, commands).
  Status to_status() const { return ok_ ? Status{} : Status{error_.to_error()}; }

 private:
  DbError error_;
  bool ok_ = true;
};

}  // namespace ibtrade::store
