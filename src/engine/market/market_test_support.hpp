// Helpers for the synthetic market tests: the US equity calendar, byte-exact bar rendering.
// Test-only; single-threaded.
#pragma once

#include <string>

#include <date/tz.h>

#include "core/calendar/trading_calendar.hpp"
#include "core/market_data.hpp"
#include "engine/kernel/bar_feed.hpp"

namespace ibtrade::engine::market::test {

inline const TradingCalendar& us_calendar() {
  static const TradingCalendar calendar(*date::locate_zone("America/New_York"),
                                        HolidayTable::us_equity());
  return calendar;
}

// Every field with its precision, so that equal text means byte-identical bars.
inline std::string render(const Bar& bar) {
  return std::to_string(bar.time.time_since_epoch().count()) + " " + bar.open.to_string() + " " +
         bar.high.to_string() + " " + bar.low.to_string() + " " + bar.close.to_string() + " " +
         bar.volume.to_string() + "\n";
}

inline std::string render(const MarketBar& bar) {
  return bar.symbol + " " + std::to_string(bar.duration.count()) + " " + render(bar.bar);
}

}  // namespace ibtrade::engine::market::test
