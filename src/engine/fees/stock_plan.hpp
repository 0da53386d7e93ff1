// The part IBKR's Fixed and Tiered stock plans share: a per-order minimum and a cap in percent of
// trade value on the broker's commission, third-party fees per fill, cents rounding, and the
// running totals that let an order filled in pieces pay the minimum once.
// Single-threaded, owned by the commission model that uses it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "engine/commission.hpp"
#include "engine/fees/commission_breakdown.hpp"
#include "engine/fees/fee_item.hpp"

namespace ibtrade::engine {

// A Percent as a ratio of raw values: its raw value over this.
inline constexpr std::int64_t kPercentDenominator = 100 * kFixedScale;

// A fill's quantity, ready to price amounts per share: a whole number of shares (nearly every
// fill) makes notional() one checked 64-bit multiplication instead of a 128-bit product and its
// range checks, and a fill is priced per share two or three times.
class FillShares {
 public:
  explicit FillShares(Quantity quantity)
      : quantity_(quantity), whole_(quantity.precision() == 0 ? quantity.raw() / kFixedScale : 0) {}

  // notional(per_share, quantity).raw() when the quantity is a whole number of shares and the
  // product fits (then it shows per_share's decimals); else nothing.
  std::optional<std::int64_t> whole_times(Price per_share) const {
    if (std::int64_t raw = 0;
        whole_ != 0 && !__builtin_mul_overflow(per_share.raw(), whole_, &raw)) {
      return raw;
    }
    return std::nullopt;
  }
  // notional(per_share, quantity).raw()
  std::int64_t raw_times(Price per_share) const {
    if (std::int64_t raw = 0;
        whole_ != 0 && !__builtin_mul_overflow(per_share.raw(), whole_, &raw)) {
      return raw;
    }
    return notional(per_share, quantity_).raw();
  }

 private:
  Quantity quantity_;
  std::int64_t whole_;  // the quantity in shares, or 0 if not a whole number
};

// A FeeItem prepared for pricing fills: a percent rate is kept as a reduced fraction of raw
// units, so that a fill's fee is one checked multiplication and one division (the general
// scale() behind fee_amount searches for common factors and rounds on every call).
// amount() equals fee_amount() for every input.
class PreparedFee {
 public:
  explicit PreparedFee(const FeeItem& item);

  bool applies_to(Side side) const { return !sales_only_ || side == Side::kSell; }
  // The fee on a fill of a side it applies to, exact at 1e-9.
  Money amount(const FeeBase& base) const {
    Money fee;
    switch (basis_) {
      case FeeBasis::kPerShare:
        fee = notional(per_share_, base.quantity);
        break;
      case FeeBasis::kPercentOfValue:
        fee = rate_of(base.value);
        break;
      case FeeBasis::kPercentOfCommission:
        fee = rate_of(base.commission);
        break;
    }
    if (min_per_fill_ && fee < *min_per_fill_) fee = *min_per_fill_;
    if (max_per_fill_ && fee > *max_per_fill_) fee = *max_per_fill_;
    return fee;
  }
  // amount(...).raw() from raw values: what StockPlan::book adds up, with no Decimal built.
  [[gnu::always_inline]] std::int64_t raw_amount(const FillShares& shares, std::int64_t value,
                                                 std::int64_t commission) const {
    std::int64_t fee = 0;
    switch (basis_) {
      case FeeBasis::kPerShare:
        fee = shares.raw_times(per_share_);
        break;
      case FeeBasis::kPercentOfValue:
        fee = raw_rate_of(value);
        break;
      case FeeBasis::kPercentOfCommission:
        fee = raw_rate_of(commission);
        break;
    }
    return std::min(std::max(fee, min_raw_), max_raw_);
  }

 private:
  // scale(amount, percent, 100 x 1e9, 9): the same exact fraction, rounded once, half to even.
  Money rate_of(Money amount) const {
    return Money::from_raw(raw_rate_of(amount.raw()), kFixedPrecision);
  }
  std::int64_t raw_rate_of(std::int64_t amount) const {
    if (std::int64_t product = 0; !__builtin_mul_overflow(amount, numerator_, &product)) {
      return fixed::detail::div_half_even_64(product, denominator_);
    }
    return overflowing_rate_of(amount);
  }
  std::int64_t overflowing_rate_of(std::int64_t amount) const;

