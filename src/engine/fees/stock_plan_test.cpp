#include "engine/fees/stock_plan.hpp"

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "engine/fees/ibkr_fees.hpp"

namespace ibtrade::engine {
namespace {

Money usd(const char* text) {
  return Money::parse(text).value();
}

// Every fee kind the plans use, plus floors, caps and rates that do not reduce nicely.
std::vector<FeeItem> all_kinds_of_fees() {
  std::vector<FeeItem> fees = ibkr::tiered_plan_fees();
  fees.push_back(ibkr::finra_cat_fee());
  FeeItem floored =
      FeeItem::percent_of_value("floored", Percent::parse("0.0137").value(), FeeApplies::kAllFills);
  floored.min_per_fill = usd("0.01");
  floored.max_per_fill = usd("3.00");
  fees.push_back(floored);
  fees.push_back(FeeItem::percent_of_commission("odd", Percent::parse("3.333333333").value(),
                                                FeeApplies::kSalesOnly));
  fees.push_back(FeeItem::per_share_fee("zero", Money{}, FeeApplies::kAllFills));
  return fees;
}

// The prepared form computes what fee_amount computes, for small and huge fills alike (huge ones
// overflow the 64-bit product and take the general path).
TEST(PreparedFee, EqualsFeeAmountOnRandomFills) {
  std::mt19937_64 random(7);
  std::uniform_int_distribution<std::int64_t> shares(1, 5'000'000);
  std::uniform_int_distribution<std::int64_t> cents(1, 100'000'000);
  std::uniform_int_distribution<int> magnitude(0, 3);
  for (const FeeItem& item : all_kinds_of_fees()) {
    const PreparedFee prepared(item);
    for (int i = 0; i < 2'000; ++i) {
      const Side side = i % 2 == 0 ? Side::kBuy : Side::kSell;
      const int scale_up = magnitude(random);
      Money value = Money::from_raw(cents(random) * 10'000'000, 2);
      Money commission = Money::from_raw(cents(random) * 10'000'000, 2);
      for (int k = 0; k < scale_up; ++k) {
        value = value * 10;
        commission = commission * 10;
      }
      const FeeBase base{side, Quantity::from_units(shares(random)), value, commission};
      const Money expected = fee_amount(item, base);
      if (!prepared.applies_to(side)) {
        EXPECT_TRUE(expected.is_zero()) << item.name;
        continue;
      }
      EXPECT_EQ(prepared.amount(base), expected)
          << item.name << " on " << base.value << " / " << base.commission;
      EXPECT_EQ(
          prepared.raw_amount(FillShares(base.quantity), base.value.raw(), base.commission.raw()),
          expected.raw())
          << item.name << " on " << base.value << " / " << base.commission;
    }
  }
}

// Whole share counts take one multiplication, other quantities notional(): the same amounts and
// precisions either way.
TEST(FillShares, PricesAsNotionalDoes) {
  const std::vector<Price> rates{Price::parse("0.005").value(), Price::parse("37.21").value(),
                                 Price::parse("0.000166").value(), Price::parse("12").value()};
  const std::vector<Quantity> quantities{
      Quantity::from_units(1), Quantity::from_units(250), Quantity::parse("0.5").value(),
      Quantity::parse("3.25").value(), Quantity::from_units(2'000'000)};
  for (const Price rate : rates) {
    for (const Quantity quantity : quantities) {
      const FillShares shares(quantity);
      const Money expected = notional(rate, quantity);
      if (const auto whole = shares.whole_times(rate)) {
        EXPECT_EQ(*whole, expected.raw()) << rate << " x " << quantity;
        EXPECT_EQ(rate.precision(), expected.precision()) << rate << " x " << quantity;
      } else {
        EXPECT_NE(quantity.precision(), 0) << rate << " x " << quantity;
      }
      EXPECT_EQ(shares.raw_times(rate), expected.raw()) << rate << " x " << quantity;
    }
  }
}

TEST(StockPlan, TotalOnlyBookingMatchesTheItemizedOne) {
  const StockPlan plan(usd("0.35"), Percent::from_units(1), all_kinds_of_fees());
  std::mt19937_64 random(11);
  std::uniform_int_distribution<std::int64_t> shares(1, 20'000);
  std::uniform_int_distribution<std::int64_t> cents(1, 50'000);
  for (int order = 0; order < 300; ++order) {
    OrderAccrual fast;
    OrderAccrual itemized;
    const Side side = order % 2 == 0 ? Side::kBuy : Side::kSell;
    for (int part = 0; part < 4; ++part) {
      const Quantity quantity = Quantity::from_units(shares(random));
      const CommissionInput fill{side, quantity, Price::from_raw(cents(random) * 10'000'000, 2),
                                 Timestamp{}};
      const Money raw = notional(Price::from_raw(3'500'000, 4), quantity);
      const Money total = plan.book(fast, fill, raw);
      const CommissionBreakdown breakdown = plan.book_itemized(itemized, fill, raw);
      EXPECT_EQ(total, breakdown.total);
      EXPECT_EQ(total.precision(), breakdown.total.precision());
      EXPECT_EQ(fast, itemized);
      EXPECT_EQ(fast.charged, Money::from_raw(fast.exact_total, 9).rounded(2).raw());
    }
  }
}

// A single-fill order without fees is charged its commission between the minimum and the cap,
// rounded to cents: for a cap that is a whole fraction of the value (1 %) and one that is not.
TEST(StockPlan, CapsTheCommissionAtAPercentOfTheValue) {
  std::mt19937_64 random(5);
  std::uniform_int_distribution<std::int64_t> shares(1, 5'000);
  std::uniform_int_distribution<std::int64_t> cents(1, 2'000);
  for (const char* percent : {"1", "0.7", "0.25"}) {
    const Percent cap_percent = Percent::parse(percent).value();
    const StockPlan plan(usd("1.00"), cap_percent, {});
    for (int i = 0; i < 2'000; ++i) {
      const Quantity quantity = Quantity::from_units(shares(random));
      const Price price = Price::from_raw(cents(random) * 10'000'000, 2);
      const Money raw = notional(Price::parse("0.005").value(), quantity);
      const Money cap = scale(notional(price, quantity), cap_percent.raw(), 100 * kFixedScale, 9);
      const Money expected = std::min(std::max(raw, usd("1.00")), cap).rounded(2);
      OrderAccrual accrual;
      EXPECT_EQ(plan.book(accrual, {Side::kBuy, quantity, price, Timestamp{}}, raw), expected)
          << percent << " % of " << quantity << " x " << price;
    }
  }
}

TEST(StockPlan, ItemizesEveryFeeInThePlansOrderWithZerosWhereNoneApplies) {
  const StockPlan plan(usd("1.00"), std::nullopt, ibkr::fixed_plan_fees());
  OrderAccrual accrual;
  const CommissionBreakdown bought = plan.book_itemized(
      accrual, {Side::kBuy, Quantity::from_units(100), Price::parse("10.00").value(), Timestamp{}},
      usd("0.50"));
  ASSERT_EQ(bought.fees.size(), 2U);
  EXPECT_EQ(bought.fees[0].name, "sec_fee");
  EXPECT_TRUE(bought.fees[0].amount.is_zero());
  EXPECT_EQ(bought.fees[1].name, "finra_taf");
  EXPECT_TRUE(bought.fees[1].amount.is_zero());
  EXPECT_EQ(bought.total, usd("1.00"));
}

}  // namespace
}  // namespace ibtrade::engine
