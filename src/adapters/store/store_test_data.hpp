// Test support: small builders for executions, decimals and instants used by the store tests.
// Plain functions; no threading rule.
#pragma once

#include <string>

#include "core/execution.hpp"
#include "core/fixed_point.hpp"

namespace ibtrade::store::testing {

inline AccountId account() {
  return AccountId("DU1234567");
}

inline Quantity quantity(const char* text) {
  return *Quantity::parse(text);
}
inline Price price(const char* text) {
  return *Price::parse(text);
}
inline Money money(const char* text) {
  return *Money::parse(text);
}
inline Timestamp at_second(std::int64_t s) {
  return Timestamp(std::chrono::seconds(1'767'225'600 + s));  // 2026-01-01 + s
}

inline Execution make_execution(const std::string& id, const std::string& symbol, Side side,
                                const char* qty, const char* px, std::int64_t second) {
  Execution e;
  e.execution_id = ExecutionId(id);
  e.broker_order_id = BrokerOrderId(second);
  e.perm_id = PermId(1'000'000 + second);
  e.client_order_id = ClientOrderId("ord-" + id);
  e.account_id = account();
  e.contract = us_stock(symbol, "NASDAQ");
  e.side = side;
  e.quantity = quantity(qty);
  e.price = price(px);
  e.time = at_second(second) + std::chrono::microseconds(123'456);
  e.exchange = "ISLAND";
  e.cumulative_quantity = e.quantity;
  e.average_price = e.price;
  return e;
}

}  // namespace ibtrade::store::testing
