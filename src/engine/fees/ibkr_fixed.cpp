#include "engine/fees/ibkr_fixed.hpp"

#include <utility>

namespace ibtrade::engine {

IbkrFixedCommission::IbkrFixedCommission(IbkrFixedConfig config)
    : config_(std::move(config)),
      bounds_{config_.minimum_per_order, config_.maximum_percent_of_value} {}

CommissionBreakdown IbkrFixedCommission::charge(const CommissionInput& fill,
                                                const std::optional<ClientOrderId>& order) {
  return book(fill, order, /*itemize=*/true);
}

CommissionBreakdown IbkrFixedCommission::book(const CommissionInput& fill,
                                              const std::optional<ClientOrderId>& order,
                                              bool itemize) {
  OrderAccrual single;  // a fill without an order id is an order of its own
  OrderAccrual* accrual = accruals_.find_or_add(fill, order);
  const Money raw = notional(price_of(config_.per_share), fill.quantity);
  return book_fill(accrual != nullptr ? *accrual : single, fill, raw, bounds_, config_.fees,
                   itemize);
}

}  // namespace ibtrade::engine
