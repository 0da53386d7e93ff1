#include "engine/risk/trading_state.hpp"

namespace ibtrade::engine {

std::string_view to_string(TradingState state) {
  switch (state) {
    case TradingState::kActive:
      return "active";
    case TradingState::kReducing:
      return "reducing";
    case TradingState::kHalted:
      return "halted";
  }
  return "unknown";
}

}  // namespace ibtrade::engine
