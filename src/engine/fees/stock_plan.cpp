#include "engine/fees/stock_plan.hpp"

#include <algorithm>
#include <numeric>

namespace ibtrade::engine {
namespace {

constexpr int kCents = 2;
constexpr std::int64_t kPercentDenominator = 100 * kFixedScale;  // a Percent's raw, as a ratio

__extension__ typedef __int128 Wide;  // holds any product of two raw values

// Whether `percent` % of `value` is at least `amount`, compared exactly: then the cap, however
// it rounds, cannot lower `amount`, and computing it can be skipped.
bool cap_at_least(Money amount, Money value, Percent percent) {
  return Wide{value.raw()} * percent.raw() >= Wide{amount.raw()} * kPercentDenominator;
}

// exact_total.rounded(kCents) without its 128-bit division: a fill's fees leave decimals below
// the cent on most sales, where rounded() takes its general path.
Money in_cents(Money exact) {
  constexpr std::int64_t kCent = kFixedScale / 100;
  std::int64_t raw = 0;
  if (__builtin_mul_overflow(fixed::detail::div_half_even_64(exact.raw(), kCent), kCent, &raw)) {
    return exact.rounded(kCents);
  }
  return Money::from_raw(raw, kCents);
}

// Adds the fill's exact charge to the order's; what the fill is booked, in cents.
Money settle(OrderAccrual& accrual, Money exact) {
  accrual.exact_total += exact;
  const Money rounded = in_cents(accrual.exact_total);
  const Money total = rounded - accrual.charged;
  accrual.charged = rounded;
  return total;
}

}  // namespace

PreparedFee::PreparedFee(const FeeItem& item)
    : basis_(item.basis),
      sales_only_(item.applies == FeeApplies::kSalesOnly),
      per_share_(price_of(item.per_share)),
      percent_(item.percent),
      min_per_fill_(item.min_per_fill),
      max_per_fill_(item.max_per_fill) {
  const std::int64_t common = std::gcd(item.percent.raw(), kPercentDenominator);
  numerator_ = item.percent.raw() / common;
  denominator_ = kPercentDenominator / common;
}

Money PreparedFee::overflowing_rate_of(Money amount) const {
  return scale(amount, percent_.raw(), kPercentDenominator, kFixedPrecision);
}

StockPlan::StockPlan(Money minimum_per_order, std::optional<Percent> maximum_percent_of_value,
                     const std::vector<FeeItem>& fees)
    : minimum_per_order_(minimum_per_order), maximum_percent_of_value_(maximum_percent_of_value) {
  for (const FeeItem& item : fees) {
    const PreparedFee fee(item);
    names_.push_back(item.name);
    fees_.push_back(fee);
    if (fee.applies_to(Side::kBuy)) buy_fees_.push_back(fee);
    if (fee.applies_to(Side::kSell)) sale_fees_.push_back(fee);
  }
}

inline Money StockPlan::add_commission(OrderAccrual& accrual, Money raw_commission,
                                       Money value) const {
  accrual.raw_commission += raw_commission;
  accrual.value += value;
  // The cap wins over the minimum: IBKR charges 1 % of a tiny order even below the minimum.
  Money bounded = std::max(accrual.raw_commission, minimum_per_order_);
  if (maximum_percent_of_value_ &&
      !cap_at_least(bounded, accrual.value, *maximum_percent_of_value_)) {
    const Money cap = scale(accrual.value, maximum_percent_of_value_->raw(), kPercentDenominator,
                            kFixedPrecision);
    bounded = std::min(bounded, cap);
  }
  const Money commission = bounded - accrual.commission;  // never negative: bounded only grows
  accrual.commission = bounded;
  return commission;
}

Money StockPlan::book(OrderAccrual& accrual, const CommissionInput& fill,
                      Money raw_commission) const {
  const Money value = notional(fill.price, fill.quantity);
  const Money commission = add_commission(accrual, raw_commission, value);
  Money exact = commission;
  if (const std::vector<PreparedFee>& fees = fees_for(fill.side); !fees.empty()) {
    const FeeBase base{fill.side, fill.quantity, value, commission};
    for (const PreparedFee& fee : fees)
      exact += fee.amount(base);
  }
  return settle(accrual, exact);
}

CommissionBreakdown StockPlan::book_itemized(OrderAccrual& accrual, const CommissionInput& fill,
                                             Money raw_commission) const {
  const Money value = notional(fill.price, fill.quantity);
  CommissionBreakdown out;
  out.commission = add_commission(accrual, raw_commission, value);
  const FeeBase base{fill.side, fill.quantity, value, out.commission};
  Money exact = out.commission;
  out.fees.reserve(fees_.size());
  for (std::size_t i = 0; i < fees_.size(); ++i) {
    const Money amount = fees_[i].applies_to(fill.side) ? fees_[i].amount(base) : Money{};
    out.fees.push_back({names_[i], amount});
    exact += amount;
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
