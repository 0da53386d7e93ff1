#include "engine/fees/ibkr_fixed.hpp"

#include <utility>

namespace ibtrade::engine {

IbkrFixedCommission::IbkrFixedCommission(IbkrFixedConfig config)
    : config_(std::move(config)),
      bounds_{config_.minimum_per_order, config_.maximum_percent_of_value} {}

CommissionBreakdown IbkrFixedCommission::charge(const CommissionInput& fill,
                                                const std::optional<ClientOrderId>& order) {
  OrderAccrual accrual = accruals_.get(order);
  const Money raw = notional(price_of(config_.per_share), fill.quantity);
  CommissionBreakdown out = book_fill(accrual, fill, raw, bounds_, config_.fees);
  accruals_.commit(order, accrual);
  return out;
}

}  // namespace ibtrade::engine
