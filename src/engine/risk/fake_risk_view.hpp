// A hand-written RiskView for tests: every answer is a public field the test sets.
// Single-threaded, owned by one test.
#pragma once

#include <map>
#include <optional>
#include <utility>

#include "engine/risk/risk_view.hpp"

namespace ibtrade::engine::testing {

class FakeRiskView final : public RiskView {
 public:
  Timestamp now() const override { return time; }
  Quantity position(const Symbol& symbol) const override {
    const auto it = positions.find(symbol);
    return it == positions.end() ? Quantity{} : it->second;
  }
  Quantity open_order_quantity(const Symbol& symbol, Side side) const override {
    const auto it = open_quantity.find({symbol, side});
    return it == open_quantity.end() ? Quantity{} : it->second;
  }
  std::optional<OrderProgress> working_order(const ClientOrderId& id) const override {
    const auto it = working.find(id);
    if (it == working.end()) return std::nullopt;
    return it->second;
  }
  std::optional<Price> last_price(const Symbol& symbol) const override {
    const auto it = last.find(symbol);
    if (it == last.end()) return std::nullopt;
    return it->second;
  }
  Money gross_exposure() const override { return gross; }
  Money equity() const override { return account_equity; }
  Money daily_pnl() const override { return pnl; }
  std::size_t open_order_count() const override { return open_count; }
  Session session(Timestamp /*t*/) const override { return current_session; }

  Timestamp time{};
  std::map<Symbol, Quantity> positions;
  std::map<std::pair<Symbol, Side>, Quantity> open_quantity;
  std::map<ClientOrderId, OrderProgress> working;
  std::map<Symbol, Price> last;
  Money gross;
  Money account_equity;
  Money pnl;
  std::size_t open_count = 0;
  Session current_session = Session::kRegular;
};

}  // namespace ibtrade::engine::testing
