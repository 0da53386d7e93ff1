// How much a fill costs in commissions and fees. The simulated venue charges it; live, IB
// reports it and the model is used only for estimates (risk, previews). Single-threaded.
#pragma once

#include <cstdint>

#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/order.hpp"
#include "core/time.hpp"

namespace ibtrade::engine {

// One order's running totals across its fills, for models whose charge depends on the order's
// earlier fills (a minimum per order, a cap on the order's value). Plain value. The sums are raw
// values at 1e-9 (Decimal::raw()) in plain integers: booking a fill updates five of them, and
// Decimal arithmetic would track a display precision on each that only the commission's shows.
struct OrderAccrual {
  std::int64_t raw_commission = 0;  // per-share commission before min/max
  std::int64_t value = 0;           // price x quantity
  std::int64_t commission = 0;      // after min/max
  std::int64_t exact_total = 0;     // commission + fees, unrounded
  std::int64_t charged = 0;         // what its fills were booked: whole cents
  // Decimals shown by raw_commission and by commission, for an itemized breakdown's commission.
  std::int8_t raw_commission_precision = 0;
  std::int8_t commission_precision = 0;

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
