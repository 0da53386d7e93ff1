// SessionSchedule: the regular sessions the simulator replays. Over the synthetic market it is
// the trading calendar; over CSV files it is the days the files have bars on, with the
// calendar's hours where the calendar covers the year and 09:30-16:00 ET (weekdays) elsewhere,
// because replayed history often predates the calendar's table. Immutable; any thread.
#pragma once

#include <optional>
#include <set>

#include <date/date.h>
#include <date/tz.h>

#include "core/calendar/trading_calendar.hpp"
#include "core/time.hpp"

namespace ibtrade::sim {

class SessionSchedule {
 public:
  // Every trading day of `calendar` (which must outlive the schedule).
  explicit SessionSchedule(const TradingCalendar& calendar);
  // Only `days` (those among them without regular hours are dropped). `new_york` must outlive
  // the schedule.
  SessionSchedule(const TradingCalendar& calendar, const date::time_zone& new_york,
                  std::set<date::year_month_day> days);

  // The regular hours `day` would have: the calendar's inside its covered years, else a full
  // 09:30-16:00 ET session on a weekday (pre-market 04:00, post-market 20:00); none otherwise.
  static std::optional<SessionHours> regular_hours(const TradingCalendar& calendar,
                                                   const date::time_zone& new_york,
                                                   date::year_month_day day);

  // The ET calendar date of `t`.
  date::year_month_day market_date(Timestamp t) const { return calendar_->market_date(t); }
  bool is_trading_day(date::year_month_day day) const { return hours(day).has_value(); }
  std::optional<SessionHours> hours(date::year_month_day day) const;
  // The nearest session strictly after / before `day`.
  std::optional<date::year_month_day> next_trading_day(date::year_month_day day) const;
  std::optional<date::year_month_day> previous_trading_day(date::year_month_day day) const;
  // The session on `day`, else the most recent one before it, else the first after it.
  std::optional<date::year_month_day> most_recent_trading_day(date::year_month_day day) const;

  // The first and last session: only for a schedule of listed days.
  std::optional<date::year_month_day> first_day() const;
  std::optional<date::year_month_day> last_day() const;

 private:
  const TradingCalendar* calendar_;
  const date::time_zone* new_york_ = nullptr;
  std::optional<std::set<date::year_month_day>> days_;  // none: the calendar's days
};

}  // namespace ibtrade::sim
