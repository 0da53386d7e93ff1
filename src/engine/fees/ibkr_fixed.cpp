#include "engine/fees/ibkr_fixed.hpp"

#include <utility>

namespace ibtrade::engine {

IbkrFixedCommission::IbkrFixedCommission(IbkrFixedConfig config)
    : config_(std::move(config)),
      per_share_(price_of(config_.per_share)),
      plan_(config_.minimum_per_order, config_.maximum_percent_of_value, config_.fees) {}

Money IbkrFixedCommission::commission(const CommissionInput& fill) {
  // The simulated venue brings each order's accrual: that path has nothing else to look up.
  if (fill.accrual != nullptr) [[likely]] {
    return plan_.book_per_share(*fill.accrual, fill, per_share_);
  }
  return commission_kept_here(fill);
}

Money IbkrFixedCommission::commission_kept_here(const CommissionInput& fill) {
  OrderAccrual single;  // a fill without an order is an order of its own
  OrderAccrual* accrual = accruals_.find_or_add(fill, fill.order_id);
  return plan_.book_per_share(accrual != nullptr ? *accrual : single, fill, per_share_);
}

CommissionBreakdown IbkrFixedCommission::charge(const CommissionInput& fill,
                                                const std::optional<ClientOrderId>& order) {
  OrderAccrual single;
  OrderAccrual* accrual = accruals_.find_or_add(fill, id_or_null(order));
  return plan_.book_itemized(accrual != nullptr ? *accrual : single, fill,
                             notional(per_share_, fill.quantity));
}

}  // namespace ibtrade::engine
