#include "services/sim/bar_source.hpp"

#include "engine/market/synthetic_market.hpp"

namespace ibtrade::sim {

std::optional<Bar> BarSource::session_bar(std::size_t symbol, date::year_month_day day) const {
  const std::vector<Bar> minutes = minute_bars(symbol, day);
  if (minutes.empty()) return std::nullopt;
  return engine::market::aggregate_bars(minutes);
}

Price tick_for(std::optional<Price> previous_close) {
  const Price cent = Price::from_raw(10'000'000, 2);
  const Price hundredth_cent = Price::from_raw(100'000, 4);
  return previous_close && *previous_close < Price::from_units(1) ? hundredth_cent : cent;
}

}  // namespace ibtrade::sim
