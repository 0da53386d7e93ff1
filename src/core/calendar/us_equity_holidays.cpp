#include "core/calendar/us_equity_holidays.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace ibtrade {
namespace {

using namespace date::literals;
using enum HolidayKind;

struct BuiltIn {
  date::year_month_day date;
  HolidayKind kind;
  std::string_view reason;
};

// NYSE/Nasdaq closures and 13:00 ET early closes, 2020-2030 (ET dates). 2020-2028 match NYSE
// Group's published holiday calendars plus the unscheduled closure of 2025-01-09; 2029-2030 apply
// the same rules (NYSE Rule 7.2) and are not yet published. The rows are the output of
// scripts/us_equity_holidays.py, which holds the rules and the irregular dates; check each new
// year against NYSE's release before adding it.
// clang-format off
constexpr auto kBuiltIn = std::to_array<BuiltIn>({
    // 2020: 253 sessions
    {2020_y / 1 / 1, kClosed, "New Year's Day"},  // Wed
    {2020_y / 1 / 20, kClosed, "Martin Luther King Jr. Day"},  // Mon
    {2020_y / 2 / 17, kClosed, "Washington's Birthday"},  // Mon
    {2020_y / 4 / 10, kClosed, "Good Friday"},  // Fri
    {2020_y / 5 / 25, kClosed, "Memorial Day"},  // Mon
    {2020_y / 7 / 3, kClosed, "Independence Day (observed)"},  // Fri
    {2020_y / 9 / 7, kClosed, "Labor Day"},  // Mon
    {2020_y / 11 / 26, kClosed, "Thanksgiving Day"},  // Thu
    {2020_y / 11 / 27, kEarlyClose, "Day after Thanksgiving"},  // Fri
    {2020_y / 12 / 24, kEarlyClose, "Christmas Eve"},  // Thu
    {2020_y / 12 / 25, kClosed, "Christmas Day"},  // Fri
    // 2021: 252 sessions
    {2021_y / 1 / 1, kClosed, "New Year's Day"},  // Fri
    {2021_y / 1 / 18, kClosed, "Martin Luther King Jr. Day"},  // Mon
    {2021_y / 2 / 15, kClosed, "Washington's Birthday"},  // Mon
    {2021_y / 4 / 2, kClosed, "Good Friday"},  // Fri
    {2021_y / 5 / 31, kClosed, "Memorial Day"},  // Mon
    {2021_y / 7 / 5, kClosed, "Independence Day (observed)"},  // Mon
    {2021_y / 9 / 6, kClosed, "Labor Day"},  // Mon
    {2021_y / 11 / 25, kClosed, "Thanksgiving Day"},  // Thu
    {2021_y / 11 / 26, kEarlyClose, "Day after Thanksgiving"},  // Fri
    {2021_y / 12 / 24, kClosed, "Christmas Day (observed)"},  // Fri
    // 2022: 251 sessions
    {2022_y / 1 / 17, kClosed, "Martin Luther King Jr. Day"},  // Mon
    {2022_y / 2 / 21, kClosed, "Washington's Birthday"},  // Mon
    {2022_y / 4 / 15, kClosed, "Good Friday"},  // Fri
    {2022_y / 5 / 30, kClosed, "Memorial Day"},  // Mon
    {2022_y / 6 / 20, kClosed, "Juneteenth (observed)"},  // Mon
    {2022_y / 7 / 4, kClosed, "Independence Day"},  // Mon
    {2022_y / 9 / 5, kClosed, "Labor Day"},  // Mon
    {2022_y / 11 / 24, kClosed, "Thanksgiving Day"},  // Thu
    {2022_y / 11 / 25, kEarlyClose, "Day after Thanksgiving"},  // Fri
    {2022_y / 12 / 26, kClosed, "Christmas Day (observed)"},  // Mon
    // 2023: 250 sessions
    {2023_y / 1 / 2, kClosed, "New Year's Day (observed)"},  // Mon
    {2023_y / 1 / 16, kClosed, "Martin Luther King Jr. Day"},  // Mon
    {2023_y / 2 / 20, kClosed, "Washington's Birthday"},  // Mon
    {2023_y / 4 / 7, kClosed, "Good Friday"},  // Fri
    {2023_y / 5 / 29, kClosed, "Memorial Day"},  // Mon
    {2023_y / 6 / 19, kClosed, "Juneteenth"},  // Mon
    {2023_y / 7 / 3, kEarlyClose, "Day before Independence Day"},  // Mon
    {2023_y / 7 / 4, kClosed, "Independence Day"},  // Tue
    {2023_y / 9 / 4, kClosed, "Labor Day"},  // Mon
    {2023_y / 11 / 23, kClosed, "Thanksgiving Day"},  // Thu
    {2023_y / 11 / 24, kEarlyClose, "Day after Thanksgiving"},  // Fri
    {2023_y / 12 / 25, kClosed, "Christmas Day"},  // Mon
    // 2024: 252 sessions
    {2024_y / 1 / 1, kClosed, "New Year's Day"},  // Mon
    {2024_y / 1 / 15, kClosed, "Martin Luther King Jr. Day"},  // Mon
    {2024_y / 2 / 19, kClosed, "Washington's Birthday"},  // Mon
    {2024_y / 3 / 29, kClosed, "Good Friday"},  // Fri
    {2024_y / 5 / 27, kClosed, "Memorial Day"},  // Mon
    {2024_y / 6 / 19, kClosed, "Juneteenth"},  // Wed
    {2024_y / 7 / 3, kEarlyClose, "Day before Independence Day"},  // Wed
    {2024_y / 7 / 4, kClosed, "Independence Day"},  // Thu
    {2024_y / 9 / 2, kClosed, "Labor Day"},  // Mon
    {2024_y / 11 / 28, kClosed, "Thanksgiving Day"},  // Thu
    {2024_y / 11 / 29, kEarlyClose, "Day after Thanksgiving"},  // Fri
    {2024_y / 12 / 24, kEarlyClose, "Christmas Eve"},  // Tue
    {2024_y / 12 / 25, kClosed, "Christmas Day"},  // Wed
    // 2025: 250 sessions
    {2025_y / 1 / 1, kClosed, "New Year's Day"},  // Wed
    {2025_y / 1 / 9, kClosed, "National Day of Mourning (Carter)"},  // Thu
    {2025_y / 1 / 20, kClosed, "Martin Luther King Jr. Day"},  // Mon
    {2025_y / 2 / 17, kClosed, "Washington's Birthday"},  // Mon
    {2025_y / 4 / 18, kClosed, "Good Friday"},  // Fri
    {2025_y / 5 / 26, kClosed, "Memorial Day"},  // Mon
    {2025_y / 6 / 19, kClosed, "Juneteenth"},  // Thu
    {2025_y / 7 / 3, kEarlyClose, "Day before Independence Day"},  // Thu
    {2025_y / 7 / 4, kClosed, "Independence Day"},  // Fri
    {2025_y / 9 / 1, kClosed, "Labor Day"},  // Mon
    {2025_y / 11 / 27, kClosed, "Thanksgiving Day"},  // Thu
    {2025_y / 11 / 28, kEarlyClose, "Day after Thanksgiving"},  // Fri
    {2025_y / 12 / 24, kEarlyClose, "Christmas Eve"},  // Wed
    {2025_y / 12 / 25, kClosed, "Christmas Day"},  // Thu
    // 2026: 251 sessions
    {2026_y / 1 / 1, kClosed, "New Year's Day"},  // Thu
    {2026_y / 1 / 19, kClosed, "Martin Luther King Jr. Day"},  // Mon
    {2026_y / 2 / 16, kClosed, "Washington's Birthday"},  // Mon
    {2026_y / 4 / 3, kClosed, "Good Friday"},  // Fri
    {2026_y / 5 / 25, kClosed, "Memorial Day"},  // Mon
    {2026_y / 6 / 19, kClosed, "Juneteenth"},  // Fri
    {2026_y / 7 / 3, kClosed, "Independence Day (observed)"},  // Fri
    {2026_y / 9 / 7, kClosed, "Labor Day"},  // Mon
    {2026_y / 11 / 26, kClosed, "Thanksgiving Day"},  // Thu
    {2026_y / 11 / 27, kEarlyClose, "Day after Thanksgiving"},  // Fri
    {2026_y / 12 / 24, kEarlyClose, "Christmas Eve"},  // Thu
    {2026_y / 12 / 25, kClosed, "Christmas Day"},  // Fri
    // 2027: 251 sessions
    {2027_y / 1 / 1, kClosed, "New Year's Day"},  // Fri
    {2027_y / 1 / 18, kClosed, "Martin Luther King Jr. Day"},  // Mon
    {2027_y / 2 / 15, kClosed, "Washington's Birthday"},  // Mon
    {2027_y / 3 / 26, kClosed, "Good Friday"},  // Fri
    {2027_y / 5 / 31, kClosed, "Memorial Day"},  // Mon
    {2027_y / 6 / 18, kClosed, "Juneteenth (observed)"},  // Fri
    {2027_y / 7 / 5, kClosed, "Independence Day (observed)"},  // Mon
    {2027_y / 9 / 6, kClosed, "Labor Day"},  // Mon
    {2027_y / 11 / 25, kClosed, "Thanksgiving Day"},  // Thu
    {2027_y / 11 / 26, kEarlyClose, "Day after Thanksgiving"},  // Fri
    {2027_y / 12 / 24, kClosed, "Christmas Day (observed)"},  // Fri
    // 2028: 251 sessions
    {2028_y / 1 / 17, kClosed, "Martin Luther King Jr. Day"},  // Mon
    {2028_y / 2 / 21, kClosed, "Washington's Birthday"},  // Mon
    {2028_y / 4 / 14, kClosed, "Good Friday"},  // Fri
    {2028_y / 5 / 29, kClosed, "Memorial Day"},  // Mon
    {2028_y / 6 / 19, kClosed, "Juneteenth"},  // Mon
    {2028_y / 7 / 3, kEarlyClose, "Day before Independence Day"},  // Mon
    {2028_y / 7 / 4, kClosed, "Independence Day"},  // Tue
    {2028_y / 9 / 4, kClosed, "Labor Day"},  // Mon
    {2028_y / 11 / 23, kClosed, "Thanksgiving Day"},  // Thu
    {2028_y / 11 / 24, kEarlyClose, "Day after Thanksgiving"},  // Fri
    {2028_y / 12 / 25, kClosed, "Christmas Day"},  // Mon
    // 2029: 251 sessions
    {2029_y / 1 / 1, kClosed, "New Year's Day"},  // Mon
    {2029_y / 1 / 15, kClosed, "Martin Luther King Jr. Day"},  // Mon
    {2029_y / 2 / 19, kClosed, "Washington's Birthday"},  // Mon
    {2029_y / 3 / 30, kClosed, "Good Friday"},  // Fri
    {2029_y / 5 / 28, kClosed, "Memorial Day"},  // Mon
    {2029_y / 6 / 19, kClosed, "Juneteenth"},  // Tue
    {2029_y / 7 / 3, kEarlyClose, "Day before Independence Day"},  // Tue
    {2029_y / 7 / 4, kClosed, "Independence Day"},  // Wed
    {2029_y / 9 / 3, kClosed, "Labor Day"},  // Mon
    {2029_y / 11 / 22, kClosed, "Thanksgiving Day"},  // Thu
    {2029_y / 11 / 23, kEarlyClose, "Day after Thanksgiving"},  // Fri
    {2029_y / 12 / 24, kEarlyClose, "Christmas Eve"},  // Mon
    {2029_y / 12 / 25, kClosed, "Christmas Day"},  // Tue
    // 2030: 251 sessions
    {2030_y / 1 / 1, kClosed, "New Year's Day"},  // Tue
    {2030_y / 1 / 21, kClosed, "Martin Luther King Jr. Day"},  // Mon
    {2030_y / 2 / 18, kClosed, "Washington's Birthday"},  // Mon
    {2030_y / 4 / 19, kClosed, "Good Friday"},  // Fri
    {2030_y / 5 / 27, kClosed, "Memorial Day"},  // Mon
    {2030_y / 6 / 19, kClosed, "Juneteenth"},  // Wed
    {2030_y / 7 / 3, kEarlyClose, "Day before Independence Day"},  // Wed
    {2030_y / 7 / 4, kClosed, "Independence Day"},  // Thu
    {2030_y / 9 / 2, kClosed, "Labor Day"},  // Mon
    {2030_y / 11 / 28, kClosed, "Thanksgiving Day"},  // Thu
    {2030_y / 11 / 29, kEarlyClose, "Day after Thanksgiving"},  // Fri
    {2030_y / 12 / 24, kEarlyClose, "Christmas Eve"},  // Tue
    {2030_y / 12 / 25, kClosed, "Christmas Day"},  // Wed
});
// clang-format on

constexpr bool strictly_sorted(std::span<const BuiltIn> rows) {
  return std::adjacent_find(rows.begin(), rows.end(), [](const BuiltIn& a, const BuiltIn& b) {
           return !(a.date < b.date);
         }) == rows.end();
}

constexpr bool is_weekend(date::year_month_day day) {
  const date::weekday wd{date::sys_days{day}};
  return wd == date::Saturday || wd == date::Sunday;
}

constexpr bool valid_weekdays_in_range(std::span<const BuiltIn> rows) {
  return std::all_of(rows.begin(), rows.end(), [](const BuiltIn& row) {
    return row.date.ok() && !is_weekend(row.date) && row.date.year() >= kUsEquityFirstYear &&
           row.date.year() <= kUsEquityLastYear;
  });
}

// A typo in the table is caught at compile time, not on the first holiday it gets wrong.
static_assert(strictly_sorted(kBuiltIn), "built-in holidays must be sorted, one row per date");
static_assert(valid_weekdays_in_range(kBuiltIn),
              "built-in holidays must be valid weekdays inside the covered years");

constexpr std::array<std::string_view, 7> kWeekdayNames{
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int digits_value(std::string_view text) {
  int value = 0;
  for (char c : text) {
    value = value * 10 + (c - '0');
  }
  return value;
}

bool earlier_than(const Holiday& holiday, date::year_month_day day) {
  return holiday.date < day;
}

}  // namespace

HolidayTable HolidayTable::us_equity() {
  HolidayTable table;
  table.entries_.reserve(kBuiltIn.size());
  for (const BuiltIn& row : kBuiltIn) {
    table.entries_.push_back(
        Holiday{row.date, row.kind, std::string(row.reason), HolidaySource::kBuiltIn});
  }
  return table;
}

bool HolidayTable::covers(date::year_month_day day) const {
  return day.ok() && day.year() >= first_year() && day.year() <= last_year();
}

const Holiday* HolidayTable::find(date::year_month_day day) const {
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), day, earlier_than);
  return it != entries_.end() && it->date == day ? &*it : nullptr;
}

