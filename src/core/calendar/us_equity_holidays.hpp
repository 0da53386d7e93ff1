// HolidayTable: the days US equities (NYSE and Nasdaq share one schedule) close or close early,
// as data. A value: built and overridden by one owner at startup, then read-only from any thread.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "core/result.hpp"

namespace ibtrade {

enum class HolidayKind : std::uint8_t {
  kClosed,      // no session at all (extended hours included)
  kEarlyClose,  // regular session ends 13:00 ET, post-market 17:00 ET
};

enum class HolidaySource : std::uint8_t { kBuiltIn, kOverride };

struct Holiday {
  date::year_month_day date;  // ET calendar date
  HolidayKind kind = HolidayKind::kClosed;
  std::string reason;  // short, e.g. "Good Friday"
  HolidaySource source = HolidaySource::kBuiltIn;

  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// The years the built-in table is known to be complete for. Outside them the table knows nothing,
// and a weekday there is not a trading day: TradingCalendar refuses to guess (see calendar.md).
inline constexpr date::year kUsEquityFirstYear{2020};
inline constexpr date::year kUsEquityLastYear{2030};

class HolidayTable {
 public:
  // The built-in NYSE/Nasdaq schedule for kUsEquityFirstYear..kUsEquityLastYear.
  static HolidayTable us_equity();

  date::year first_year() const { return kUsEquityFirstYear; }
  date::year last_year() const { return kUsEquityLastYear; }

  // True when `day` is a valid date inside the covered years, i.e. when the absence of an entry
  // means a weekday is a full session rather than "unknown".
  bool covers(date::year_month_day day) const;

  // The entry for `day`, or nullptr for a full session or a weekend. O(log n).
  const Holiday* find(date::year_month_day day) const;

  // Overrides (config `calendar.extra_closures` / `extra_early_closes`) for what the table cannot
  // know in advance: mourning days, weather. An override replaces a built-in entry of the same
  // date. Refused, with a message naming the date: an invalid date, a date outside the covered
  // years (one override cannot vouch for a whole year), a weekend, and one date overridden both
  // as a closure and as an early close.
  Status add_closure(date::year_month_day day, std::string reason);
  Status add_early_close(date::year_month_day day, std::string reason);

  // Every entry, sorted by date.
  std::span<const Holiday> entries() const { return entries_; }

 private:
  HolidayTable() = default;
  Status add_override(date::year_month_day day, HolidayKind kind, std::string reason);

  std::vector<Holiday> entries_;  // sorted by date, one entry per date
};

// Parses an ISO calendar date, exactly "YYYY-MM-DD" (as ET dates appear in config).
Result<date::year_month_day> parse_iso_date(std::string_view text);

// Formats as "YYYY-MM-DD"; for messages and logs.
std::string to_iso_date(date::year_month_day day);

}  // namespace ibtrade
