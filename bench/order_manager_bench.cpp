// Order manager hot paths: the transition-table lookup, a whole order life (submit, two partial
// executions with IB's status reports, commission) and the duplicate status report IB sends
// after every fill. Times are per lookup / per order / per message.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "core/clock.hpp"
#include "engine/orders/order_manager.hpp"
#include "engine/orders/order_state_machine.hpp"

namespace ibtrade::engine {
namespace {

class NullVenue final : public ExecutionClient {
 public:
  void submit(const Order& /*order*/) override {}
  void modify(const Order& /*order*/) override {}
  void cancel(const ClientOrderId& /*id*/) override {}
};

class AllowAll final : public RiskGate {
 public:
  RiskDecision check(const Order& /*order*/, RiskAction /*action*/) override { return {}; }
};

class NullListener final : public OrderListener {
 public:
  void on_order_updated(const ManagedOrder& /*order*/, OrderStatus /*previous*/) override {}
  FillTicket on_new_fill(const ManagedOrder& /*order*/, const Fill& /*fill*/) override {
    return kNoFillTicket;
  }
  void on_fill_commission(const CommissionUpdate& /*update*/, FillTicket /*ticket*/) override {}
  void on_order_error(const ClientOrderId& /*id*/, const std::string& /*what*/) override {}
};

constexpr int kOrders = 1000;

Order buy(const std::string& id) {
  Order order;
  order.client_order_id = ClientOrderId{id};
  order.contract = us_stock("AAPL");
  order.side = Side::kBuy;
  order.type = OrderType::kLimit;
  order.quantity = Quantity::from_units(100);
  order.limit_price = Price::parse("150.25").value();
  return order;
}

OrderStatusReport status(const ClientOrderId& id, VenueOrderState state, std::int64_t filled) {
  OrderStatusReport report;
  report.client_order_id = id;
  report.broker_order_id = BrokerOrderId{7};
  report.state = state;
  report.filled = Quantity::from_units(filled);
  report.remaining = Quantity::from_units(100 - filled);
  return report;
}

ExecutionReport execution(const ClientOrderId& id, const std::string& exec, std::int64_t quantity) {
  ExecutionReport report;
  report.fill.client_order_id = id;
  report.fill.execution_id = ExecutionId{exec};
  report.fill.symbol = "AAPL";
  report.fill.side = Side::kBuy;
  report.fill.quantity = Quantity::from_units(quantity);
  report.fill.price = Price::parse("150.25").value();
  report.broker_order_id = BrokerOrderId{7};
  return report;
}

void BM_TransitionLookup(benchmark::State& state) {
  std::size_t legal = 0;
  for (auto _ : state) {
    for (std::size_t s = 0; s < kOrderStatusCount; ++s) {
      for (std::size_t e = 0; e < kOrderEventCount; ++e) {
        legal += next_status(static_cast<OrderStatus>(s), static_cast<OrderEvent>(e)) ? 1U : 0U;
      }
    }
  }
  benchmark::DoNotOptimize(legal);
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(kOrderStatusCount * kOrderEventCount));
}
BENCHMARK(BM_TransitionLookup);

void BM_OrderLifecycle(benchmark::State& state) {
  std::vector<Order> orders;
  std::vector<std::array<ExecutionId, 2>> execs;
  for (int i = 0; i < kOrders; ++i) {
    orders.push_back(buy("strategy-" + std::to_string(i)));
    execs.push_back({ExecutionId{"0000e0d5.6571d3f1.01." + std::to_string(2 * i)},
                     ExecutionId{"0000e0d5.6571d3f1.01." + std::to_string(2 * i + 1)}});
  }
  TestClock clock;
  NullVenue venue;
  AllowAll risk;
  NullListener listener;
  for (auto _ : state) {
    OrderManager manager(venue, risk, listener, clock);
    for (int i = 0; i < kOrders; ++i) {
      const Order& order = orders[static_cast<std::size_t>(i)];
      const ClientOrderId& id = order.client_order_id;
      const auto& [e1, e2] = execs[static_cast<std::size_t>(i)];
      (void)manager.submit(order);
      manager.on_venue_message(status(id, VenueOrderState::kPreSubmitted, 0));
      manager.on_venue_message(status(id, VenueOrderState::kSubmitted, 0));
      manager.on_venue_message(execution(id, e1.value(), 40));
      manager.on_venue_message(status(id, VenueOrderState::kSubmitted, 40));
      manager.on_venue_message(execution(id, e2.value(), 60));
      manager.on_venue_message(status(id, VenueOrderState::kFilled, 100));
      manager.on_venue_message(CommissionUpdate{e1, Money::from_units(1), Timestamp{}});
    }
    benchmark::DoNotOptimize(manager.open_order_count());
  }
  state.SetItemsProcessed(state.iterations() * kOrders);
}
BENCHMARK(BM_OrderLifecycle)->Unit(benchmark::kMicrosecond);

void BM_DuplicateStatus(benchmark::State& state) {
  TestClock clock;
  NullVenue venue;
  AllowAll risk;
  NullListener listener;
  OrderManager manager(venue, risk, listener, clock);
  std::vector<VenueMessage> reports;
  for (int i = 0; i < kOrders; ++i) {
    const Order order = buy("strategy-" + std::to_string(i));
    (void)manager.submit(order);
    reports.emplace_back(status(order.client_order_id, VenueOrderState::kSubmitted, 0));
    manager.on_venue_message(reports.back());
  }
  for (auto _ : state) {
    for (const VenueMessage& report : reports)
      manager.on_venue_message(report);
  }
  state.SetItemsProcessed(state.iterations() * kOrders);
}
BENCHMARK(BM_DuplicateStatus);

}  // namespace
}  // namespace ibtrade::engine