  FeeBasis basis_ = FeeBasis::kPerShare;
  bool sales_only_ = false;
  Price per_share_;             // kPerShare
  Percent percent_;             // kPercentOf*, for the rare product that overflows 64 bits
  std::int64_t numerator_ = 0;  // kPercentOf*: percent / 100 as raw units, reduced
  std::int64_t denominator_ = 1;
  std::optional<Money> min_per_fill_;
  std::optional<Money> max_per_fill_;
  std::int64_t min_raw_ = INT64_MIN;  // min_per_fill_'s raw value, or no floor
  std::int64_t max_raw_ = INT64_MAX;  // max_per_fill_'s raw value, or no cap
};

// A stock plan's bounds and fees, prepared once. Booking a fill adds its share of the order's
// bounded commission and its fees to the order's running totals (`accrual`) and charges the
// fill so that the order's fills add up to the order's total rounded once to cents.
class StockPlan {
 public:
  StockPlan(Money minimum_per_order, std::optional<Percent> maximum_percent_of_value,
            const std::vector<FeeItem>& fees);

  // What the fill is charged (the breakdown's total), for the simulated venue, per fill. Only
  // the fees that apply to the fill's side are computed: none for a buy under the Fixed plan.
  // Inline, with all it calls, on raw values: every fill of a backtest is priced here, and calls
  // between out-of-line pieces and Decimal's precision bookkeeping cost more than the arithmetic.
  [[gnu::always_inline]] Money book(OrderAccrual& accrual, const CommissionInput& fill,
                                    Money raw_commission) const {
    return book(accrual, fill, FillShares(fill.quantity), raw_commission.raw(),
                raw_commission.precision());
  }
  // The same, for a plan whose commission before min/max is `per_share` on every share.
  [[gnu::always_inline]] Money book_per_share(OrderAccrual& accrual, const CommissionInput& fill,
                                              Price per_share) const {
    const FillShares shares(fill.quantity);
    if (const std::optional<std::int64_t> raw = shares.whole_times(per_share)) [[likely]] {
      // The product of a whole share count shows the rate's decimals: no Money is built for it.
      return book(accrual, fill, shares, *raw, per_share.precision());
    }
    const Money raw = notional(per_share, fill.quantity);
    return book(accrual, fill, shares, raw.raw(), raw.precision());
  }
  // The same booking, item by item: every fee in the plan's order, zero where it did not apply.
  CommissionBreakdown book_itemized(OrderAccrual& accrual, const CommissionInput& fill,
                                    Money raw_commission) const;

 private:
  static constexpr int kCents = 2;

  // `raw_commission` is the fill's commission before min/max as a raw value showing
  // `raw_precision` decimals.
  [[gnu::always_inline]] Money book(OrderAccrual& accrual, const CommissionInput& fill,
                                    const FillShares& shares, std::int64_t raw_commission,
                                    int raw_precision) const {
    const std::int64_t value = shares.raw_times(fill.price);
    const std::int64_t commission = add_commission(accrual, raw_commission, raw_precision, value);
    std::int64_t exact = commission;
    for (const PreparedFee& fee : fees_for(fill.side))
      exact = fixed::add(exact, fee.raw_amount(shares, value, commission));
    return settle(accrual, exact);
  }
  static constexpr std::int64_t kCent = kFixedScale / 100;  // a cent's raw value

