#include "services/sim_nasdaq/nasdaq_format.hpp"

#include <gtest/gtest.h>

namespace ibtrade::services::sim_nasdaq {
namespace {

using namespace date::literals;

Money money(const char* text) {
  return *Money::parse(text);
}

TEST(SimNasdaqFormat, CalendarDollarsAsNasdaqShowsThem) {
  EXPECT_EQ(calendar_dollars(money("1.33")), "$1.33");
  EXPECT_EQ(calendar_dollars(money("0.46")), "$0.46");
  EXPECT_EQ(calendar_dollars(money("-0.11")), "($0.11)");
  EXPECT_EQ(calendar_dollars(money("-195.55")), "($195.55)");
  EXPECT_EQ(calendar_dollars(money("0")), "$0");
  EXPECT_EQ(calendar_dollars(money("12.00")), "$12");
  EXPECT_EQ(calendar_dollars(money("-3")), "($3)");
  EXPECT_EQ(calendar_dollars(money("1.30")), "$1.30");
  EXPECT_EQ(calendar_dollars(money("1204.5")), "$1,204.50");
  EXPECT_EQ(calendar_dollars(money("0.125")), "$0.12");  // half to even
}

TEST(SimNasdaqFormat, MarketCapIsWholeDollarsGrouped) {
  EXPECT_EQ(market_cap_dollars(4'465'201'458), "$4,465,201,458");
  EXPECT_EQ(market_cap_dollars(242'498'000), "$242,498,000");
  EXPECT_EQ(market_cap_dollars(999), "$999");
  EXPECT_EQ(market_cap_dollars(1000), "$1,000");
  EXPECT_EQ(market_cap_dollars(0), "$0");
}

TEST(SimNasdaqFormat, PlainCentsKeepTwoDecimals) {
  EXPECT_EQ(plain_cents(money("1.31")), "1.31");
  EXPECT_EQ(plain_cents(money("1.3")), "1.30");
  EXPECT_EQ(plain_cents(money("-0.15")), "-0.15");
  EXPECT_EQ(plain_cents(money("0")), "0.00");
}

TEST(SimNasdaqFormat, SurpriseDropsTrailingZeros) {
  EXPECT_EQ(surprise_percent(698), "6.98");
  EXPECT_EQ(surprise_percent(-128), "-1.28");
  EXPECT_EQ(surprise_percent(-17500), "-175");
  EXPECT_EQ(surprise_percent(40000), "400");
  EXPECT_EQ(surprise_percent(930), "9.3");
  EXPECT_EQ(surprise_percent(5), "0.05");
  EXPECT_EQ(surprise_percent(-2400), "-24");
  EXPECT_EQ(surprise_percent(510000), "5100");
  EXPECT_EQ(surprise_percent(510000, true), "5,100");
}

TEST(SimNasdaqFormat, Dates) {
  EXPECT_EQ(month_day_year(2023_y / 6 / 29), "6/29/2023");
  EXPECT_EQ(month_day_year(2023_y / 5 / 8), "5/08/2023");
  EXPECT_EQ(month_day_year(2025_y / 10 / 23), "10/23/2025");
  EXPECT_EQ(month_slash_year(2024_y / 3), "Mar/2024");
  EXPECT_EQ(month_space_year(2026_y / 6), "Jun 2026");
  EXPECT_EQ(weekday_month_day_year(2024_y / 7 / 1), "Mon, Jul 1, 2024");
  EXPECT_EQ(weekday_month_day_year(2023_y / 11 / 3), "Fri, Nov 3, 2023");
  EXPECT_EQ(weekday_month_day_year(2026_y / 3 / 1), "Sun, Mar 1, 2026");
  EXPECT_EQ(month_day_comma_year(2026_y / 10 / 22), "Oct 22, 2026");
}

}  // namespace
}  // namespace ibtrade::services::sim_nasdaq
