#include "engine/market/fundamentals.hpp"

#include <gtest/gtest.h>

#include "engine/market/market_test_support.hpp"
#include "engine/market/synthetic_market.hpp"

namespace ibtrade::engine::market {
namespace {

using namespace date::literals;

__extension__ typedef __int128 Wide;  // price raw x shares overflows int64
using test::us_calendar;

TEST(MarketFundamentals, MarketCapIsPriceTimesSharesAtTheStatedClose) {
  const SyntheticMarket market(15, 40, us_calendar());
  const auto day = 2026_y / 3 / 14;  // a Saturday: Friday's close
  for (std::size_t s = 0; s < market.size(); ++s) {
    const auto f = market.fundamentals(s, day);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->as_of, 2026_y / 3 / 13);
    EXPECT_EQ(f->price, *market.close_price(s, 2026_y / 3 / 13));
    EXPECT_EQ(f->price, market.daily_bar(s, 2026_y / 3 / 13)->close);
    // price x shares in exact integers (raw units of 1e-9 dollars), within half a dollar.
    const Wide exact = static_cast<Wide>(f->price.raw()) * f->shares_outstanding;
    const Wide stated = static_cast<Wide>(f->market_cap) * kFixedScale;
    const Wide diff = exact > stated ? exact - stated : stated - exact;
    EXPECT_LE(diff, static_cast<Wide>(kFixedScale / 2)) << f->market_cap;
    EXPECT_GT(f->float_shares, 0);
    EXPECT_LE(f->float_shares, f->shares_outstanding);
    EXPECT_EQ(f->avg_volume, market.universe().at(s).avg_volume);
  }
}

TEST(MarketFundamentals, TrailingEpsIsTheLastFourReportsAndPriceEarningsFollows) {
  const SyntheticMarket market(15, 40, us_calendar());
  const auto day = 2026_y / 3 / 13;
  const auto close = us_calendar().hours(day)->close;
  int with_pe = 0;
  int without_pe = 0;
  for (std::size_t s = 0; s < market.size(); ++s) {
    const auto f = *market.fundamentals(s, day);
    const auto last_four = market.earnings().history(s, close, 4);
    ASSERT_EQ(last_four.size(), 4U);
    Money sum;
    for (const auto& report : last_four) {
      EXPECT_LE(report.published_at, close);
      sum += report.eps;
    }
    ASSERT_TRUE(f.eps_ttm.has_value());
    EXPECT_EQ(*f.eps_ttm, sum);
    if (sum.is_positive()) {
      ASSERT_TRUE(f.pe_ratio.has_value());
      EXPECT_NEAR(*f.pe_ratio * sum.to_double(), f.price.to_double(), 1e-9 * f.price.to_double());
      ++with_pe;
    } else {
      EXPECT_FALSE(f.pe_ratio.has_value());
      ++without_pe;
    }
  }
  EXPECT_GT(with_pe, 20);
  EXPECT_GT(without_pe, 0);
}

TEST(MarketFundamentals, AverageVolumeIsWhatTheBarsTrade) {
  const SyntheticMarket market(15, 6, us_calendar());
  for (std::size_t s = 0; s < market.size(); ++s) {
    const auto daily = market.daily_bars(s, 2025_y / 1 / 1, 2025_y / 6 / 30);
    ASSERT_EQ(daily.size(), 122U);  // H1 2025, with the 9 January day of mourning
    double total = 0.0;
    for (const auto& bar : daily)
      total += bar.volume.to_double();
    const double ratio = total / static_cast<double>(daily.size()) /
                         static_cast<double>(market.fundamentals(s, 2025_y / 6 / 30)->avg_volume);
    EXPECT_GT(ratio, 0.8) << market.universe().at(s).symbol;
    EXPECT_LT(ratio, 1.2) << market.universe().at(s).symbol;
  }
}

TEST(MarketFundamentals, MarketCapRoundsHalfToEven) {
  EXPECT_EQ(market_cap_of(*Price::parse("12.50"), 3), 38);  // 37.5 -> 38
  EXPECT_EQ(market_cap_of(*Price::parse("12.50"), 1), 12);  // 12.5 -> 12
  EXPECT_EQ(market_cap_of(*Price::parse("250.00"), 20'000'000'000), 5'000'000'000'000);
}

}  // namespace
}  // namespace ibtrade::engine::market
