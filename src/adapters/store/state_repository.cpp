#include "adapters/store/state_repository.hpp"

#include "adapters/store/codec.hpp"
#include "adapters/store/sql_dialect.hpp"

namespace ibtrade::store {
namespace {

class SqlStateRepository final : public StateRepository {
 public:
  explicit SqlStateRepository(Database& db)
      : db_(db),
        set_sql_(upsert(db.dialect(),
                        "INSERT INTO service_state (state_key, state_value, updated_ns) "
                        "VALUES (?, ?, ?)",
                        "state_key", {"state_value", "updated_ns"})) {}

  Result<std::optional<std::string>> get(const std::string& key) override {
    auto rows = db_.query("SELECT state_value FROM service_state WHERE state_key = ?", {key});
    if (!rows.ok()) return rows.error().to_error();
    if (rows->empty()) return std::optional<std::string>{};
    return std::optional<std::string>{(*rows)[0].text(0)};
  }

  Status set(const std::string& key, const std::string& value, Timestamp now) override {
    auto r = db_.execute(set_sql_, {key, value, to_ns(now)});
    return r.ok() ? Status{} : Status{r.error().to_error()};
  }

 private:
  Database& db_;
  std::string set_sql_;
};

}  // namespace

std::unique_ptr<StateRepository> make_state_repository(Database& db) {
  return std::make_unique<SqlStateRepository>(db);
}

}  // namespace ibtrade::store
