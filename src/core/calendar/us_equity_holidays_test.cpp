#include "core/calendar/us_equity_holidays.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ibtrade {
namespace {

using namespace date::literals;

std::vector<date::year_month_day> dates_of(const HolidayTable& table, date::year year,
                                           HolidayKind kind) {
  std::vector<date::year_month_day> out;
  for (const Holiday& h : table.entries()) {
    if (h.date.year() == year && h.kind == kind) out.push_back(h.date);
  }
  return out;
}

// The NYSE Group releases for 2024-2027 (docs: screeners.md Part 3), every closure and early close.
struct YearFacts {
  date::year year;
  std::vector<date::year_month_day> closures;
  std::vector<date::year_month_day> early_closes;
};

const std::vector<YearFacts>& published_years() {
  static const std::vector<YearFacts> facts{
      {2024_y,
       {2024_y / 1 / 1, 2024_y / 1 / 15, 2024_y / 2 / 19, 2024_y / 3 / 29, 2024_y / 5 / 27,
        2024_y / 6 / 19, 2024_y / 7 / 4, 2024_y / 9 / 2, 2024_y / 11 / 28, 2024_y / 12 / 25},
       {2024_y / 7 / 3, 2024_y / 11 / 29, 2024_y / 12 / 24}},
      {2025_y,
       {2025_y / 1 / 1, 2025_y / 1 / 9, 2025_y / 1 / 20, 2025_y / 2 / 17, 2025_y / 4 / 18,
        2025_y / 5 / 26, 2025_y / 6 / 19, 2025_y / 7 / 4, 2025_y / 9 / 1, 2025_y / 11 / 27,
        2025_y / 12 / 25},
       {2025_y / 7 / 3, 2025_y / 11 / 28, 2025_y / 12 / 24}},
      {2026_y,
       {2026_y / 1 / 1, 2026_y / 1 / 19, 2026_y / 2 / 16, 2026_y / 4 / 3, 2026_y / 5 / 25,
        2026_y / 6 / 19, 2026_y / 7 / 3, 2026_y / 9 / 7, 2026_y / 11 / 26, 2026_y / 12 / 25},
       {2026_y / 11 / 27, 2026_y / 12 / 24}},
      {2027_y,
       {2027_y / 1 / 1, 2027_y / 1 / 18, 2027_y / 2 / 15, 2027_y / 3 / 26, 2027_y / 5 / 31,
        2027_y / 6 / 18, 2027_y / 7 / 5, 2027_y / 9 / 6, 2027_y / 11 / 25, 2027_y / 12 / 24},
       {2027_y / 11 / 26}},
      // 2020-2023 and 2028 from the NYSE releases of 2019-2025.
      {2020_y,
       {2020_y / 1 / 1, 2020_y / 1 / 20, 2020_y / 2 / 17, 2020_y / 4 / 10, 2020_y / 5 / 25,
        2020_y / 7 / 3, 2020_y / 9 / 7, 2020_y / 11 / 26, 2020_y / 12 / 25},
       {2020_y / 11 / 27, 2020_y / 12 / 24}},
      {2021_y,
       {2021_y / 1 / 1, 2021_y / 1 / 18, 2021_y / 2 / 15, 2021_y / 4 / 2, 2021_y / 5 / 31,
        2021_y / 7 / 5, 2021_y / 9 / 6, 2021_y / 11 / 25, 2021_y / 12 / 24},
       {2021_y / 11 / 26}},
      {2022_y,
       {2022_y / 1 / 17, 2022_y / 2 / 21, 2022_y / 4 / 15, 2022_y / 5 / 30, 2022_y / 6 / 20,
        2022_y / 7 / 4, 2022_y / 9 / 5, 2022_y / 11 / 24, 2022_y / 12 / 26},
       {2022_y / 11 / 25}},
      {2023_y,
       {2023_y / 1 / 2, 2023_y / 1 / 16, 2023_y / 2 / 20, 2023_y / 4 / 7, 2023_y / 5 / 29,
        2023_y / 6 / 19, 2023_y / 7 / 4, 2023_y / 9 / 4, 2023_y / 11 / 23, 2023_y / 12 / 25},
       {2023_y / 7 / 3, 2023_y / 11 / 24}},
      {2028_y,
       {2028_y / 1 / 17, 2028_y / 2 / 21, 2028_y / 4 / 14, 2028_y / 5 / 29, 2028_y / 6 / 19,
        2028_y / 7 / 4, 2028_y / 9 / 4, 2028_y / 11 / 23, 2028_y / 12 / 25},
       {2028_y / 7 / 3, 2028_y / 11 / 24}},
  };
  return facts;
}

TEST(CalendarHolidayTable, BuiltInTableMatchesPublishedCalendars) {
  const HolidayTable table = HolidayTable::us_equity();
  for (const YearFacts& year : published_years()) {
    SCOPED_TRACE(int{year.year});
    EXPECT_EQ(dates_of(table, year.year, HolidayKind::kClosed), year.closures);
    EXPECT_EQ(dates_of(table, year.year, HolidayKind::kEarlyClose), year.early_closes);
  }
}

TEST(CalendarHolidayTable, EveryCoveredYearHasTheFixedHolidays) {
  // Guards the rule-derived years (2029-2030) too: each year closes for the nine holidays every
  // year has (ten from 2022 with Juneteenth), give or take a Saturday New Year's Day.
  const HolidayTable table = HolidayTable::us_equity();
  for (int y = int{table.first_year()}; y <= int{table.last_year()}; ++y) {
    const date::year year{y};
    const auto closures = dates_of(table, year, HolidayKind::kClosed).size();
    const bool saturday_new_year = date::weekday{date::sys_days{year / 1 / 1}} == date::Saturday;
    const std::size_t expected = (y >= 2022 ? 10U : 9U) - (saturday_new_year ? 1U : 0U) +
                                 (year == 2025_y ? 1U : 0U);  // the Carter day of mourning
    EXPECT_EQ(closures, expected) << y;
    EXPECT_GE(dates_of(table, year, HolidayKind::kEarlyClose).size(), 1U) << y;
  }
}

TEST(CalendarHolidayTable, LookupNamesTheDay) {
  const HolidayTable table = HolidayTable::us_equity();
  const Holiday* carter = table.find(2025_y / 1 / 9);
  ASSERT_NE(carter, nullptr);
  EXPECT_EQ(carter->kind, HolidayKind::kClosed);
  EXPECT_EQ(carter->source, HolidaySource::kBuiltIn);
  EXPECT_NE(carter->reason.find("Carter"), std::string::npos);

  const Holiday* good_friday = table.find(2026_y / 4 / 3);
  ASSERT_NE(good_friday, nullptr);
  EXPECT_EQ(good_friday->reason, "Good Friday");

  EXPECT_EQ(table.find(2027_y / 12 / 31), nullptr);  // Saturday Jan 1 2028 is not observed
  EXPECT_EQ(table.find(2026_y / 3 / 10), nullptr);   // an ordinary Tuesday
  EXPECT_EQ(table.find(2031_y / 1 / 1), nullptr);    // not covered: no entry, not "no holiday"
}

TEST(CalendarHolidayTable, CoversExactlyTheBuiltInYears) {
  const HolidayTable table = HolidayTable::us_equity();
  EXPECT_EQ(table.first_year(), 2020_y);
  EXPECT_EQ(table.last_year(), 2030_y);
  EXPECT_FALSE(table.covers(2019_y / 12 / 31));
  EXPECT_TRUE(table.covers(2020_y / 1 / 1));
  EXPECT_TRUE(table.covers(2030_y / 12 / 31));
  EXPECT_FALSE(table.covers(2031_y / 1 / 1));
  EXPECT_FALSE(table.covers(2025_y / 2 / 30));  // not a date
  EXPECT_TRUE(std::is_sorted(table.entries().begin(), table.entries().end(),
                             [](const Holiday& a, const Holiday& b) { return a.date < b.date; }));
}

TEST(CalendarHolidayTable, OverrideAddsAClosure) {
  HolidayTable table = HolidayTable::us_equity();
  const std::size_t before = table.entries().size();
  ASSERT_TRUE(table.add_closure(2026_y / 3 / 10, "snowstorm").ok());
  ASSERT_TRUE(table.add_early_close(2026_y / 3 / 11, "power outage").ok());
  EXPECT_EQ(table.entries().size(), before + 2);

  const Holiday* closure = table.find(2026_y / 3 / 10);
  ASSERT_NE(closure, nullptr);
  EXPECT_EQ(*closure, (Holiday{2026_y / 3 / 10, HolidayKind::kClosed, "snowstorm",
                               HolidaySource::kOverride}));
  const Holiday* early = table.find(2026_y / 3 / 11);
  ASSERT_NE(early, nullptr);
  EXPECT_EQ(early->kind, HolidayKind::kEarlyClose);
  EXPECT_TRUE(std::is_sorted(table.entries().begin(), table.entries().end(),
                             [](const Holiday& a, const Holiday& b) { return a.date < b.date; }));
}

TEST(CalendarHolidayTable, OverrideReplacesABuiltInEntry) {
  HolidayTable table = HolidayTable::us_equity();
  const std::size_t before = table.entries().size();
  ASSERT_TRUE(table.add_closure(2026_y / 11 / 27, "closed after all").ok());    // was early close
  ASSERT_TRUE(table.add_early_close(2025_y / 1 / 9, "half day instead").ok());  // was closed
  EXPECT_EQ(table.entries().size(), before);
  EXPECT_EQ(table.find(2026_y / 11 / 27)->kind, HolidayKind::kClosed);
  EXPECT_EQ(table.find(2026_y / 11 / 27)->source, HolidaySource::kOverride);
  EXPECT_EQ(table.find(2025_y / 1 / 9)->kind, HolidayKind::kEarlyClose);
  EXPECT_EQ(table.find(2025_y / 1 / 9)->reason, "half day instead");
}

TEST(CalendarHolidayTable, RepeatingAnOverrideIsHarmless) {
  HolidayTable table = HolidayTable::us_equity();
  ASSERT_TRUE(table.add_closure(2025_y / 1 / 9, "config").ok());  // already built in
  ASSERT_TRUE(table.add_closure(2025_y / 1 / 9, "config again").ok());
  EXPECT_EQ(table.find(2025_y / 1 / 9)->kind, HolidayKind::kClosed);
}

struct BadOverride {
  const char* name;
  date::year_month_day day;
  bool closure;
  const char* message_part;
};

TEST(CalendarHolidayTable, RefusesOverridesItCannotHonour) {
  const std::vector<BadOverride> cases{
      {"before covered years", 2019_y / 12 / 31, true, "2019-12-31 is outside the years"},
      {"after covered years", 2031_y / 1 / 2, false, "(2020-2030)"},
      {"saturday", 2026_y / 3 / 7, true, "2026-03-07 is a Saturday"},
      {"sunday", 2026_y / 3 / 8, false, "is a Sunday"},
      {"not a date", 2026_y / 2 / 30, true, "2026-02-30 is not a calendar date"},
  };
  for (const BadOverride& c : cases) {
    SCOPED_TRACE(c.name);
    HolidayTable table = HolidayTable::us_equity();
    const std::size_t before = table.entries().size();
    const Status status =
        c.closure ? table.add_closure(c.day, "test") : table.add_early_close(c.day, "test");
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find(c.message_part), std::string::npos)
        << status.error().message;
    EXPECT_EQ(table.entries().size(), before);
  }
}

