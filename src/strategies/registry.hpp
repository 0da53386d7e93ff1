// The strategies by name, for the backtest and the strategy runners: builds one from its name
// and key=value parameters. Pure functions; no threading rule.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/calendar/trading_calendar.hpp"
#include "core/result.hpp"
#include "engine/strategy/strategy.hpp"
#include "strategies/candidates.hpp"
#include "strategies/params.hpp"

namespace ibtrade::strategies {

// What a strategy may need beyond its parameters.
struct StrategyInputs {
  // macd-vwap: the sessions (must outlive the strategy); null: UTC session_open..session_close.
  const TradingCalendar* calendar = nullptr;
  // fundamental: the screener's list; nullopt: the SigmaSpike rule on the bars.
  std::optional<std::vector<Candidate>> candidates;
};

// "fundamental", "macd-cross", "macd-vwap", sorted.
std::vector<std::string_view> strategy_names();

// Unknown name, or a parameter error (naming the key).
Result<std::unique_ptr<engine::Strategy>> make_strategy(std::string_view name,
                                                        const ParamMap& params,
                                                        StrategyInputs inputs = {});

}  // namespace ibtrade::strategies
