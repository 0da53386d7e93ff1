// The risk engine's trading state (ACTIVE, REDUCING, HALTED) and the record of one change of it,
// kept for the audit log. Plain values; no threading rule.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace ibtrade::engine {

enum class TradingState : std::uint8_t {
  kActive,    // every limit applies, orders may add exposure
  kReducing,  // only orders that bring positions toward zero
  kHalted,    // kill switch: no new order or modify until an explicit reset; cancels pass
};

std::string_view to_string(TradingState state);  // "active", "reducing", "halted"

struct RiskTransition {
  Timestamp time;
  TradingState from = TradingState::kActive;
  TradingState to = TradingState::kActive;
  std::string reason;

  friend bool operator==(const RiskTransition&, const RiskTransition&) = default;
};

}  // namespace ibtrade::engine
