// Orders by client order id (the request as sent, upserted) and the status changes the venue
// reported (appended once each, by their natural key). Over one Database; one thread at a time.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "adapters/store/database.hpp"
#include "core/order.hpp"
#include "core/result.hpp"
#include "engine/venue.hpp"

namespace ibtrade::store {

struct StoredOrder {
  Order order;
  std::optional<engine::OrderStatusReport> last_status;  // unset until the venue reports
};

class OrderRepository {
 public:
  virtual ~OrderRepository() = default;
  // Inserts the order or, for a known client order id, replaces its terms (a modify).
  virtual Status upsert(const Order& order, Timestamp now) = 0;
  // Appends a status change and makes it the order's current state, in one transaction. A
  // replayed report (same order, time, state and filled) changes nothing: returns false.
  virtual Result<bool> append_status(const engine::OrderStatusReport& report) = 0;
  virtual Result<std::optional<StoredOrder>> find(const ClientOrderId& id) = 0;
  virtual Result<std::vector<engine::OrderStatusReport>> history(const ClientOrderId& id) = 0;
};

std::unique_ptr<OrderRepository> make_order_repository(Database& db);

}  // namespace ibtrade::store
