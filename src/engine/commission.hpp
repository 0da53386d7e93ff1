// How much a fill costs in commissions and fees. The simulated venue charges it; live, IB
// reports it and the model is used only for estimates (risk, previews). Single-threaded.
#pragma once

#include <optional>

#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/order.hpp"
#include "core/time.hpp"

namespace ibtrade::engine {

struct CommissionInput {
  Side side = Side::kBuy;
  Quantity quantity;  // positive
  Price price;
  Timestamp time;
  // The order the fill belongs to: per-order minimums and caps then apply to the order's fills
  // together (IBKR charges the minimum once per order, not once per partial fill).
  std::optional<ClientOrderId> order_id = std::nullopt;
};

class CommissionModel {
 public:
  virtual ~CommissionModel() = default;
  // Stateful models (IBKR tiered counts monthly volume) update their state on each call.
  virtual Money commission(const CommissionInput& fill) = 0;
  // The order will have no more fills: per-order state can be dropped.
  virtual void order_closed(const ClientOrderId& /*order_id*/) {}
};

}  // namespace ibtrade::engine
