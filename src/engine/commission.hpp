// How much a fill costs in commissions and fees. The simulated venue charges it; live, IB
// reports it and the model is used only for estimates (risk, previews). Single-threaded.
#pragma once

#include "core/fixed_point.hpp"
#include "core/order.hpp"
#include "core/time.hpp"

namespace ibtrade::engine {

struct CommissionInput {
  Side side = Side::kBuy;
  Quantity quantity;  // positive
  Price price;
  Timestamp time;
};

class CommissionModel {
 public:
  virtual ~CommissionModel() = default;
  // Stateful models (IBKR tiered counts monthly volume) update their state on each call.
  virtual Money commission(const CommissionInput& fill) = 0;
};

}  // namespace ibtrade::engine
