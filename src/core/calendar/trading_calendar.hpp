// TradingCalendar: when US equities trade (pre-market, regular, post-market), as UTC instants,
// from a HolidayTable and the America/New_York zone. Immutable: const queries from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include <date/date.h>
#include <date/tz.h>

#include "core/calendar/us_equity_holidays.hpp"
#include "core/time.hpp"

namespace ibtrade {

enum class Session : std::uint8_t { kClosed, kPreMarket, kRegular, kPostMarket };

std::string_view to_string(Session session);

// One trading day's session boundaries as UTC instants. Each session is half-open:
// pre-market [pre_open, open), regular [open, close), post-market [close, post_close).
struct SessionHours {
  Timestamp pre_open;    // 04:00 ET
  Timestamp open;        // 09:30 ET
  Timestamp close;       // 16:00 ET, 13:00 ET on an early close
  Timestamp post_close;  // 20:00 ET, 17:00 ET on an early close
  bool early_close = false;

  friend bool operator==(const SessionHours&, const SessionHours&) = default;
};

// Dates are ET calendar dates. Outside the table's covered years (HolidayTable::covers) the
// calendar fails closed: no day there is a trading day, every instant there is kClosed, and the
// searches (next_open, next_trading_day, ...) return nullopt rather than step into an unknown
// year. A caller that must tell "closed" from "unknown" asks covers() first.
class TradingCalendar {
 public:
  // `new_york` is America/New_York from the caller's tz database (it must outlive the calendar);
  // the core never looks zones up itself because that reads files.
  TradingCalendar(const date::time_zone& new_york, HolidayTable table);

  const HolidayTable& holidays() const { return table_; }
  bool covers(date::year_month_day day) const { return table_.covers(day); }

  // The ET calendar date of `t`. After 20:00 EDT (19:00 EST) UTC is already on the next day.
  date::year_month_day market_date(Timestamp t) const;

  bool is_trading_day(date::year_month_day day) const;
  std::optional<SessionHours> hours(date::year_month_day day) const;

  bool is_open(Timestamp t) const { return session_of(t) == Session::kRegular; }
  Session session_of(Timestamp t) const;

  // The next regular open strictly after `t`.
  std::optional<Timestamp> next_open(Timestamp t) const;
  // The end of the regular session `t` is in; otherwise the end of the next one. Strictly after t.
  std::optional<Timestamp> next_close(Timestamp t) const;

  // The nearest trading day strictly after / before `day`.
  std::optional<date::year_month_day> next_trading_day(date::year_month_day day) const;
  std::optional<date::year_month_day> previous_trading_day(date::year_month_day day) const;

 private:
  enum class DayType : std::uint8_t { kClosed, kFull, kEarlyClose };
  DayType day_type(date::year_month_day day) const;
  Timestamp to_utc(date::local_days day, std::chrono::minutes et_time) const;
  SessionHours session_hours(date::year_month_day trading_day, DayType type) const;
  std::optional<date::year_month_day> step_to_trading_day(date::year_month_day day,
                                                          date::days step) const;

  const date::time_zone* new_york_;
  HolidayTable table_;
};

}  // namespace ibtrade
