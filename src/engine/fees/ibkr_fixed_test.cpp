#include "engine/fees/ibkr_fixed.hpp"

#include <array>
#include <cstdint>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "engine/fees/no_commission.hpp"

namespace ibtrade::engine {
namespace {

Money usd(const char* text) {
  return Money::parse(text).value();
}

CommissionInput fill(Side side, std::int64_t quantity, const char* price) {
  return {side, Quantity::from_units(quantity), Price::parse(price).value(), Timestamp{}};
}

IbkrFixedConfig without_fees() {
  IbkrFixedConfig config;
  config.fees.clear();
  return config;
}

struct FixedCase {
  const char* name;
  CommissionInput fill;
  Money commission;  // broker's, exact
  Money total;       // booked, cents
};

// Worked by hand: raw = 0.005 x shares; bounded = min(max(raw, 1.00), 1 % of value).
TEST(IbkrFixed, MinimumCapAndPublishedExamples) {
  const std::vector<FixedCase> cases{
      {"minimum: 100 @ 10.00, raw 0.50", fill(Side::kBuy, 100, "10.00"), usd("1.00"), usd("1.00")},
      {"cap: 10,000 @ 0.05, raw 50.00, 1 % of 500.00", fill(Side::kBuy, 10'000, "0.05"),
       usd("5.00"), usd("5.00")},
      {"cap below the minimum wins: 1,000 @ 0.05", fill(Side::kBuy, 1'000, "0.05"), usd("0.50"),
       usd("0.50")},
      {"IBKR example 100 @ 25", fill(Side::kBuy, 100, "25.00"), usd("1.00"), usd("1.00")},
      {"IBKR example 1,000 @ 25", fill(Side::kBuy, 1'000, "25.00"), usd("5.00"), usd("5.00")},
      {"IBKR example 1,000 @ 0.25", fill(Side::kBuy, 1'000, "0.25"), usd("2.50"), usd("2.50")},
      {"half-even down: 301 @ 10, 1.505", fill(Side::kBuy, 301, "10.00"), usd("1.505"),
       usd("1.50")},
      {"half-even up: 303 @ 10, 1.515", fill(Side::kBuy, 303, "10.00"), usd("1.515"), usd("1.52")},
      {"half-even down: 305 @ 10, 1.525", fill(Side::kBuy, 305, "10.00"), usd("1.525"),
       usd("1.52")},
      {"plain rounding: 307 @ 10, 1.535", fill(Side::kBuy, 307, "10.00"), usd("1.535"),
       usd("1.54")},
  };
  for (const FixedCase& c : cases) {
    IbkrFixedCommission model(without_fees());
    const CommissionBreakdown breakdown = model.charge(c.fill);
    EXPECT_EQ(breakdown.commission, c.commission) << c.name;
    EXPECT_EQ(breakdown.total, c.total) << c.name;
    EXPECT_EQ(breakdown.total.precision(), 2) << c.name;
    EXPECT_EQ(model.commission(c.fill), c.total) << c.name;
  }
}

TEST(IbkrFixed, TransactionFeesOnSalesOnly) {
  IbkrFixedCommission model;  // SEC 27.80 per million and FINRA TAF on sales
  // Buy 1,000 @ 25: commission 5.00, no fees.
  const CommissionBreakdown bought = model.charge(fill(Side::kBuy, 1'000, "25.00"));
  EXPECT_EQ(bought.total, usd("5.00"));
  for (const FeeCharge& fee : bought.fees)
    EXPECT_TRUE(fee.amount.is_zero()) << fee.name;

  // Sell 1,000 @ 25: SEC 25,000 x 0.0000278 = 0.695; TAF 1,000 x 0.000166 = 0.166;
  // 5.00 + 0.695 + 0.166 = 5.861 -> 5.86.
  const CommissionBreakdown sold = model.charge(fill(Side::kSell, 1'000, "25.00"));
  const std::vector<FeeCharge> fees{{"sec_fee", usd("0.695")}, {"finra_taf", usd("0.166")}};
  EXPECT_EQ(sold.commission, usd("5.00"));
  EXPECT_EQ(sold.fees, fees);
  EXPECT_EQ(sold.total, usd("5.86"));

  // TAF caps at 8.30 per trade: 100,000 sold would be 16.60. Commission 500.00 (cap 1,000.00),
  // SEC 100,000 x 0.0000278 = 2.78: 511.08.
  const CommissionBreakdown big = model.charge(fill(Side::kSell, 100'000, "1.00"));
  EXPECT_EQ(big.fees[1].amount, usd("8.30"));
  EXPECT_EQ(big.total, usd("511.08"));
}

TEST(IbkrFixed, PartialFillsShareOneMinimumPerOrder) {
  IbkrFixedCommission model(without_fees());
  const ClientOrderId order{"o-1"};
  // 400 shares in three fills: the order owes max(2.00, 1.00) = 2.00 in all.
  EXPECT_EQ(model.charge(fill(Side::kBuy, 100, "10.00"), order).total, usd("1.00"));
  EXPECT_EQ(model.charge(fill(Side::kBuy, 100, "10.00"), order).total, usd("0.00"));
  EXPECT_EQ(model.charge(fill(Side::kBuy, 200, "10.00"), order).total, usd("1.00"));
  EXPECT_EQ(model.open_orders(), 1U);
  model.close_order(order);
  EXPECT_EQ(model.open_orders(), 0U);
  // Without an order id each fill is an order of its own and pays the minimum.
  IbkrFixedCommission per_fill(without_fees());
  Money total;
  for (const std::int64_t q : {100, 100, 200}) {
    total += per_fill.commission(fill(Side::kBuy, q, "10.00"));
  }
  EXPECT_EQ(total, usd("3.00"));
}

// A caller that keeps the order's totals itself (the simulated venue) gets the same charges,
// and the model stores nothing for the order.
TEST(IbkrFixed, CallerKeptAccrualsShareOneMinimumPerOrder) {
  IbkrFixedCommission model(without_fees());
  OrderAccrual accrual;
  const ClientOrderId order_id{"o-1"};
  const auto with_accrual = [&](std::int64_t quantity) {
    CommissionInput input = fill(Side::kBuy, quantity, "10.00");
    input.order_id = &order_id;
    input.accrual = &accrual;
    return input;
  };
  EXPECT_EQ(model.commission(with_accrual(100)), usd("1.00"));
  EXPECT_EQ(model.commission(with_accrual(100)), usd("0.00"));
  EXPECT_EQ(model.commission(with_accrual(200)), usd("1.00"));
  EXPECT_EQ(model.open_orders(), 0U);
  EXPECT_EQ(accrual.charged, usd("2.00").raw());
  model.order_closed(ClientOrderId{"o-1"});
  // A fresh accrual is a fresh order: the minimum again.
  accrual = OrderAccrual{};
  EXPECT_EQ(model.commission(with_accrual(100)), usd("1.00"));
}

TEST(IbkrFixed, PartialFillsRoundTheOrderOnce) {
  IbkrFixedConfig config = without_fees();
  config.minimum_per_order = Money{};
  IbkrFixedCommission model(config);
  const ClientOrderId order{"o-1"};
  // One share at a time, 0.005 each: cumulative 0.005 -> 0.00, 0.010 -> 0.01, 0.015 -> 0.02,
  // 0.020 -> 0.02; each fill books the difference.
  const std::vector<Money> expected{usd("0.00"), usd("0.01"), usd("0.01"), usd("0.00")};
  for (const Money& want : expected) {
    EXPECT_EQ(model.charge(fill(Side::kBuy, 1, "10.00"), order).total, want);
  }
}

// Seeds that once failed are added here and always run.
constexpr std::array<std::uint32_t, 0> kRegressionSeeds{};

// An order split into any number of fills costs what it costs in one fill, when its fees are
// per share (the per-fill TAF cap and cents rounding of value fees are the exceptions).
TEST(IbkrFixedProperty, SplitFillsCostTheSameAsOneFill) {
  std::vector<std::uint32_t> seeds(kRegressionSeeds.begin(), kRegressionSeeds.end());
  for (std::uint32_t s = 1; s <= 300; ++s)
    seeds.push_back(s);
  for (const std::uint32_t seed : seeds) {
    std::mt19937 rng(seed);
    IbkrFixedConfig config;
    config.fees = {ibkr::finra_cat_fee()};
    const Price price = Price::from_raw(
        std::uniform_int_distribution<std::int64_t>(1, 50'000)(rng) * 10'000'000, 2);
    const Side side = (rng() & 1U) != 0 ? Side::kBuy : Side::kSell;
    const int pieces = std::uniform_int_distribution<int>(1, 6)(rng);
    IbkrFixedCommission split(config);
    IbkrFixedCommission whole(config);
    const ClientOrderId order{"o"};
    Quantity total_quantity;
    Money split_total;
    for (int i = 0; i < pieces; ++i) {
      const Quantity q = Quantity::from_units(std::uniform_int_distribution<int>(1, 3000)(rng));
      total_quantity += q;
      split_total += split.charge({side, q, price, Timestamp{}}, order).total;
    }
    const Money whole_total = whole.commission({side, total_quantity, price, Timestamp{}});
    ASSERT_EQ(split_total, whole_total) << "seed " << seed << ": " << pieces << " fills, "
                                        << total_quantity.to_string() << " @ " << price.to_string();
  }
}

TEST(NoCommission, ChargesNothing) {
  NoCommission model;
  EXPECT_TRUE(model.commission(fill(Side::kSell, 1'000, "25.00")).is_zero());
}

}  // namespace
}  // namespace ibtrade::engine
