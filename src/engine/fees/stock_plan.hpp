// The part IBKR's Fixed and Tiered stock plans share: a per-order minimum and a cap in percent of
// trade value on the broker's commission, third-party fees per fill, cents rounding, and the
// running totals that let an order filled in pieces pay the minimum once.
// Single-threaded, owned by the commission model that uses it.
#pragma once

#include <cstddef>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "engine/commission.hpp"
#include "engine/fees/commission_breakdown.hpp"
#include "engine/fees/fee_item.hpp"

namespace ibtrade::engine {

struct StockPlanBounds {
  Money minimum_per_order;
  std::optional<Percent> maximum_percent_of_value;  // of the order's filled value
};

// One order's running totals across its fills.
struct OrderAccrual {
  Money raw_commission;  // per-share commission before min/max
  Money value;           // price x quantity
  Money commission;      // after min/max
  Money exact_total;     // commission + fees, unrounded
  Money charged;         // what its fills were booked, in cents

  friend bool operator==(const OrderAccrual&, const OrderAccrual&) = default;
};

// Books one fill into `accrual`: its share of the order's bounded commission, its fees, and a
// total such that the order's fills add up to the order's total rounded once to cents. Without
// `itemize` the breakdown's fee list stays empty (the venue books only the total, per fill).
CommissionBreakdown book_fill(OrderAccrual& accrual, const CommissionInput& fill,
                              Money raw_commission, const StockPlanBounds& bounds,
                              const std::vector<FeeItem>& fees, bool itemize = true);

// Accruals of orders still receiving fills, by client order id. Without an id a fill is a whole
// order of its own.
class OrderAccruals {
 public:
  // The running totals of `order` (a copy, for estimates that change nothing).
  OrderAccrual get(const std::optional<ClientOrderId>& order) const;
  // The stored totals of `order` to update in place (created empty), or null without an id.
  OrderAccrual* find_or_add(const std::optional<ClientOrderId>& order);
  // The order will get no more fills (terminal status): forget its totals.
  void close(const ClientOrderId& order) { open_.erase(order); }
  std::size_t open_count() const { return open_.size(); }

 private:
  std::unordered_map<ClientOrderId, OrderAccrual> open_;
};

}  // namespace ibtrade::engine
