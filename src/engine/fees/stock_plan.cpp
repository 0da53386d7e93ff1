#include "engine/fees/stock_plan.hpp"

#include <algorithm>

namespace ibtrade::engine {
namespace {

constexpr int kCents = 2;

__extension__ typedef __int128 Wide;  // holds any product of two raw values

// Whether `percent` % of `value` is at least `amount`, compared exactly: then the cap, however
// it rounds, cannot lower `amount`, and computing it can be skipped.
bool cap_at_least(Money amount, Money value, Percent percent) {
  return Wide{value.raw()} * percent.raw() >= Wide{amount.raw()} * (100 * kFixedScale);
}

}  // namespace

CommissionBreakdown book_fill(OrderAccrual& accrual, const CommissionInput& fill,
                              Money raw_commission, const StockPlanBounds& bounds,
                              const std::vector<FeeItem>& fees, bool itemize) {
  const Money value = notional(fill.price, fill.quantity);
  accrual.raw_commission += raw_commission;
  accrual.value += value;
  // The cap wins over the minimum: IBKR charges 1 % of a tiny order even below the minimum.
  Money bounded = std::max(accrual.raw_commission, bounds.minimum_per_order);
  if (bounds.maximum_percent_of_value &&
      !cap_at_least(bounded, accrual.value, *bounds.maximum_percent_of_value)) {
    const Money cap = scale(accrual.value, bounds.maximum_percent_of_value->raw(),
                            100 * kFixedScale, kFixedPrecision);
    bounded = std::min(bounded, cap);
  }
  CommissionBreakdown out;
  out.commission = bounded - accrual.commission;  // never negative: bounded only grows
  accrual.commission = bounded;

  const FeeBase base{fill.side, fill.quantity, value, out.commission};
  Money exact = out.commission;
  if (itemize) out.fees.reserve(fees.size());
  for (const FeeItem& item : fees) {
    const Money amount = fee_amount(item, base);
    if (itemize) out.fees.push_back({item.name, amount});
    exact += amount;
  }
  accrual.exact_total += exact;
  const Money rounded = accrual.exact_total.rounded(kCents);
  out.total = rounded - accrual.charged;
  accrual.charged = rounded;
  return out;
}

OrderAccrual OrderAccruals::get(const CommissionInput& fill,
                                const std::optional<ClientOrderId>& order) const {
  if (fill.accrual != nullptr) return *fill.accrual;
  if (!order) return {};
  const auto it = open_.find(*order);
  return it == open_.end() ? OrderAccrual{} : it->second;
}

OrderAccrual* OrderAccruals::find_or_add(const CommissionInput& fill,
                                         const std::optional<ClientOrderId>& order) {
  if (fill.accrual != nullptr) return fill.accrual;
  return order ? &open_[*order] : nullptr;
}

}  // namespace ibtrade::engine
