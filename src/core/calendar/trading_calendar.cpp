#include "core/calendar/trading_calendar.hpp"

#include <cstdlib>

namespace ibtrade {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

// ET wall-clock session boundaries (extended hours as IB and LEAN model them for US equities).
constexpr minutes kPreOpen = hours{4};
constexpr minutes kOpen = hours{9} + minutes{30};
constexpr minutes kClose = hours{16};
constexpr minutes kPostClose = hours{20};
constexpr minutes kEarlyClose = hours{13};
constexpr minutes kEarlyPostClose = hours{17};

}  // namespace

std::string_view to_string(Session session) {
  switch (session) {
    case Session::kClosed:
      return "closed";
    case Session::kPreMarket:
      return "pre-market";
    case Session::kRegular:
      return "regular";
    case Session::kPostMarket:
      return "post-market";
  }
  std::abort();  // not a Session: memory corruption or a bad cast
}

TradingCalendar::TradingCalendar(const date::time_zone& new_york, HolidayTable table)
    : new_york_(&new_york), table_(std::move(table)) {}

date::year_month_day TradingCalendar::market_date(Timestamp t) const {
  // Whole seconds first: zone offsets are whole seconds, and adding one to an extreme nanosecond
  // count could overflow.
  const auto local = new_york_->to_local(date::floor<std::chrono::seconds>(t));
  return date::year_month_day{date::floor<date::days>(local)};
}

TradingCalendar::DayType TradingCalendar::day_type(date::year_month_day day) const {
  if (!table_.covers(day)) return DayType::kClosed;  // unknown year: fail closed
  const date::weekday weekday{date::sys_days{day}};
  if (weekday == date::Saturday || weekday == date::Sunday) return DayType::kClosed;
  const Holiday* holiday = table_.find(day);
  if (holiday == nullptr) return DayType::kFull;
  return holiday->kind == HolidayKind::kClosed ? DayType::kClosed : DayType::kEarlyClose;
}

bool TradingCalendar::is_trading_day(date::year_month_day day) const {
  return day_type(day) != DayType::kClosed;
}

Timestamp TradingCalendar::to_utc(date::local_days day, minutes et_time) const {
  // Session boundaries never fall in the hour DST skips (02:00-03:00 ET in March) or repeats
  // (01:00-02:00 ET in November), so the choice never changes an answer. Passing one makes to_sys
  // total: without it, date/tz throws nonexistent_local_time / ambiguous_local_time, and no
  // exception should be able to leave the core.
  return new_york_->to_sys(day + et_time, date::choose::earliest);
}

SessionHours TradingCalendar::session_hours(date::year_month_day trading_day, DayType type) const {
  const date::local_days day{trading_day};
  const bool early = type == DayType::kEarlyClose;
  return SessionHours{to_utc(day, kPreOpen), to_utc(day, kOpen),
                      to_utc(day, early ? kEarlyClose : kClose),
                      to_utc(day, early ? kEarlyPostClose : kPostClose), early};
}

std::optional<SessionHours> TradingCalendar::hours(date::year_month_day day) const {
  const DayType type = day_type(day);
  if (type == DayType::kClosed) return std::nullopt;
  return session_hours(day, type);
}

Session TradingCalendar::session_of(Timestamp t) const {
  // Every session lies inside its own ET calendar day (04:00-20:00), so the market date of t
  // names the only day whose sessions can contain it.
  const std::optional<SessionHours> day = hours(market_date(t));
  if (!day || t < day->pre_open || t >= day->post_close) return Session::kClosed;
  if (t < day->open) return Session::kPreMarket;
  if (t < day->close) return Session::kRegular;
  return Session::kPostMarket;
}

std::optional<Timestamp> TradingCalendar::next_open(Timestamp t) const {
  const date::year_month_day today = market_date(t);
  if (!covers(today)) return std::nullopt;  // today may well have an open we do not know of
  if (const auto hours_today = hours(today); hours_today && t < hours_today->open) {
    return hours_today->open;
  }
  const auto next = next_trading_day(today);
  if (!next) return std::nullopt;
  return session_hours(*next, day_type(*next)).open;
}

std::optional<Timestamp> TradingCalendar::next_close(Timestamp t) const {
  const date::year_month_day today = market_date(t);
  if (!covers(today)) return std::nullopt;
  if (const auto hours_today = hours(today); hours_today && t < hours_today->close) {
    return hours_today->close;
  }
  const auto next = next_trading_day(today);
  if (!next) return std::nullopt;
  return session_hours(*next, day_type(*next)).close;
}

std::optional<date::year_month_day> TradingCalendar::next_trading_day(
    date::year_month_day day) const {
  return step_to_trading_day(day, date::days{1});
}

std::optional<date::year_month_day> TradingCalendar::previous_trading_day(
    date::year_month_day day) const {
  return step_to_trading_day(day, date::days{-1});
}

std::optional<date::year_month_day> TradingCalendar::step_to_trading_day(date::year_month_day day,
                                                                         date::days step) const {
  if (!day.ok()) return std::nullopt;
  // Stops at the first day outside the covered years: beyond it a trading day may exist that the
  // table cannot name, so skipping ahead to a covered year would be a wrong answer. Within them
  // the walk is a few steps (a long weekend), each an O(log n) lookup.
  for (date::sys_days d = date::sys_days{day} + step;; d += step) {
    const date::year_month_day candidate{d};
    if (!covers(candidate)) return std::nullopt;
    if (day_type(candidate) != DayType::kClosed) return candidate;
  }
}

}  // namespace ibtrade
