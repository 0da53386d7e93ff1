#include "strategies/registry.hpp"

#include <string>
#include <utility>

#include "strategies/fundamental.hpp"
#include "strategies/macd_cross.hpp"
#include "strategies/macd_vwap.hpp"

namespace ibtrade::strategies {

std::vector<std::string_view> strategy_names() {
  return {"fundamental", "macd-cross", "macd-vwap"};
}

Result<std::unique_ptr<engine::Strategy>> make_strategy(std::string_view name,
                                                        const ParamMap& params,
                                                        StrategyInputs inputs) {
  using Made = std::unique_ptr<engine::Strategy>;
  if (name == "macd-cross") {
    auto p = parse_macd_cross_params(params);
    if (!p.ok()) return p.error();
    return Made(std::make_unique<MacdCross>(std::move(*p)));
  }
  if (name == "macd-vwap") {
    auto p = parse_macd_vwap_params(params);
    if (!p.ok()) return p.error();
    return Made(std::make_unique<MacdVwap>(*p, inputs.calendar));
  }
  if (name == "fundamental") {
    auto p = parse_fundamental_params(params);
    if (!p.ok()) return p.error();
    return Made(std::make_unique<Fundamental>(*p, std::move(inputs.candidates)));
  }
  std::string message = "unknown strategy '" + std::string(name) + "'; known:";
  const char* separator = " ";
  for (std::string_view known : strategy_names()) {
    message += separator + std::string(known);
    separator = ", ";
  }
  return make_error(std::move(message));
}

}  // namespace ibtrade::strategies
