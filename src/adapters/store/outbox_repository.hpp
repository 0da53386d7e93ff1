// The notifications outbox: messages enqueued once per dedup key (in the same transaction as
// the change they announce, where there is one), sent later by the notifier, then marked sent.
// Over one Database; one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "adapters/store/database.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace ibtrade::store {

struct OutboxMessage {
  std::int64_t id = 0;    // set by the store
  std::string dedup_key;  // e.g. "fill:<execution id>": enqueueing it again changes nothing
  std::string channel;    // "telegram", "email", "webhook"
  std::string payload;    // the rendered message or JSON
  int attempts = 0;       // failed sends so far

  friend bool operator==(const OutboxMessage&, const OutboxMessage&) = default;
};

class OutboxRepository {
 public:
  virtual ~OutboxRepository() = default;
  // False when a message with that dedup key exists (sent or not).
  virtual Result<bool> enqueue(const OutboxMessage& message, Timestamp now) = 0;
  // Unsent messages, oldest first.
  virtual Result<std::vector<OutboxMessage>> next_batch(int limit) = 0;
  virtual Status mark_sent(std::int64_t id, Timestamp now) = 0;
  virtual Status mark_failed(std::int64_t id) = 0;
};

std::unique_ptr<OutboxRepository> make_outbox_repository(Database& db);

}  // namespace ibtrade::store
