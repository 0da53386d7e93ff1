#include "engine/fees/fee_item.hpp"

#include <utility>

namespace ibtrade::engine {

FeeItem FeeItem::per_share_fee(std::string name, Money per_share, FeeApplies applies,
                               std::optional<Money> max_per_fill) {
  FeeItem item;
  item.name = std::move(name);
  item.basis = FeeBasis::kPerShare;
  item.applies = applies;
  item.per_share = per_share;
  item.max_per_fill = max_per_fill;
  return item;
}

FeeItem FeeItem::percent_of_value(std::string name, Percent percent, FeeApplies applies) {
  FeeItem item;
  item.name = std::move(name);
  item.basis = FeeBasis::kPercentOfValue;
  item.applies = applies;
  item.percent = percent;
  return item;
}

FeeItem FeeItem::per_million_of_value(std::string name, Money per_million, FeeApplies applies) {
  // x per million is x / 10'000 percent.
  const std::int64_t raw = fixed::mul_div(per_million.raw(), 1, 10'000);
  return percent_of_value(std::move(name), Percent::from_raw(raw, fixed::exact_precision(raw)),
                          applies);
}

FeeItem FeeItem::percent_of_commission(std::string name, Percent percent, FeeApplies applies) {
  FeeItem item = percent_of_value(std::move(name), percent, applies);
  item.basis = FeeBasis::kPercentOfCommission;
  return item;
}

Money fee_amount(const FeeItem& item, const FeeBase& base) {
  if (item.applies == FeeApplies::kSalesOnly && base.side != Side::kSell) return Money{};
  Money fee;
  switch (item.basis) {
    case FeeBasis::kPerShare:
      fee = notional(price_of(item.per_share), base.quantity);
      break;
    case FeeBasis::kPercentOfValue:
      fee = scale(base.value, item.percent.raw(), 100 * kFixedScale, kFixedPrecision);
      break;
    case FeeBasis::kPercentOfCommission:
      fee = scale(base.commission, item.percent.raw(), 100 * kFixedScale, kFixedPrecision);
      break;
  }
  if (item.min_per_fill && fee < *item.min_per_fill) fee = *item.min_per_fill;
  if (item.max_per_fill && fee > *item.max_per_fill) fee = *item.max_per_fill;
  return fee;
}

}  // namespace ibtrade::engine
