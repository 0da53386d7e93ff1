#include "services/sim/market_clock.hpp"

#include <stdexcept>

namespace ibtrade::sim {

MarketClock::MarketClock(const TradingCalendar& calendar, date::year_month_day from, double speed)
    : calendar_(&calendar), speed_(speed), day_(from), session_start_(Nanoseconds::zero()) {
  if (!(speed > 0.0)) throw std::invalid_argument("market clock speed must be positive");
  if (!calendar.is_trading_day(day_)) {
    auto next = calendar.next_trading_day(day_);
    if (!next) throw std::invalid_argument("no trading day on or after the start date");
    day_ = *next;
  }
  hours_ = *calendar.hours(day_);
  now_ = hours_.open;
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
    auto next = calendar_->next_trading_day(day_);
    if (!next) {
      exhausted_ = true;
      now_ = hours_.close - Nanoseconds(1);
      return now_;
    }
    session_start_ += length;
    day_ = *next;
    hours_ = *calendar_->hours(day_);
  }
}

std::optional<date::year_month_day> most_recent_trading_day(const TradingCalendar& calendar,
                                                            date::year_month_day today) {
  if (calendar.is_trading_day(today)) return today;
  if (auto before = calendar.previous_trading_day(today)) return before;
  return calendar.next_trading_day(today);
}

}  // namespace ibtrade::sim