Status HolidayTable::add_closure(date::year_month_day day, std::string reason) {
  return add_override(day, kClosed, std::move(reason));
}

Status HolidayTable::add_early_close(date::year_month_day day, std::string reason) {
  return add_override(day, kEarlyClose, std::move(reason));
}

Status HolidayTable::add_override(date::year_month_day day, HolidayKind kind, std::string reason) {
  const std::string what = "calendar override " + to_iso_date(day);
  if (!day.ok()) return make_error(what + " is not a calendar date");
  if (!covers(day)) {
    return make_error(what + " is outside the years the US equity calendar covers (" +
                      std::to_string(int{first_year()}) + "-" + std::to_string(int{last_year()}) +
                      "); the built-in table must be extended for that year first");
  }
  if (is_weekend(day)) {
    const date::weekday wd{date::sys_days{day}};
    return make_error(what + " is a " + std::string(kWeekdayNames[wd.c_encoding()]) +
                      ": the market is closed on weekends anyway");
  }

  const auto it = std::lower_bound(entries_.begin(), entries_.end(), day, earlier_than);
  if (it != entries_.end() && it->date == day) {
    // Two overrides that disagree are a config mistake; silently keeping the later one would
    // make the answer depend on list order.
    if (it->source == HolidaySource::kOverride && it->kind != kind) {
      return make_error(what + " is given both as a closure and as an early close");
    }
    it->kind = kind;
    it->reason = std::move(reason);
    it->source = HolidaySource::kOverride;
    return Status{};
  }
  entries_.insert(it, Holiday{day, kind, std::move(reason), HolidaySource::kOverride});
  return Status{};
}

Result<date::year_month_day> parse_iso_date(std::string_view text) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      std::all_of(text.begin(), text.begin() + 4, is_digit) && is_digit(text[5]) &&
                      is_digit(text[6]) && is_digit(text[8]) && is_digit(text[9]);
  if (!shaped) return make_error("expected a date as \"YYYY-MM-DD\", got " + quoted(text));
  const date::year_month_day day{
      date::year{digits_value(text.substr(0, 4))},
      date::month{static_cast<unsigned>(digits_value(text.substr(5, 2)))},
      date::day{static_cast<unsigned>(digits_value(text.substr(8, 2)))}};
  if (!day.ok()) return make_error(quoted(text) + " is not a calendar date");
  return day;
}

std::string to_iso_date(date::year_month_day day) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02u", int{day.year()},
                unsigned{day.month()}, unsigned{day.day()});
  return std::string(buffer.data());
}

}  // namespace ibtrade
