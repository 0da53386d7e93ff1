// Process-wide logging set-up (spdlog): human-readable console lines by default, or one JSON
// object per line for log shippers. Call once from main before any thread starts.
#pragma once

#include <string>

#include "app/config.hpp"
#include "core/result.hpp"

namespace ibtrade::app {

Status init_logging(LogFormat format, const std::string& level);

// Formats one JSON log line; exposed for tests. `ts` is ISO-8601 UTC with microseconds.
std::string json_log_line(const std::string& ts, const std::string& level,
                          const std::string& logger, const std::string& message);

}  // namespace ibtrade::app
