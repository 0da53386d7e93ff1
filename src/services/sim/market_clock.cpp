#include "services/sim/market_clock.hpp"

#include <stdexcept>

namespace ibtrade::sim {

MarketClock::MarketClock(const SessionSchedule& sessions, date::year_month_day from, double speed,
                         std::optional<Timestamp> start)
    : sessions_(&sessions), speed_(speed), day_(from), session_start_(Nanoseconds::zero()) {
  if (!(speed > 0.0)) throw std::invalid_argument("market clock speed must be positive");
  if (!sessions.is_trading_day(day_)) {
    auto next = sessions.next_trading_day(day_);
    if (!next) throw std::invalid_argument("no trading session on or after the start date");
    day_ = *next;
  }
  hours_ = *sessions.hours(day_);
  now_ = hours_.open;
  if (start && *start > hours_.open && *start < hours_.close) {
    // As if the part of the session before `start` had already been replayed.
    session_start_ = hours_.open - *start;
    now_ = *start;
  }
}

Timestamp MarketClock::at(Nanoseconds wall_elapsed) {
  if (exhausted_) return now_;
  // Doubles only scale the span; the instants themselves stay integral nanoseconds.
  const auto market_elapsed =
      Nanoseconds(static_cast<std::int64_t>(static_cast<double>(wall_elapsed.count()) * speed_));
  for (;;) {
    const Nanoseconds into = market_elapsed - session_start_;
    const Nanoseconds length = hours_.close - hours_.open;
    if (into < length) {
      const Timestamp t = hours_.open + (into > Nanoseconds::zero() ? into : Nanoseconds::zero());
      if (t > now_) now_ = t;
      return now_;
    }
    auto next = sessions_->next_trading_day(day_);
    if (!next) {
      exhausted_ = true;
      now_ = hours_.close - Nanoseconds(1);
      return now_;
    }
    session_start_ += length;
    day_ = *next;
    hours_ = *sessions_->hours(day_);
  }
}

}  // namespace ibtrade::sim