  // Adds the fill to the order's commission before fees; the fill's share of it (raw), whose
  // precision is then accrual.commission_precision or the previous one, whichever is larger.
  std::int64_t add_commission(OrderAccrual& accrual, std::int64_t raw_commission, int raw_precision,
                              std::int64_t value) const {
    accrual.raw_commission = fixed::add(accrual.raw_commission, raw_commission);
    accrual.raw_commission_precision =
        std::max(accrual.raw_commission_precision, static_cast<std::int8_t>(raw_precision));
    accrual.value = fixed::add(accrual.value, value);
    // The cap wins over the minimum: IBKR charges 1 % of a tiny order even below the minimum.
    // (Ties keep the running commission, as std::max and std::min would.)
    std::int64_t bounded = accrual.raw_commission;
    std::int8_t precision = accrual.raw_commission_precision;
    if (bounded < minimum_raw_) {
      bounded = minimum_raw_;
      precision = minimum_precision_;
    }
    if (maximum_percent_of_value_ && !cap_at_least(bounded, accrual.value)) [[unlikely]] {
      if (const std::int64_t cap = cap_of(accrual.value); cap < bounded) {
        bounded = cap;
        precision = kFixedPrecision;
      }
    }
    const std::int64_t commission = fixed::sub(bounded, accrual.commission);  // bounded only grows
    accrual.commission = bounded;
    accrual.commission_precision = precision;
    return commission;
  }
  // Whether the cap on an order of `value` is at least `amount` (raw values), compared exactly:
  // then the cap, however it rounds, cannot lower `amount`, and computing it can be skipped
  // (most orders). A cap of 1 / n of the value (1 % is 1 / 100) is one 64-bit multiplication.
  bool cap_at_least(std::int64_t amount, std::int64_t value) const {
    if (std::int64_t scaled = 0;
        cap_divisor_ != 0 && !__builtin_mul_overflow(amount, cap_divisor_, &scaled)) [[likely]] {
      return value >= scaled;
    }
    __extension__ using Wide = __int128;  // holds any product of two raw values
    return Wide{value} * maximum_percent_of_value_->raw() >= Wide{amount} * kPercentDenominator;
  }
  // The cap on an order of `value` (raw), rounded at 1e-9.
  std::int64_t cap_of(std::int64_t value) const;
  // Adds the fill's exact charge to the order's; what the fill is booked, in cents.
  static Money settle(OrderAccrual& accrual, std::int64_t exact) {
    accrual.exact_total = fixed::add(accrual.exact_total, exact);
    const std::int64_t rounded = in_cents(accrual.exact_total);
    const std::int64_t total = fixed::sub(rounded, accrual.charged);
    accrual.charged = rounded;
    return Money::from_raw(total, kCents);
  }
  // Money::from_raw(exact, 9).rounded(kCents).raw() without its 128-bit division: a fill's fees
  // leave decimals below the cent on most sales, where rounded() takes its general path.
  static std::int64_t in_cents(std::int64_t exact) {
    std::int64_t raw = 0;
    if (__builtin_mul_overflow(fixed::detail::div_half_even_64(exact, kCent), kCent, &raw))
        [[unlikely]] {
      return Money::from_raw(exact, kFixedPrecision).rounded(kCents).raw();
    }
    return raw;
  }
  const std::vector<PreparedFee>& fees_for(Side side) const {
    return side == Side::kSell ? sale_fees_ : buy_fees_;
  }

  std::int64_t minimum_raw_ = 0;  // the minimum per order's raw value and precision
  std::int8_t minimum_precision_ = 0;
  std::optional<Percent> maximum_percent_of_value_;  // of the order's filled value
  // n when the cap is exactly 1 / n of the value (kPercentDenominator a multiple of its raw
  // percent), else 0.
  std::int64_t cap_divisor_ = 0;
  std::vector<std::string> names_;      // of every fee, in the plan's order
  std::vector<PreparedFee> fees_;       // every fee, in the plan's order
  std::vector<PreparedFee> buy_fees_;   // those that apply to buys, in order
  std::vector<PreparedFee> sale_fees_;  // those that apply to sales, in order
};

// Accruals of orders still receiving fills, by client order id, unless the fill brings its own
// (CommissionInput::accrual). Without either a fill is a whole order of its own.
class OrderAccruals {
 public:
  // The running totals of the fill's order (a copy, for estimates that change nothing).
  OrderAccrual get(const CommissionInput& fill, const ClientOrderId* order) const;
  // The totals to update in place: the fill's own, else the stored ones of `order` (created
  // empty), else null.
  OrderAccrual* find_or_add(const CommissionInput& fill, const ClientOrderId* order) {
    if (fill.accrual != nullptr) return fill.accrual;
    return order != nullptr ? &open_[*order] : nullptr;
  }
  // The order will get no more fills (terminal status): forget its totals. Callers that keep
  // their own accruals close every order too, so an empty map is the common case.
  void close(const ClientOrderId& order) {
    if (!open_.empty()) open_.erase(order);
  }
  std::size_t open_count() const { return open_.size(); }

 private:
  std::unordered_map<ClientOrderId, OrderAccrual> open_;
};

// The id an optional order id points to, or null.
inline const ClientOrderId* id_or_null(const std::optional<ClientOrderId>& order) {
  return order ? &*order : nullptr;
}

}  // namespace ibtrade::engine
