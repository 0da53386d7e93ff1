// Date/time texts of the TWS protocol (execution times, historical bar dates, endDateTime):
// parsed into local or UTC fields first, turned into an instant given a time zone second, so no
// time-zone lookup happens here. Pure functions; no threading rule.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <date/tz.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ibtrade::tws {

struct TwsTime {
  enum class Kind {
    kUtc,    // "yyyyMMdd-HH:mm:ss" or epoch seconds: `seconds` is UTC
    kLocal,  // "yyyyMMdd[ [ ]HH:mm:ss[ <zone>]]": `seconds` is wall-clock time in `zone`, or
             // in TWS's login zone when `zone` is empty
  };
  Kind kind = Kind::kUtc;
  std::chrono::seconds seconds{0};  // since 1970-01-01 00:00:00 (UTC or local)
  std::string zone;                 // IANA name given in the text, e.g. "America/New_York"
  bool date_only = false;           // "yyyyMMdd" (daily bars): local midnight

  friend bool operator==(const TwsTime&, const TwsTime&) = default;
};

// Accepts every form the protocol doc lists: "20231207  09:35:01" (two spaces), "20231207
// 09:35:01", "20260130 10:46:26 America/New_York", "20231207-09:35:01" (UTC), "20231206"
// (a date), and all-digit epoch seconds ("1701950000").
Result<TwsTime> parse_tws_time(std::string_view text);

// The instant. `zone` is the zone the text names (looked up by the caller) or, when it names
// none, TWS's login time zone; it may be null for UTC times only. A local time the zone skips is
// an error; one it repeats is taken as the earlier instant.
Result<Timestamp> to_timestamp(const TwsTime& time, const date::time_zone* zone);

// "yyyyMMdd HH:mm:ss <zone name>", the form newer servers send (the simulator's choice).
std::string format_tws_time(Timestamp time, const date::time_zone& zone);

}  // namespace ibtrade::tws
