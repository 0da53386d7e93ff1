#include "engine/fees/ibkr_tiered.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <utility>

namespace ibtrade::engine {

std::vector<VolumeTier> ibkr_us_stock_tiers() {
  return {
      {Quantity::from_units(300'000), decimal_of<Money>(35, 4)},
      {Quantity::from_units(3'000'000), decimal_of<Money>(20, 4)},
      {Quantity::from_units(20'000'000), decimal_of<Money>(15, 4)},
      {Quantity::from_units(100'000'000), decimal_of<Money>(10, 4)},
      {std::nullopt, decimal_of<Money>(5, 4)},
  };
}

IbkrTieredCommission::IbkrTieredCommission(IbkrTieredConfig config)
    : config_(std::move(config)),
      plan_(config_.minimum_per_order, config_.maximum_percent_of_value, config_.fees) {
  if (config_.tiers.empty()) throw std::invalid_argument("tiered commission needs a volume tier");
}

void IbkrTieredCommission::enter_month_of(Timestamp t) {
  const int month = month_of(t);
  if (month_ != month) {
    month_ = month;
    volume_ = Quantity{};
  }
}

Money IbkrTieredCommission::commission(const CommissionInput& fill) {
  enter_month_of(fill.time);
  OrderAccrual single;  // a fill without an order is an order of its own
  OrderAccrual* accrual = accruals_.find_or_add(fill, fill.order_id);
  const Money charged = plan_.book(accrual != nullptr ? *accrual : single, fill,
                                   marginal_commission(volume_, fill.quantity));
  volume_ += fill.quantity;
  return charged;
}

CommissionBreakdown IbkrTieredCommission::charge(const CommissionInput& fill,
                                                 const std::optional<ClientOrderId>& order) {
  enter_month_of(fill.time);
  OrderAccrual single;
  OrderAccrual* accrual = accruals_.find_or_add(fill, id_or_null(order));
  CommissionBreakdown out = plan_.book_itemized(accrual != nullptr ? *accrual : single, fill,
                                                marginal_commission(volume_, fill.quantity));
  volume_ += fill.quantity;
  return out;
}

CommissionBreakdown IbkrTieredCommission::estimate(
    const CommissionInput& fill, const std::optional<ClientOrderId>& order) const {
  OrderAccrual accrual = accruals_.get(fill, id_or_null(order));
  const Money raw = marginal_commission(monthly_volume(fill.time), fill.quantity);
  return plan_.book_itemized(accrual, fill, raw);
}

Quantity IbkrTieredCommission::monthly_volume(Timestamp t) const {
  return month_ == month_of(t) ? volume_ : Quantity{};
}

void IbkrTieredCommission::seed_monthly_volume(Timestamp t, Quantity shares) {
  month_ = month_of(t);
  volume_ = shares;
}

int IbkrTieredCommission::month_of(Timestamp t) const {
  const auto seconds = date::floor<std::chrono::seconds>(t);
  const date::year_month_day day =
      config_.month_zone
          ? date::year_month_day{date::floor<date::days>(config_.month_zone->to_local(seconds))}
          : date::year_month_day{date::floor<date::days>(seconds)};
  return static_cast<int>(day.year()) * 12 + static_cast<int>(static_cast<unsigned>(day.month()));
}

Money IbkrTieredCommission::marginal_commission(Quantity volume_before, Quantity quantity) const {
  Money raw;
  Quantity done = volume_before;
  Quantity left = quantity;
  for (const VolumeTier& tier : config_.tiers) {
    if (!left.is_positive()) break;
    Quantity take = left;
    if (tier.up_to) {
      if (done >= *tier.up_to) continue;
      take = std::min(left, *tier.up_to - done);
    }
    raw += notional(price_of(tier.per_share), take);
    done += take;
    left -= take;
  }
  // A table whose last tier is bounded prices what lies beyond at the last rate.
  if (left.is_positive()) raw += notional(price_of(config_.tiers.back().per_share), left);
  return raw;
}

}  // namespace ibtrade::engine
