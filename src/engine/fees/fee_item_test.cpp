#include "engine/fees/fee_item.hpp"

#include <gtest/gtest.h>

#include "engine/fees/ibkr_fees.hpp"

namespace ibtrade::engine {
namespace {

Money usd(const char* text) {
  return Money::parse(text).value();
}

FeeBase base(Side side, std::int64_t quantity, const char* value, const char* commission) {
  return {side, Quantity::from_units(quantity), usd(value), usd(commission)};
}

TEST(FeeItem, EachBasisWorkedByHand) {
  // 27.80 per million is 0.00278 %.
  const FeeItem sec = ibkr::sec_transaction_fee();
  EXPECT_EQ(sec.percent, Percent::parse("0.00278").value());
  EXPECT_EQ(fee_amount(sec, base(Side::kSell, 10, "1000000.00", "0")), usd("27.80"));
  EXPECT_EQ(fee_amount(sec, base(Side::kSell, 10, "123.45", "0")), usd("0.00343191"));
  EXPECT_TRUE(fee_amount(sec, base(Side::kBuy, 10, "1000000.00", "0")).is_zero());

  const FeeItem taf = ibkr::finra_taf();
  EXPECT_EQ(fee_amount(taf, base(Side::kSell, 1'234, "0", "0")), usd("0.204844"));
  EXPECT_EQ(fee_amount(taf, base(Side::kSell, 50'000, "0", "0")), usd("8.30"));  // 8.30 cap
  EXPECT_EQ(fee_amount(taf, base(Side::kSell, 49'999, "0", "0")), usd("8.299834"));

  // NYSE pass-through 0.000175 x commission: 41,950.00 -> 7.34125 (IBKR's example: 7.34).
  EXPECT_EQ(fee_amount(ibkr::nyse_pass_through(), base(Side::kBuy, 1, "0", "41950.00")),
            usd("7.34125"));
  EXPECT_EQ(fee_amount(ibkr::clearing_fee(), base(Side::kBuy, 30'000'000, "0", "0")),
            usd("6000.00"));

  FeeItem floored =
      FeeItem::percent_of_value("floor", Percent::parse("0.01").value(), FeeApplies::kAllFills);
  floored.min_per_fill = usd("0.01");
  EXPECT_EQ(fee_amount(floored, base(Side::kBuy, 1, "5.00", "0")), usd("0.01"));  // 0.0005
  EXPECT_EQ(fee_amount(floored, base(Side::kBuy, 1, "500.00", "0")), usd("0.05"));
}

TEST(FeeItem, DecimalOfBuildsExactValues) {
  EXPECT_EQ(decimal_of<Money>(35, 2), usd("0.35"));
  EXPECT_EQ(decimal_of<Money>(35, 2).precision(), 2);
  EXPECT_EQ(decimal_of<Money>(166, 6), usd("0.000166"));
}

}  // namespace
}  // namespace ibtrade::engine
