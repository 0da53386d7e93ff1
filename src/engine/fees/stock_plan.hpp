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

// Books one fill into `accrual`: its share of the order's bounded commission, its fees, and a
// total such that the order's fills add up to the order's total rounded once to cents. Without
// `itemize` the breakdown's fee list stays empty (the venue books only the total, per fill).
CommissionBreakdown book_fill(OrderAccrual& accrual, const CommissionInput& fill,
                              Money raw_commission, const StockPlanBounds& bounds,
                              const std::vector<FeeItem>& fees, bool itemize = true);

// Accruals of orders still receiving fills, by client order id, unless the fill brings its own
// (CommissionInput::accrual). Without either a fill is a whole order of its own.
class OrderAccruals {
 public:
  // The running totals of the fill's order (a copy, for estimates that change nothing).
  OrderAccrual get(const CommissionInput& fill, const std::optional<ClientOrderId>& order) const;
  // The totals to update in place: the fill's own, else the stored ones of `order` (created
  // empty), else null.
  OrderAccrual* find_or_add(const CommissionInput& fill, const std::optional<ClientOrderId>& order);
  // The order will get no more fills (terminal status): forget its totals. Callers that keep
  // their own accruals close every order too, so an empty map is the common case.
  void close(const ClientOrderId& order) {
    if (!open_.empty()) open_.erase(order);
  }
  std::size_t open_count() const { return open_.size(); }

 private:
  std::unordered_map<ClientOrderId, OrderAccrual> open_;
};

}  // namespace ibtrade::engine
