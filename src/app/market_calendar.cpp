#include "app/market_calendar.hpp"

#include <date/tz.h>

namespace ibtrade::app {
namespace {

std::string et_and_utc(const date::time_zone& zone, Timestamp t) {
  const auto seconds = date::floor<std::chrono::seconds>(t);
  return date::format("%F %H:%M ET", zone.to_local(seconds)) + " (" +
         date::format("%H:%M UTC", seconds) + ")";
}

Status add_overrides(HolidayTable& table, const std::vector<std::string>& dates, HolidayKind kind,
                     const std::string& key) {
  for (const std::string& text : dates) {
    auto day = parse_iso_date(text);
    if (!day.ok()) return Error{key + ": " + day.error().message};
    Status added = kind == HolidayKind::kClosed
                       ? table.add_closure(*day, "configured closure")
                       : table.add_early_close(*day, "configured early close");
    if (!added.ok()) return Error{key + ": " + added.error().message};
  }
  return {};
}

}  // namespace

Result<TradingCalendar> make_market_calendar(const CalendarConfig& config) {
  const date::time_zone* new_york = nullptr;
  try {
    new_york = date::locate_zone("America/New_York");
  } catch (const std::exception& e) {
    return Error{std::string("time zone America/New_York not found (is the tzdata package "
                             "installed?): ") +
                 e.what()};
  }
  HolidayTable table = HolidayTable::us_equity();
  if (Status s = add_overrides(table, config.extra_closures, HolidayKind::kClosed,
                               "calendar.extra_closures");
      !s.ok()) {
    return s.error();
  }
  if (Status s = add_overrides(table, config.extra_early_closes, HolidayKind::kEarlyClose,
                               "calendar.extra_early_closes");
      !s.ok()) {
    return s.error();
  }
  return TradingCalendar(*new_york, std::move(table));
}

std::string describe_market(const TradingCalendar& calendar, Timestamp now) {
  const date::time_zone& zone = *date::locate_zone("America/New_York");
  const date::year_month_day today = calendar.market_date(now);
  if (!calendar.covers(today)) {
    return "unknown: " + to_iso_date(today) + " is outside the holiday table's years";
  }
  const Session session = calendar.session_of(now);
  if (session == Session::kRegular) {
    return "open (regular session) until " + et_and_utc(zone, *calendar.next_close(now));
  }
  std::string text = std::string(to_string(session));
  if (!calendar.is_trading_day(today)) text += " (not a trading day)";
  const auto next_open = calendar.next_open(now);
  return text + "; next open " + (next_open ? et_and_utc(zone, *next_open) : "unknown");
}

}  // namespace ibtrade::app
