#include "engine/fees/ibkr_fees.hpp"

namespace ibtrade::engine::ibkr {

FeeItem sec_transaction_fee() {
  return FeeItem::per_million_of_value("sec_fee", decimal_of<Money>(2780, 2),
                                       FeeApplies::kSalesOnly);
}

FeeItem finra_taf() {
  return FeeItem::per_share_fee("finra_taf", decimal_of<Money>(166, 6), FeeApplies::kSalesOnly,
                                decimal_of<Money>(830, 2));
}

FeeItem finra_cat_fee() {
  return FeeItem::per_share_fee("finra_cat", decimal_of<Money>(72, 6), FeeApplies::kAllFills);
}

FeeItem clearing_fee() {
  return FeeItem::per_share_fee("clearing", decimal_of<Money>(20, 5), FeeApplies::kAllFills);
}

FeeItem exchange_fee() {
  return FeeItem::per_share_fee("exchange", decimal_of<Money>(30, 4), FeeApplies::kAllFills);
}

FeeItem nyse_pass_through() {
  return FeeItem::percent_of_commission("nyse_pass_through", decimal_of<Percent>(175, 4),
                                        FeeApplies::kAllFills);
}

FeeItem finra_pass_through() {
  return FeeItem::percent_of_commission("finra_pass_through", decimal_of<Percent>(563, 4),
                                        FeeApplies::kAllFills);
}

std::vector<FeeItem> fixed_plan_fees() {
  return {sec_transaction_fee(), finra_taf()};
}

std::vector<FeeItem> tiered_plan_fees() {
  return {exchange_fee(),       clearing_fee(),        nyse_pass_through(),
          finra_pass_through(), sec_transaction_fee(), finra_taf()};
}

}  // namespace ibtrade::engine::ibkr
