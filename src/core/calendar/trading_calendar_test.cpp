#include "core/calendar/trading_calendar.hpp"

#include <optional>
#include <vector>

#include <gtest/gtest.h>

namespace ibtrade {
namespace {

using namespace date::literals;
using namespace std::chrono_literals;

// Instants are written out in UTC by hand, never through the zone, so that these tests check the
// calendar's ET conversions instead of repeating them.
Timestamp utc(date::year_month_day day, Nanoseconds time_of_day) {
  return Timestamp{date::sys_days{day}} + time_of_day;
}
Timestamp edt(date::year_month_day day, Nanoseconds et) {
  return utc(day, et + 4h);
}  // UTC-4
Timestamp est(date::year_month_day day, Nanoseconds et) {
  return utc(day, et + 5h);
}  // UTC-5

const date::time_zone& new_york() {
  return *date::locate_zone("America/New_York");
}

class TradingCalendarTest : public ::testing::Test {
 protected:
  TradingCalendar calendar_{new_york(), HolidayTable::us_equity()};
};

struct HoursCase {
  const char* name;
  date::year_month_day day;
  SessionHours expected;
};

TEST_F(TradingCalendarTest, HoursAreExactUtcInstantsAcrossDstAndEarlyCloses) {
  const std::vector<HoursCase> cases{
      {"Fri before spring forward, EST",
       2026_y / 3 / 6,
       {utc(2026_y / 3 / 6, 9h), utc(2026_y / 3 / 6, 14h + 30min), utc(2026_y / 3 / 6, 21h),
        utc(2026_y / 3 / 7, 1h), false}},
      {"Mon after spring forward, EDT",
       2026_y / 3 / 9,
       {utc(2026_y / 3 / 9, 8h), utc(2026_y / 3 / 9, 13h + 30min), utc(2026_y / 3 / 9, 20h),
        utc(2026_y / 3 / 10, 0h), false}},
      {"Fri before fall back, EDT",
       2026_y / 10 / 30,
       {utc(2026_y / 10 / 30, 8h), utc(2026_y / 10 / 30, 13h + 30min), utc(2026_y / 10 / 30, 20h),
        utc(2026_y / 10 / 31, 0h), false}},
      {"Mon after fall back, EST",
       2026_y / 11 / 2,
       {utc(2026_y / 11 / 2, 9h), utc(2026_y / 11 / 2, 14h + 30min), utc(2026_y / 11 / 2, 21h),
        utc(2026_y / 11 / 3, 1h), false}},
      {"day after Thanksgiving, early close in EST",
       2026_y / 11 / 27,
       {utc(2026_y / 11 / 27, 9h), utc(2026_y / 11 / 27, 14h + 30min), utc(2026_y / 11 / 27, 18h),
        utc(2026_y / 11 / 27, 22h), true}},
      {"day before Independence Day, early close in EDT",
       2025_y / 7 / 3,
       {utc(2025_y / 7 / 3, 8h), utc(2025_y / 7 / 3, 13h + 30min), utc(2025_y / 7 / 3, 17h),
        utc(2025_y / 7 / 3, 21h), true}},
      {"Christmas Eve on a Thursday, early close",
       2026_y / 12 / 24,
       {utc(2026_y / 12 / 24, 9h), utc(2026_y / 12 / 24, 14h + 30min), utc(2026_y / 12 / 24, 18h),
        utc(2026_y / 12 / 24, 22h), true}},
      {"Jul 2 when Jul 3 is the observed holiday: a full day",
       2026_y / 7 / 2,
       {utc(2026_y / 7 / 2, 8h), utc(2026_y / 7 / 2, 13h + 30min), utc(2026_y / 7 / 2, 20h),
        utc(2026_y / 7 / 3, 0h), false}},
      {"Dec 31 before a Saturday New Year: a full session",
       2027_y / 12 / 31,
       {utc(2027_y / 12 / 31, 9h), utc(2027_y / 12 / 31, 14h + 30min), utc(2027_y / 12 / 31, 21h),
        utc(2028_y / 1 / 1, 1h), false}},
  };
  for (const HoursCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_TRUE(calendar_.is_trading_day(c.day));
    const std::optional<SessionHours> hours = calendar_.hours(c.day);
    ASSERT_TRUE(hours.has_value());
    EXPECT_EQ(hours->pre_open, c.expected.pre_open);
    EXPECT_EQ(hours->open, c.expected.open);
    EXPECT_EQ(hours->close, c.expected.close);
    EXPECT_EQ(hours->post_close, c.expected.post_close);
    EXPECT_EQ(hours->early_close, c.expected.early_close);
  }
}

TEST_F(TradingCalendarTest, ClosedDaysHaveNoSessions) {
  const std::vector<std::pair<const char*, date::year_month_day>> cases{
      {"Sunday of the spring DST switch", 2026_y / 3 / 8},
      {"Sunday of the fall DST switch", 2026_y / 11 / 1},
      {"Saturday", 2026_y / 3 / 7},
      {"Carter national day of mourning (unscheduled)", 2025_y / 1 / 9},
      {"Independence Day observed on Fri Jul 3", 2026_y / 7 / 3},
      {"Good Friday", 2026_y / 4 / 3},
      {"Juneteenth observed on Fri", 2027_y / 6 / 18},
      {"Independence Day observed on Mon", 2027_y / 7 / 5},
      {"Christmas observed on Fri Dec 24", 2027_y / 12 / 24},
      {"Thanksgiving", 2026_y / 11 / 26},
  };
  for (const auto& [name, day] : cases) {
    SCOPED_TRACE(name);
    EXPECT_FALSE(calendar_.is_trading_day(day));
    EXPECT_FALSE(calendar_.hours(day).has_value());
    for (const Nanoseconds time_of_day : {4h + 0min, 10h + 0min, 17h + 0min}) {
      EXPECT_EQ(calendar_.session_of(edt(day, time_of_day)), Session::kClosed);
      EXPECT_EQ(calendar_.session_of(est(day, time_of_day)), Session::kClosed);
    }
  }
}

struct BoundaryCase {
  Nanoseconds et;  // ET wall-clock time of day
  Session expected;
};

void expect_sessions(const TradingCalendar& calendar, date::year_month_day day,
                     Nanoseconds utc_minus_et, const std::vector<BoundaryCase>& cases) {
  for (const BoundaryCase& c : cases) {
    const Timestamp t = utc(day, c.et + utc_minus_et);
    SCOPED_TRACE(testing::Message() << to_iso_date(day) << " ET+" << c.et.count() << "ns");
    EXPECT_EQ(to_string(calendar.session_of(t)), to_string(c.expected));
    EXPECT_EQ(calendar.is_open(t), c.expected == Session::kRegular);
  }
}

TEST_F(TradingCalendarTest, SessionOfAtEveryBoundary) {
  const std::vector<BoundaryCase> full_day{
      {0h, Session::kClosed},
      {4h - 1ns, Session::kClosed},
      {4h, Session::kPreMarket},
      {9h + 29min + 59s + 999'999'999ns, Session::kPreMarket},
      {9h + 30min, Session::kRegular},
      {15h + 59min + 59s + 999ms, Session::kRegular},
      {16h - 1ns, Session::kRegular},
      {16h, Session::kPostMarket},
      {19h + 59min, Session::kPostMarket},
      {20h - 1ns, Session::kPostMarket},
      {20h, Session::kClosed},
      {24h - 1ns, Session::kClosed},
  };
  expect_sessions(calendar_, 2026_y / 3 / 9, 4h, full_day);   // EDT, the Monday after the switch
  expect_sessions(calendar_, 2026_y / 11 / 2, 5h, full_day);  // EST, the Monday after the switch

  const std::vector<BoundaryCase> early_close{
      {4h - 1ns, Session::kClosed},      {4h, Session::kPreMarket},
      {9h + 30min, Session::kRegular},   {13h - 1ns, Session::kRegular},
      {13h, Session::kPostMarket},       {16h, Session::kPostMarket},
      {17h - 1ns, Session::kPostMarket}, {17h, Session::kClosed},
      {20h - 1ns, Session::kClosed},
  };
  expect_sessions(calendar_, 2026_y / 11 / 27, 5h, early_close);  // EST
  expect_sessions(calendar_, 2025_y / 7 / 3, 4h, early_close);    // EDT
}

TEST_F(TradingCalendarTest, MarketDateIsTheNewYorkDateNeverUtc) {
  const std::vector<std::pair<Timestamp, date::year_month_day>> cases{
      {utc(2026_y / 6 / 11, 30min), 2026_y / 6 / 10},       // 20:30 EDT
      {utc(2026_y / 6 / 11, 4h - 1ns), 2026_y / 6 / 10},    // 23:59:59.999999999 EDT
      {utc(2026_y / 6 / 11, 4h), 2026_y / 6 / 11},          // midnight EDT
      {utc(2026_y / 1 / 16, 30min), 2026_y / 1 / 15},       // 19:30 EST
      {utc(2026_y / 1 / 16, 5h - 1s), 2026_y / 1 / 15},     // 23:59:59 EST
      {utc(2026_y / 1 / 16, 5h), 2026_y / 1 / 16},          // midnight EST
      {utc(2026_y / 3 / 8, 5h - 1s), 2026_y / 3 / 7},       // 23:59:59 EST
      {utc(2026_y / 3 / 8, 7h - 1s), 2026_y / 3 / 8},       // 01:59:59 EST, then the gap
      {utc(2026_y / 3 / 8, 7h), 2026_y / 3 / 8},            // 03:00 EDT
      {utc(2026_y / 11 / 1, 4h - 1s), 2026_y / 10 / 31},    // 23:59:59 EDT
      {utc(2026_y / 11 / 1, 5h + 30min), 2026_y / 11 / 1},  // 01:30 EDT
      {utc(2026_y / 11 / 1, 6h + 30min), 2026_y / 11 / 1},  // 01:30 EST, the second time
      {utc(2031_y / 1 / 2, 12h), 2031_y / 1 / 2},           // outside the table: still exact
  };
  for (const auto& [t, expected] : cases) {
    EXPECT_EQ(calendar_.market_date(t), expected) << to_iso_date(expected);
  }
}

TEST_F(TradingCalendarTest, AfterTheCloseUtcTomorrowIsStillTodayInNewYork) {
  // Wed 2026-06-10 20:30 EDT is Thu 00:30 UTC: closed, not Thursday's pre-market.
  EXPECT_EQ(calendar_.session_of(utc(2026_y / 6 / 11, 30min)), Session::kClosed);
  EXPECT_EQ(calendar_.session_of(utc(2026_y / 6 / 11, 8h)), Session::kPreMarket);
  // Wed 2026-06-10 19:30 EDT is 23:30 UTC the same day: post-market.
  EXPECT_EQ(calendar_.session_of(utc(2026_y / 6 / 10, 23h + 30min)), Session::kPostMarket);
}

struct NextCase {
  const char* name;
  Timestamp from;
  Timestamp expected;
};

TEST_F(TradingCalendarTest, NextOpenIsTheFirstOpenStrictlyAfter) {
  const std::vector<NextCase> cases{
      {"Fri close -> Mon open, across spring forward", utc(2026_y / 3 / 6, 21h),
       utc(2026_y / 3 / 9, 13h + 30min)},
      {"Fri during the session -> Mon", utc(2026_y / 3 / 6, 15h), utc(2026_y / 3 / 9, 13h + 30min)},
      {"Saturday -> Mon", utc(2026_y / 3 / 7, 12h), utc(2026_y / 3 / 9, 13h + 30min)},
      {"before the open -> the same day", utc(2026_y / 3 / 9, 12h),
       utc(2026_y / 3 / 9, 13h + 30min)},
      {"1 ns before the open -> the open", utc(2026_y / 3 / 9, 13h + 30min - 1ns),
       utc(2026_y / 3 / 9, 13h + 30min)},
      {"at the open -> the next day's open", utc(2026_y / 3 / 9, 13h + 30min),
       utc(2026_y / 3 / 10, 13h + 30min)},
      {"01:00 EDT, before pre-market -> the same day", utc(2026_y / 6 / 11, 5h),
       utc(2026_y / 6 / 11, 13h + 30min)},
      {"20:30 EDT (next day in UTC) -> the next day", utc(2026_y / 6 / 11, 30min),
       utc(2026_y / 6 / 11, 13h + 30min)},
      {"over MLK day", utc(2026_y / 1 / 16, 22h), utc(2026_y / 1 / 20, 14h + 30min)},
      {"over Thanksgiving", utc(2026_y / 11 / 25, 21h), utc(2026_y / 11 / 27, 14h + 30min)},
      {"over the Thanksgiving weekend, from the early close", utc(2026_y / 11 / 27, 18h),
       utc(2026_y / 11 / 30, 14h + 30min)},
      {"over the 2025-01-09 closure", utc(2025_y / 1 / 8, 21h), utc(2025_y / 1 / 10, 14h + 30min)},
      {"over Fri Jul 3 observed", utc(2026_y / 7 / 2, 20h), utc(2026_y / 7 / 6, 13h + 30min)},
      {"into Fri Dec 31 2027", utc(2027_y / 12 / 30, 21h), utc(2027_y / 12 / 31, 14h + 30min)},
      {"over Saturday New Year 2028", utc(2027_y / 12 / 31, 21h), utc(2028_y / 1 / 3, 14h + 30min)},
      {"from the fall-back Sunday", utc(2026_y / 11 / 1, 6h + 30min),
       utc(2026_y / 11 / 2, 14h + 30min)},
  };
  for (const NextCase& c : cases) {
    SCOPED_TRACE(c.name);
    const std::optional<Timestamp> next = calendar_.next_open(c.from);
    ASSERT_TRUE(next.has_value());
    EXPECT_EQ(*next, c.expected);
  }
}

TEST_F(TradingCalendarTest, NextCloseEndsTheCurrentOrTheNextSession) {
  const std::vector<NextCase> cases{
      {"open -> today's close", utc(2026_y / 3 / 9, 15h), utc(2026_y / 3 / 9, 20h)},
      {"open on an early close -> 13:00 ET", utc(2026_y / 11 / 27, 15h),
       utc(2026_y / 11 / 27, 18h)},
      {"before the open -> today's close", utc(2026_y / 3 / 9, 10h), utc(2026_y / 3 / 9, 20h)},
      {"1 ns before the close -> the close", utc(2026_y / 3 / 9, 20h - 1ns),
       utc(2026_y / 3 / 9, 20h)},
      {"at the close -> the next session's close", utc(2026_y / 3 / 9, 20h),
       utc(2026_y / 3 / 10, 20h)},
      {"Fri post-market -> Mon, across spring forward", utc(2026_y / 3 / 6, 22h),
       utc(2026_y / 3 / 9, 20h)},
      {"on a holiday -> the next session", utc(2026_y / 7 / 3, 15h), utc(2026_y / 7 / 6, 20h)},
      {"before Thanksgiving -> the early close after it", utc(2026_y / 11 / 25, 22h),
       utc(2026_y / 11 / 27, 18h)},
  };
  for (const NextCase& c : cases) {
    SCOPED_TRACE(c.name);
    const std::optional<Timestamp> next = calendar_.next_close(c.from);
    ASSERT_TRUE(next.has_value());
    EXPECT_EQ(*next, c.expected);
  }
}

TEST_F(TradingCalendarTest, TradingDayWalksSkipWeekendsAndHolidays) {
  using Day = date::year_month_day;
  const std::vector<std::pair<Day, Day>> next{
      {2026_y / 7 / 2, 2026_y / 7 / 6},     {2025_y / 1 / 8, 2025_y / 1 / 10},
      {2027_y / 12 / 23, 2027_y / 12 / 27}, {2027_y / 12 / 30, 2027_y / 12 / 31},
      {2027_y / 12 / 31, 2028_y / 1 / 3},   {2026_y / 11 / 26, 2026_y / 11 / 27},
      {2026_y / 3 / 7, 2026_y / 3 / 9},     {2026_y / 3 / 9, 2026_y / 3 / 10},
  };
  for (const auto& [from, expected] : next) {
    EXPECT_EQ(calendar_.next_trading_day(from), std::optional<Day>{expected}) << to_iso_date(from);
  }
  const std::vector<std::pair<Day, Day>> previous{
      {2026_y / 7 / 6, 2026_y / 7 / 2},     {2025_y / 1 / 10, 2025_y / 1 / 8},
      {2026_y / 3 / 9, 2026_y / 3 / 6},     {2027_y / 12 / 27, 2027_y / 12 / 23},
      {2026_y / 11 / 30, 2026_y / 11 / 27},
  };
  for (const auto& [from, expected] : previous) {
    EXPECT_EQ(calendar_.previous_trading_day(from), std::optional<Day>{expected})
        << to_iso_date(from);
  }
}

TEST_F(TradingCalendarTest, SessionCountsPerYear) {
  const std::vector<std::pair<int, int>> cases{
      {2020, 253}, {2021, 252}, {2022, 251}, {2023, 250}, {2024, 252},
      {2025, 250}, {2026, 251}, {2027, 251}, {2028, 251},
  };
  for (const auto& [year, expected] : cases) {
    int sessions = 0;
    const date::sys_days end{date::year{year + 1} / 1 / 1};
    for (date::sys_days d{date::year{year} / 1 / 1}; d < end; d += date::days{1}) {
      if (calendar_.is_trading_day(date::year_month_day{d})) ++sessions;
    }
    EXPECT_EQ(sessions, expected) << year;
  }
}

TEST(TradingCalendarOverrides, ExtraClosureAndEarlyCloseChangeTheAnswers) {
  HolidayTable table = HolidayTable::us_equity();
  ASSERT_TRUE(table.add_closure(2026_y / 3 / 10, "snowstorm").ok());
  ASSERT_TRUE(table.add_early_close(2026_y / 3 / 11, "systems issue").ok());
  ASSERT_TRUE(table.add_closure(2026_y / 11 / 27, "replaces the built-in early close").ok());
  const TradingCalendar built_in{new_york(), HolidayTable::us_equity()};
  const TradingCalendar calendar{new_york(), std::move(table)};

  EXPECT_TRUE(built_in.is_trading_day(2026_y / 3 / 10));
  EXPECT_FALSE(calendar.is_trading_day(2026_y / 3 / 10));
  EXPECT_EQ(calendar.session_of(utc(2026_y / 3 / 10, 15h)), Session::kClosed);
  EXPECT_EQ(built_in.next_open(utc(2026_y / 3 / 9, 20h)), utc(2026_y / 3 / 10, 13h + 30min));
  EXPECT_EQ(calendar.next_open(utc(2026_y / 3 / 9, 20h)), utc(2026_y / 3 / 11, 13h + 30min));
  EXPECT_EQ(calendar.next_trading_day(2026_y / 3 / 9), std::optional{2026_y / 3 / 11});

  const std::optional<SessionHours> early = calendar.hours(2026_y / 3 / 11);
  ASSERT_TRUE(early.has_value());
  EXPECT_TRUE(early->early_close);
  EXPECT_EQ(early->close, utc(2026_y / 3 / 11, 17h));       // 13:00 EDT
  EXPECT_EQ(early->post_close, utc(2026_y / 3 / 11, 21h));  // 17:00 EDT
  EXPECT_EQ(built_in.session_of(utc(2026_y / 3 / 11, 17h + 30min)), Session::kRegular);
  EXPECT_EQ(calendar.session_of(utc(2026_y / 3 / 11, 17h + 30min)), Session::kPostMarket);
  EXPECT_EQ(calendar.next_close(utc(2026_y / 3 / 11, 14h)), utc(2026_y / 3 / 11, 17h));

  EXPECT_TRUE(built_in.is_trading_day(2026_y / 11 / 27));
  EXPECT_FALSE(calendar.is_trading_day(2026_y / 11 / 27));
  EXPECT_EQ(calendar.next_open(utc(2026_y / 11 / 25, 21h)), utc(2026_y / 11 / 30, 14h + 30min));
}

TEST_F(TradingCalendarTest, FailsClosedOutsideTheCoveredYears) {
  EXPECT_TRUE(calendar_.covers(2020_y / 1 / 1));
  EXPECT_TRUE(calendar_.covers(2030_y / 12 / 31));
  EXPECT_FALSE(calendar_.covers(2019_y / 12 / 31));
  EXPECT_FALSE(calendar_.covers(2031_y / 1 / 1));

  // Thu 2031-01-02 and Tue 2019-12-31 are weekdays, but the table cannot vouch for them.
  EXPECT_FALSE(calendar_.is_trading_day(2031_y / 1 / 2));
  EXPECT_FALSE(calendar_.hours(2031_y / 1 / 2).has_value());
  EXPECT_EQ(calendar_.session_of(utc(2031_y / 1 / 2, 15h)), Session::kClosed);
  EXPECT_FALSE(calendar_.is_trading_day(2019_y / 12 / 31));
  EXPECT_EQ(calendar_.session_of(utc(2019_y / 12 / 31, 15h)), Session::kClosed);

  // The last covered session is still answered; the step past it is not.
  EXPECT_EQ(calendar_.next_open(utc(2030_y / 12 / 31, 12h)), utc(2030_y / 12 / 31, 14h + 30min));
  EXPECT_EQ(calendar_.next_open(utc(2030_y / 12 / 31, 21h)), std::nullopt);
  EXPECT_EQ(calendar_.next_close(utc(2030_y / 12 / 31, 22h)), std::nullopt);
  EXPECT_EQ(calendar_.next_trading_day(2030_y / 12 / 30), std::optional{2030_y / 12 / 31});
  EXPECT_EQ(calendar_.next_trading_day(2030_y / 12 / 31), std::nullopt);
  EXPECT_EQ(calendar_.previous_trading_day(2031_y / 6 / 2), std::nullopt);

  // Walking in from before the table works once the first step lands inside it.
  EXPECT_EQ(calendar_.next_trading_day(2019_y / 12 / 31), std::optional{2020_y / 1 / 2});
  EXPECT_EQ(calendar_.next_trading_day(2019_y / 12 / 30), std::nullopt);
  EXPECT_EQ(calendar_.previous_trading_day(2020_y / 1 / 3), std::optional{2020_y / 1 / 2});
  EXPECT_EQ(calendar_.previous_trading_day(2020_y / 1 / 2), std::nullopt);  // Jan 1 is a holiday
  // Before 2020 "today" may have an open the table does not know of.
  EXPECT_EQ(calendar_.next_open(utc(2019_y / 12 / 31, 12h)), std::nullopt);

  // A "never" sentinel is simply outside.
  EXPECT_EQ(calendar_.session_of(Timestamp::max()), Session::kClosed);
  EXPECT_EQ(calendar_.next_open(Timestamp::max()), std::nullopt);
}

TEST(TradingCalendarSession, NamesForLogs) {
  EXPECT_EQ(to_string(Session::kClosed), "closed");
  EXPECT_EQ(to_string(Session::kPreMarket), "pre-market");
  EXPECT_EQ(to_string(Session::kRegular), "regular");
  EXPECT_EQ(to_string(Session::kPostMarket), "post-market");
}

}  // namespace
}  // namespace ibtrade
