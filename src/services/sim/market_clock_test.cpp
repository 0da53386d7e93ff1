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
  const SessionSchedule sessions(cal);
  MarketClock clock(sessions, {year{2025}, month{3}, day{3}}, 60.0);
  const Timestamp open = cal.hours({year{2025}, month{3}, day{3}})->open;
  EXPECT_EQ(clock.now(), open);
  EXPECT_EQ(clock.at(1s), open + 60s);
  EXPECT_EQ(clock.at(60s), open + 1h);
}

TEST(SimMarketClock, SkipsTheNightAndTheWeekend) {
  const auto& cal = testing::calendar();
  const SessionSchedule sessions(cal);
  // Friday 2025-02-28: 6.5 h of session, then Monday's open.
  MarketClock clock(sessions, {year{2025}, month{2}, day{28}}, 3600.0);
  const Timestamp monday_open = cal.hours({year{2025}, month{3}, day{3}})->open;
  EXPECT_EQ(clock.at(Nanoseconds(std::chrono::minutes(390)) / 3600 + 1s), monday_open + 1h);
  EXPECT_EQ(clock.session_day(), (date::year_month_day{year{2025}, month{3}, day{3}}));
}

TEST(SimMarketClock, AStartOnAHolidayMovesToTheNextSession) {
  const auto& cal = testing::calendar();
  const SessionSchedule sessions(cal);
  MarketClock clock(sessions, {year{2025}, month{12}, day{25}}, 1.0);
  EXPECT_EQ(clock.session_day(), (date::year_month_day{year{2025}, month{12}, day{26}}));
}

TEST(SimMarketClock, MostRecentTradingDay) {
  const SessionSchedule sessions(testing::calendar());
  EXPECT_EQ(sessions.most_recent_trading_day({year{2025}, month{3}, day{2}}),  // a Sunday
            (date::year_month_day{year{2025}, month{2}, day{28}}));
  EXPECT_EQ(sessions.most_recent_trading_day({year{2025}, month{3}, day{3}}),
            (date::year_month_day{year{2025}, month{3}, day{3}}));
}

TEST(SimMarketClock, ListedSessionsOutsideTheCalendarAndAStartAtTheFirstBar) {
  // 2006 predates the calendar's table: weekdays get 09:30-16:00 ET.
  const auto& ny = *date::locate_zone("America/New_York");
  const date::year_month_day tue{year{2006}, month{1}, day{3}};
  const date::year_month_day fri{year{2006}, month{1}, day{6}};
  const date::year_month_day sat{year{2006}, month{1}, day{7}};
  const SessionSchedule sessions(testing::calendar(), ny, {tue, fri, sat});
  EXPECT_FALSE(sessions.is_trading_day(sat));
  EXPECT_EQ(sessions.next_trading_day(tue), fri);
  EXPECT_EQ(sessions.previous_trading_day(fri), tue);
  EXPECT_EQ(sessions.last_day(), fri);
  const SessionHours hours = *sessions.hours(tue);
  EXPECT_EQ(hours.close - hours.open, 390min);
  EXPECT_EQ(ny.to_local(date::floor<std::chrono::seconds>(hours.open)),
            date::local_days(tue) + 9h + 30min);

  MarketClock clock(sessions, {year{2006}, month{1}, day{2}}, 60.0, hours.open + 15min);
  EXPECT_EQ(clock.now(), hours.open + 15min);
  EXPECT_EQ(clock.at(1s), hours.open + 16min);
  // Tuesday's rest, then Friday; after Friday's close time stands still.
  EXPECT_EQ(clock.at(Nanoseconds(375min) / 60 + 1s), sessions.hours(fri)->open + 1min);
  EXPECT_EQ(clock.at(1h), sessions.hours(fri)->close - Nanoseconds(1));
}

}  // namespace
}  // namespace ibtrade::sim
