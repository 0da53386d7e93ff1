// MarketClock: turns wall-clock time elapsed since the simulator started into market time,
// replaying regular sessions only (nights, weekends and holidays are skipped) at a chosen speed.
// Pure (the caller passes the elapsed time); single-threaded, owned by the simulator's io thread.
#pragma once

#include <optional>

#include <date/date.h>

#include "core/calendar/trading_calendar.hpp"
#include "core/time.hpp"

namespace ibtrade::sim {

class MarketClock {
 public:
  // Starts at the open of the first trading day on or after `from`; `speed` market seconds per
  // wall second (> 0). Throws std::invalid_argument when the calendar has no such day.
  MarketClock(const TradingCalendar& calendar, date::year_month_day from, double speed);

  // Market time after `wall_elapsed` of wall-clock time. Calls must not go back in time. Once
  // the calendar's covered years run out, time stays at the last close.
  Timestamp at(Nanoseconds wall_elapsed);

  Timestamp now() const { return now_; }
  date::year_month_day session_day() const { return day_; }
  const SessionHours& session() const { return hours_; }
  double speed() const { return speed_; }

 private:
  const TradingCalendar* calendar_;
  double speed_;
  date::year_month_day day_;
  SessionHours hours_;
  Nanoseconds session_start_;  // market time replayed before the current session began
  Timestamp now_;
  bool exhausted_ = false;
};

// The most recent trading day on or before `today` (or the first after it if none before).
std::optional<date::year_month_day> most_recent_trading_day(const TradingCalendar& calendar,
                                                            date::year_month_day today);

}  // namespace ibtrade::sim