TEST(CalendarHolidayTable, RefusesContradictoryOverrides) {
  HolidayTable table = HolidayTable::us_equity();
  ASSERT_TRUE(table.add_closure(2026_y / 3 / 10, "closures list").ok());
  const Status status = table.add_early_close(2026_y / 3 / 10, "early closes list");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("2026-03-10"), std::string::npos);
  EXPECT_EQ(table.find(2026_y / 3 / 10)->kind, HolidayKind::kClosed);  // first one stands
}

TEST(CalendarParseIsoDate, AcceptsExactIsoDates) {
  const auto cases = std::vector<std::pair<std::string, date::year_month_day>>{
      {"2025-01-09", 2025_y / 1 / 9},
      {"2024-02-29", 2024_y / 2 / 29},
      {"2030-12-31", 2030_y / 12 / 31},
      {"1999-07-04", 1999_y / 7 / 4},  // parsing does not care about coverage
  };
  for (const auto& [text, expected] : cases) {
    const auto parsed = parse_iso_date(text);
    ASSERT_TRUE(parsed.ok()) << text;
    EXPECT_EQ(*parsed, expected) << text;
  }
}

TEST(CalendarParseIsoDate, RefusesAnythingElseNamingTheText) {
  for (const std::string text :
       {"", "2025-1-9", "2025-01-9", "20250109", "2025/01/09", "2025-01-09 ", " 2025-01-09",
        "2025-01-09T00:00", "abcd-ef-gh", "+025-01-09", "2025-00-10", "2025-13-01", "2025-02-29",
        "2025-04-31", "2025-01-00"}) {
    const auto parsed = parse_iso_date(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_NE(parsed.error().message.find("\"" + text + "\""), std::string::npos)
        << parsed.error().message;
  }
}

TEST(CalendarToIsoDate, FormatsWithZeroPadding) {
  EXPECT_EQ(to_iso_date(2025_y / 1 / 9), "2025-01-09");
  EXPECT_EQ(to_iso_date(2030_y / 12 / 31), "2030-12-31");
  EXPECT_EQ(*parse_iso_date(to_iso_date(2027_y / 6 / 18)), 2027_y / 6 / 18);
}

}  // namespace
}  // namespace ibtrade
