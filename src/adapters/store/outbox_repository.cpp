#include "adapters/store/outbox_repository.hpp"

#include <algorithm>

#include "adapters/store/codec.hpp"
#include "adapters/store/sql_dialect.hpp"

namespace ibtrade::store {
namespace {

Status status_of(const DbResult<std::int64_t>& r) {
  return r.ok() ? Status{} : Status{r.error().to_error()};
}

class SqlOutboxRepository final : public OutboxRepository {
 public:
  explicit SqlOutboxRepository(Database& db)
      : db_(db),
        insert_(insert_or_ignore(db.dialect(),
                                 "INSERT INTO notifications_outbox (dedup_key, channel, payload, "
                                 "created_ns, sent_ns, attempts) VALUES (?, ?, ?, ?, NULL, 0)",
                                 "dedup_key", "dedup_key")) {}

  Result<bool> enqueue(const OutboxMessage& m, Timestamp now) override {
    auto r = db_.execute(insert_, {m.dedup_key, m.channel, m.payload, to_ns(now)});
    if (!r.ok()) return r.error().to_error();
    return *r > 0;
  }

  Result<std::vector<OutboxMessage>> next_batch(int limit) override {
    auto rows = db_.query(
        "SELECT id, dedup_key, channel, payload, attempts FROM notifications_outbox "
        "WHERE sent_ns IS NULL ORDER BY id LIMIT ?",
        {std::max(limit, 0)});
    if (!rows.ok()) return rows.error().to_error();
    std::vector<OutboxMessage> out;
    for (const Row& r : *rows) {
      out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), static_cast<int>(r.int64(4))});
    }
    return out;
  }

  Status mark_sent(std::int64_t id, Timestamp now) override {
    return status_of(
        db_.execute("UPDATE notifications_outbox SET sent_ns = ? WHERE id = ? AND sent_ns IS NULL",
                    {to_ns(now), id}));
  }

  Status mark_failed(std::int64_t id) override {
    return status_of(
        db_.execute("UPDATE notifications_outbox SET attempts = attempts + 1 WHERE id = ?", {id}));
  }

 private:
  Database& db_;
  std::string insert_;
};

}  // namespace

std::unique_ptr<OutboxRepository> make_outbox_repository(Database& db) {
  return std::make_unique<SqlOutboxRepository>(db);
}

}  // namespace ibtrade::store
