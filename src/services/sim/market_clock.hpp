// MarketClock: turns wall-clock time elapsed since the simulator started into market time,
// replaying the schedule's regular sessions only (nights, weekends and holidays are skipped) at a
// chosen speed. Pure (the caller passes the elapsed time); single-threaded, owned by the
// simulator's io thread.
#pragma once

#include <optional>

#include <date/date.h>

#include "core/time.hpp"
#include "services/sim/session_schedule.hpp"

namespace ibtrade::sim {

class MarketClock {
 public:
  // Starts at the open of the first session on or after `from`, or at `start` when that falls
  // inside that session (a replay that begins with its first bar); `speed` market seconds per
  // wall second (> 0). Throws std::invalid_argument when the schedule has no such session.
  MarketClock(const SessionSchedule& sessions, date::year_month_day from, double speed,
              std::optional<Timestamp> start = std::nullopt);

  // Market time after `wall_elapsed` of wall-clock time. Calls must not go back in time. Once
  // the schedule's sessions run out, time stays at the last close.
  Timestamp at(Nanoseconds wall_elapsed);

  Timestamp now() const { return now_; }
  date::year_month_day session_day() const { return day_; }
  const SessionHours& session() const { return hours_; }
  double speed() const { return speed_; }

 private:
  const SessionSchedule* sessions_;
  double speed_;
  date::year_month_day day_;
  SessionHours hours_;
  Nanoseconds session_start_;  // market time replayed before the current session began
  Timestamp now_;
  bool exhausted_ = false;
};

}  // namespace ibtrade::sim
