#include "services/sim/session_schedule.hpp"

#include <chrono>

namespace ibtrade::sim {
namespace {

Timestamp et(const date::time_zone& new_york, date::year_month_day day, std::chrono::minutes time) {
  // 04:00, 09:30, 16:00 and 20:00 never fall in a DST gap or overlap.
  const auto sys = new_york.to_sys(date::local_days(day) + time);
  return Timestamp(std::chrono::duration_cast<Nanoseconds>(sys.time_since_epoch()));
}

}  // namespace

SessionSchedule::SessionSchedule(const TradingCalendar& calendar) : calendar_(&calendar) {}

SessionSchedule::SessionSchedule(const TradingCalendar& calendar, const date::time_zone& new_york,
                                 std::set<date::year_month_day> days)
    : calendar_(&calendar), new_york_(&new_york) {
  std::erase_if(days,
                [&](date::year_month_day d) { return !regular_hours(calendar, new_york, d); });
  days_ = std::move(days);
}

std::optional<SessionHours> SessionSchedule::regular_hours(const TradingCalendar& calendar,
                                                           const date::time_zone& new_york,
                                                           date::year_month_day day) {
  if (!day.ok()) return std::nullopt;
  if (calendar.covers(day)) return calendar.hours(day);
  const date::weekday weekday{date::sys_days(day)};
  if (weekday == date::Saturday || weekday == date::Sunday) return std::nullopt;
  using std::chrono::hours;
  using std::chrono::minutes;
  SessionHours h;
  h.pre_open = et(new_york, day, hours(4));
  h.open = et(new_york, day, hours(9) + minutes(30));
  h.close = et(new_york, day, hours(16));
  h.post_close = et(new_york, day, hours(20));
  return h;
}

std::optional<SessionHours> SessionSchedule::hours(date::year_month_day day) const {
  if (!days_) return calendar_->hours(day);
  if (!days_->contains(day)) return std::nullopt;
  return regular_hours(*calendar_, *new_york_, day);
}

std::optional<date::year_month_day> SessionSchedule::next_trading_day(
    date::year_month_day day) const {
  if (!days_) return calendar_->next_trading_day(day);
  auto it = days_->upper_bound(day);
  if (it == days_->end()) return std::nullopt;
  return *it;
}

std::optional<date::year_month_day> SessionSchedule::previous_trading_day(
    date::year_month_day day) const {
  if (!days_) return calendar_->previous_trading_day(day);
  auto it = days_->lower_bound(day);
  if (it == days_->begin()) return std::nullopt;
  return *std::prev(it);
}

std::optional<date::year_month_day> SessionSchedule::most_recent_trading_day(
    date::year_month_day day) const {
  if (is_trading_day(day)) return day;
  if (auto before = previous_trading_day(day)) return before;
  return next_trading_day(day);
}

std::optional<date::year_month_day> SessionSchedule::first_day() const {
  if (!days_ || days_->empty()) return std::nullopt;
  return *days_->begin();
}

std::optional<date::year_month_day> SessionSchedule::last_day() const {
  if (!days_ || days_->empty()) return std::nullopt;
  return *days_->rbegin();
}

}  // namespace ibtrade::sim
