// Classifies ERR_MSG codes (protocol doc 5.5) so the adapter can route them: notices to logs,
// connectivity to reconnect logic, pacing to back-off, order errors to the order's events.
// Pure functions over a constant table; no threading rule.
#pragma once

#include <string_view>

namespace ibtrade::tws {

enum class ErrorClass {
  kInfo,          // farm OK/inactive notices, informational messages (2104, 2106, 2158, 165)
  kConnectivity,  // TWS<->IB or client<->TWS links lost or restored (1100-1102, 504, 2103)
  kPacing,        // rate or pacing limits (100, 162, 420)
  kSubscription,  // market-data lines and permissions (101, 354, 10167, 10197)
  kOrder,         // about one order (103, 110, 135, 201, 202, 399)
  kSecurity,      // the contract can't be found or is ambiguous (200)
  kClient,        // our request was wrong (duplicate ids, bad parameters, unknown id to cancel)
  kOther,
};

std::string_view to_string(ErrorClass error_class);

ErrorClass classify_error(int code);

// True when the code is a warning or notice that does not end the request or order it names,
// following ib_insync's list (105, 110, 165, 321, 329, 399, 404, 434, 492, 10167 and
// 2100-2199) plus the system notices 1100-1102 and 1300: e.g. 10167 is followed by delayed ticks,
// 399 by the order working, 2109 by the order filling regardless.
bool is_warning(int code);

}  // namespace ibtrade::tws
