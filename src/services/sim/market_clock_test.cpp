// MarketClock replays regular sessions only, at the chosen speed, skipping nights and weekends.
#include "services/sim/market_clock.hpp"

#include <gtest/gtest.h>

#include "services/sim/sim_test_support.hpp"

namespace ibtrade::sim {
namespace {

using namespace std::chrono_literals;
using date::day;
using date::month;
using date::year;

TEST(SimMarketClock, StartsAtTheOpenAndRunsAtItsSpeed) {
  const auto& cal = testing::calendar();
  MarketClock clock(cal, {year{2025}, month{3}, day{3}}, 60.0);
  const Timestamp open = cal.hours({year{2025}, month{3}, day{3}})->open;
  EXPECT_EQ(clock.now(), open);
  EXPECT_EQ(clock.at(1s), open + 60s);
  EXPECT_EQ(clock.at(60s), open + 1h);
}

TEST(SimMarketClock, SkipsTheNightAndTheWeekend) {
  const auto& cal = testing::calendar();
  // Friday 2025-02-28: 6.5 h of session, then Monday's open.
  MarketClock clock(cal, {year{2025}, month{2}, day{28}}, 3600.0);
  const Timestamp monday_open = cal.hours({year{2025}, month{3}, day{3}})->open;
  EXPECT_EQ(clock.at(Nanoseconds(std::chrono::minutes(390)) / 3600 + 1s), monday_open + 1h);
  EXPECT_EQ(clock.session_day(), (date::year_month_day{year{2025}, month{3}, day{3}}));
}

TEST(SimMarketClock, AStartOnAHolidayMovesToTheNextSession) {
  const auto& cal = testing::calendar();
  MarketClock clock(cal, {year{2025}, month{12}, day{25}}, 1.0);
  EXPECT_EQ(clock.session_day(), (date::year_month_day{year{2025}, month{12}, day{26}}));
}

TEST(SimMarketClock, MostRecentTradingDay) {
  const auto& cal = testing::calendar();
  EXPECT_EQ(most_recent_trading_day(cal, {year{2025}, month{3}, day{2}}),  // a Sunday
            (date::year_month_day{year{2025}, month{2}, day{28}}));
  EXPECT_EQ(most_recent_trading_day(cal, {year{2025}, month{3}, day{3}}),
            (date::year_month_day{year{2025}, month{3}, day{3}}));
}

}  // namespace
}  // namespace ibtrade::sim
