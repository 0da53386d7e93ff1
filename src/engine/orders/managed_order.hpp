// One of our orders as the order manager tracks it: what we asked for, where it stands, what
// filled and at what price, and how it is linked to other orders. Plain value; owned by the
// order manager on the engine's kernel thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/order.hpp"
#include "core/time.hpp"
#include "engine/order_status.hpp"
#include "engine/risk_gate.hpp"

namespace ibtrade::engine {

struct ManagedOrder {
  ManagedOrder() = default;
  explicit ManagedOrder(Order&& submitted) : order(std::move(submitted)) {}

  // As it stands now (after modifies, and bracket/OCA sizing). Only quantity and prices change:
  // the client order id and the contract are those first recorded, and the engine relies on it.
  Order order;
  // As first submitted: what idempotent re-submits are compared with.
  const Order& original() const { return original_ ? *original_ : order; }
  // Must be called before `order` changes for the first time. Most orders never change, so the
  // copy is made only then rather than for every order.
  void keep_original() {
    if (!original_) original_ = std::make_shared<const Order>(order);
  }
  OrderStatus status = OrderStatus::kInitialized;
  std::uint64_t sequence = 0;  // submission order: open orders are listed in this order
  bool listed_open = false;    // in the order manager's list of open orders

  Quantity filled;        // sum of the executions booked
  Money filled_notional;  // sum of price x quantity over those executions, exact
  Money commission;       // sum over the executions of the latest commission known for each
  Quantity venue_filled;  // cumulative `filled` of the latest status report (informational)
  std::uint32_t execution_count = 0;  // executions booked (their ids are in the order manager)

  std::optional<BrokerOrderId> broker_order_id;
  RiskDecision last_decision;  // the latest denial of a submit or modify (allowed() if none)
  std::string last_reason;     // the venue's latest reason (cancel, inactive, reject)

  Timestamp created_at;
  Timestamp updated_at;

  // Links. Bracket children name their parent in order.parent_id; the parent lists them here.
  std::vector<ClientOrderId> children;
  std::string oca_key;  // "" when not in an OCA group; "bracket:<parent id>" for bracket exits
  Quantity oca_base;    // size before the other members' fills are taken off

  // The order before a modify the venue has not acknowledged yet; restored if it is refused.
  std::unique_ptr<Order> before_modify;  // a pointer: rare, and it would double the record

  Quantity remaining() const { return order.quantity - filled; }
  // Sum of notional / sum of quantity, half-even at 1e-9; zero before the first fill.
  Price average_fill_price() const;

 private:
  std::shared_ptr<const Order> original_;  // set once `order` has changed
};

}  // namespace ibtrade::engine
