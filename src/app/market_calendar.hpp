// Builds the US equity trading calendar the processes use: the built-in holiday table plus the
// configured overrides, in America/New_York from the system's tz database. Main thread, at start.
#pragma once

#include <string>

#include "app/config.hpp"
#include "core/calendar/trading_calendar.hpp"
#include "core/result.hpp"

namespace ibtrade::app {

Result<TradingCalendar> make_market_calendar(const CalendarConfig& config);

// One line for people: "open (regular session) until 16:00 ET" or "closed; next open ...".
std::string describe_market(const TradingCalendar& calendar, Timestamp now);

}  // namespace ibtrade::app
