#include "core/market_data.hpp"

namespace ibtrade {

std::string describe_bar_problem(const Bar& bar) {
  if (bar.high < bar.low) {
    return "high " + bar.high.to_string() + " is below low " + bar.low.to_string();
  }
  if (bar.open < bar.low || bar.open > bar.high) {
    return "open " + bar.open.to_string() + " is outside the bar's range [" + bar.low.to_string() +
           ", " + bar.high.to_string() + "]";
  }
  if (bar.close < bar.low || bar.close > bar.high) {
    return "close " + bar.close.to_string() + " is outside the bar's range [" +
           bar.low.to_string() + ", " + bar.high.to_string() + "]";
  }
  if (bar.volume.is_negative()) return "volume " + bar.volume.to_string() + " is negative";
  return {};
}

}  // namespace ibtrade
