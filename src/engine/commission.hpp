// How much a fill costs in commissions and fees. The simulated venue charges it; live, IB
// reports it and the model is used only for estimates (risk, previews). Single-threaded.
#pragma once

#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/order.hpp"
#include "core/time.hpp"

namespace ibtrade::engine {

// One order's running totals across its fills, for models whose charge depends on the order's
// earlier fills (a minimum per order, a cap on the order's value). Plain value.
struct OrderAccrual {
  Money raw_commission;  // per-share commission before min/max
  Money value;           // price x quantity
  Money commission;      // after min/max
  Money exact_total;     // commission + fees, unrounded
  Money charged;         // what its fills were booked, in cents

  friend bool operator==(const OrderAccrual&, const OrderAccrual&) = default;
};

struct CommissionInput {
  Side side = Side::kBuy;
  Quantity quantity;  // positive
  Price price;
  Timestamp time;
  // The order the fill belongs to, or null: per-order minimums and caps then apply to the
  // order's fills together (IBKR charges the minimum once per order, not once per partial fill).
  // Points at the caller's id for the duration of the call: a copy of the id string per fill
  // was a measurable share of pricing it.
  const ClientOrderId* order_id = nullptr;
  // The order's running totals, kept by the caller beside its order and dropped with it (the
  // simulated venue does this: no map by order id, no lookup per fill). A model with per-order
  // state updates them in place instead of its own totals for `order_id`. Null: the model keeps
  // them itself, by `order_id`, until order_closed.
  OrderAccrual* accrual = nullptr;
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
