// The part IBKR's Fixed and Tiered stock plans share: a per-order minimum and a cap in percent of
// trade value on the broker's commission, third-party fees per fill, cents rounding, and the
// running totals that let an order filled in pieces pay the minimum once.
// Single-threaded, owned by the commission model that uses it.
#pragma once

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

 private:
  // scale(amount, percent, 100 x 1e9, 9): the same exact fraction, rounded once, half to even.
  Money rate_of(Money amount) const {
    if (std::int64_t product = 0; !__builtin_mul_overflow(amount.raw(), numerator_, &product)) {
      return Money::from_raw(fixed::detail::div_half_even_64(product, denominator_),
                             kFixedPrecision);
    }
    return overflowing_rate_of(amount);
  }
  Money overflowing_rate_of(Money amount) const;

  FeeBasis basis_ = FeeBasis::kPerShare;
  bool sales_only_ = false;
  Price per_share_;             // kPerShare
  Percent percent_;             // kPercentOf*, for the rare product that overflows 64 bits
  std::int64_t numerator_ = 0;  // kPercentOf*: percent / 100 as raw units, reduced
  std::int64_t denominator_ = 1;
  std::optional<Money> min_per_fill_;
  std::optional<Money> max_per_fill_;
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
  Money book(OrderAccrual& accrual, const CommissionInput& fill, Money raw_commission) const;
  // The same booking, item by item: every fee in the plan's order, zero where it did not apply.
  CommissionBreakdown book_itemized(OrderAccrual& accrual, const CommissionInput& fill,
                                    Money raw_commission) const;

 private:
  // Adds the fill to the order's commission before fees; the fill's share of it.
  Money add_commission(OrderAccrual& accrual, Money raw_commission, Money value) const;
  const std::vector<PreparedFee>& fees_for(Side side) const {
    return side == Side::kSell ? sale_fees_ : buy_fees_;
  }

  Money minimum_per_order_;
  std::optional<Percent> maximum_percent_of_value_;  // of the order's filled value
  std::vector<std::string> names_;                   // of every fee, in the plan's order
  std::vector<PreparedFee> fees_;                    // every fee, in the plan's order
  std::vector<PreparedFee> buy_fees_;                // those that apply to buys, in order
  std::vector<PreparedFee> sale_fees_;               // those that apply to sales, in order
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
