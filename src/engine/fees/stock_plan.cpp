#include "engine/fees/stock_plan.hpp"

#include <algorithm>
#include <numeric>

namespace ibtrade::engine {
PreparedFee::PreparedFee(const FeeItem& item)
    : basis_(item.basis),
      sales_only_(item.applies == FeeApplies::kSalesOnly),
      per_share_(price_of(item.per_share)),
      percent_(item.percent),
      min_per_fill_(item.min_per_fill),
      max_per_fill_(item.max_per_fill) {
  if (min_per_fill_) min_raw_ = min_per_fill_->raw();
  if (max_per_fill_) max_raw_ = max_per_fill_->raw();
  const std::int64_t common = std::gcd(item.percent.raw(), kPercentDenominator);
  numerator_ = item.percent.raw() / common;
  denominator_ = kPercentDenominator / common;
}

std::int64_t PreparedFee::overflowing_rate_of(std::int64_t amount) const {
  return scale(Money::from_raw(amount, kFixedPrecision), percent_.raw(), kPercentDenominator,
               kFixedPrecision)
      .raw();
}

StockPlan::StockPlan(Money minimum_per_order, std::optional<Percent> maximum_percent_of_value,
                     const std::vector<FeeItem>& fees)
    : minimum_raw_(minimum_per_order.raw()),
      minimum_precision_(static_cast<std::int8_t>(minimum_per_order.precision())),
      maximum_percent_of_value_(maximum_percent_of_value) {
  if (maximum_percent_of_value_ && maximum_percent_of_value_->is_positive() &&
      kPercentDenominator % maximum_percent_of_value_->raw() == 0) {
    cap_divisor_ = kPercentDenominator / maximum_percent_of_value_->raw();
  }
  for (const FeeItem& item : fees) {
    const PreparedFee fee(item);
    names_.push_back(item.name);
    fees_.push_back(fee);
    if (fee.applies_to(Side::kBuy)) buy_fees_.push_back(fee);
    if (fee.applies_to(Side::kSell)) sale_fees_.push_back(fee);
  }
}

std::int64_t StockPlan::cap_of(std::int64_t value) const {
  return scale(Money::from_raw(value, kFixedPrecision), maximum_percent_of_value_->raw(),
               kPercentDenominator, kFixedPrecision)
      .raw();
}

CommissionBreakdown StockPlan::book_itemized(OrderAccrual& accrual, const CommissionInput& fill,
                                             Money raw_commission) const {
  const Money value = notional(fill.price, fill.quantity);
  const std::int8_t previous_precision = accrual.commission_precision;
  const std::int64_t commission =
      add_commission(accrual, raw_commission.raw(), raw_commission.precision(), value.raw());
  CommissionBreakdown out;
  // Shown as a Decimal difference shows: with the larger precision of the two commissions.
  out.commission =
      Money::from_raw(commission, std::max(previous_precision, accrual.commission_precision));
  const FeeBase base{fill.side, fill.quantity, value, out.commission};
  std::int64_t exact = commission;
  out.fees.reserve(fees_.size());
  for (std::size_t i = 0; i < fees_.size(); ++i) {
    const Money amount = fees_[i].applies_to(fill.side) ? fees_[i].amount(base) : Money{};
    out.fees.push_back({names_[i], amount});
    exact = fixed::add(exact, amount.raw());
  }
  out.total = settle(accrual, exact);
  return out;
}

OrderAccrual OrderAccruals::get(const CommissionInput& fill, const ClientOrderId* order) const {
  if (fill.accrual != nullptr) return *fill.accrual;
  if (order == nullptr) return {};
  const auto it = open_.find(*order);
  return it == open_.end() ? OrderAccrual{} : it->second;
}

}  // namespace ibtrade::engine
