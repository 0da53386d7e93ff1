// Hand-written fakes and builders for the order manager's and price manager's tests: a venue
// that records commands, a scriptable risk gate, a listener that records everything.
// Test-only; single-threaded.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/order.hpp"
#include "engine/orders/order_listener.hpp"
#include "engine/orders/order_manager.hpp"
#include "engine/risk_gate.hpp"
#include "engine/venue.hpp"

namespace ibtrade::engine::order_fakes {

inline Timestamp at_seconds(std::int64_t seconds) {
  return Timestamp{std::chrono::seconds(seconds)};
}
inline Price px(std::string_view text) {
  return *Price::parse(text);
}
inline Quantity qty(std::int64_t units) {
  return Quantity::from_units(units);
}
inline ClientOrderId cid(std::string text) {
  return ClientOrderId{std::move(text)};
}

class FakeVenue final : public ExecutionClient {
 public:
  enum class Kind { kSubmit, kModify, kCancel };
  struct Command {
    Kind kind;
    ClientOrderId id;
    Order order;  // empty for a cancel
  };

  void submit(const Order& order) override {
    commands.push_back({Kind::kSubmit, order.client_order_id, order});
  }
  void modify(const Order& order) override {
    commands.push_back({Kind::kModify, order.client_order_id, order});
  }
  void cancel(const ClientOrderId& id) override { commands.push_back({Kind::kCancel, id, {}}); }

  std::size_t count(Kind kind) const {
    std::size_t n = 0;
    for (const auto& c : commands)
      n += c.kind == kind ? 1 : 0;
    return n;
  }
  std::vector<Command> take() { return std::exchange(commands, {}); }

  std::vector<Command> commands;
};

class FakeRisk final : public RiskGate {
 public:
  RiskDecision check(const Order& order, RiskAction action) override {
    checks.emplace_back(order, action);
    return rule ? rule(order, action) : RiskDecision::allow();
  }

  std::function<RiskDecision(const Order&, RiskAction)> rule;
  std::vector<std::pair<Order, RiskAction>> checks;
};

class RecordingListener final : public OrderListener {
 public:
  struct Update {
    ClientOrderId id;
    OrderStatus previous;
    OrderStatus status;
  };
  struct Error {
    ClientOrderId id;
    std::string what;
  };

  void on_order_updated(const ManagedOrder& order, OrderStatus previous) override {
    updates.push_back({order.order.client_order_id, previous, order.status});
    if (forward) forward(order);
  }
  // A fill's ticket is its place in `fills`; the commission's ticket goes to commission_tickets.
  FillTicket on_new_fill(const ManagedOrder& /*order*/, const Fill& fill) override {
    fills.push_back(fill);
    return static_cast<FillTicket>(fills.size() - 1);
  }
  void on_fill_commission(const CommissionUpdate& update, FillTicket ticket) override {
    commissions.push_back(update);
    commission_tickets.push_back(ticket);
  }
  void on_order_error(const ClientOrderId& id, const std::string& what) override {
    errors.push_back({id, what});
  }

  std::vector<Update> updates;
  std::vector<Fill> fills;
  std::vector<CommissionUpdate> commissions;
  std::vector<FillTicket> commission_tickets;
  std::vector<Error> errors;
  std::function<void(const ManagedOrder&)> forward;  // e.g. to the price manager
};

inline Order limit_order(std::string id, Side side, std::int64_t quantity, std::string_view limit,
                         std::string symbol = "AAPL") {
  Order order;
  order.client_order_id = cid(std::move(id));
  order.contract = us_stock(std::move(symbol));
  order.side = side;
  order.type = OrderType::kLimit;
  order.quantity = qty(quantity);
  order.limit_price = px(limit);
  return order;
}

inline Order stop_order(std::string id, Side side, std::int64_t quantity, std::string_view stop,
                        std::string symbol = "AAPL") {
  Order order;
  order.client_order_id = cid(std::move(id));
  order.contract = us_stock(std::move(symbol));
  order.side = side;
  order.type = OrderType::kStop;
  order.quantity = qty(quantity);
  order.stop_price = px(stop);
  return order;
}

inline VenueMessage status_report(const std::string& id, VenueOrderState state,
                                  std::int64_t filled = 0, std::int64_t remaining = 0,
                                  Timestamp time = at_seconds(0)) {
  OrderStatusReport report;
  report.client_order_id = cid(id);
  report.broker_order_id = BrokerOrderId{1001};
  report.state = state;
  report.filled = qty(filled);
  report.remaining = qty(remaining);
  report.time = time;
  return report;
}

inline VenueMessage execution(const std::string& id, const std::string& exec_id, Side side,
                              std::int64_t quantity, std::string_view price,
                              Timestamp time = at_seconds(0)) {
  ExecutionReport report;
  report.fill.client_order_id = cid(id);
  report.fill.execution_id = ExecutionId{exec_id};
  report.fill.symbol = "AAPL";
  report.fill.side = side;
  report.fill.quantity = qty(quantity);
  report.fill.price = px(price);
  report.fill.time = time;
  report.broker_order_id = BrokerOrderId{1001};
  return report;
}

inline VenueMessage rejection(const std::string& id, bool order_is_dead, int code = 201,
                              std::string reason = "rejected") {
  CommandRejected rejected;
  rejected.client_order_id = cid(id);
  rejected.code = code;
  rejected.reason = std::move(reason);
  rejected.order_is_dead = order_is_dead;
  return rejected;
}

// An order manager wired to the fakes, at t = 1000 s, for the manager's test suites.
class ManagerFixture : public ::testing::Test {
 protected:
  ManagerFixture() : clock_(at_seconds(1000)), manager_(venue_, risk_, listener_, clock_) {}

  const ManagedOrder& order(const std::string& id) {
    const ManagedOrder* found = manager_.find(cid(id));
    EXPECT_NE(found, nullptr) << id;
    return *found;
  }
  OrderStatus status(const std::string& id) { return order(id).status; }
  void feed(const VenueMessage& message) { manager_.on_venue_message(message); }

  TestClock clock_;
  FakeVenue venue_;
  FakeRisk risk_;
  RecordingListener listener_;
  OrderManager manager_;
};

}  // namespace ibtrade::engine::order_fakes
