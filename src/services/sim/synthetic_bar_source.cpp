#include "services/sim/synthetic_bar_source.hpp"

namespace ibtrade::sim {

SyntheticBarSource::SyntheticBarSource(const engine::market::SyntheticMarket& market)
    : market_(&market), sessions_(market.calendar()) {
  for (const auto& params : market.universe().symbols())
    symbols_.push_back(SourceSymbol{params.symbol, params.name});
}

std::vector<Bar> SyntheticBarSource::minute_bars(std::size_t symbol,
                                                 date::year_month_day day) const {
  if (symbol >= symbols_.size()) return {};
  return market_->minute_bars(symbol, day);
}

std::optional<Bar> SyntheticBarSource::session_bar(std::size_t symbol,
                                                   date::year_month_day day) const {
  if (symbol >= symbols_.size()) return std::nullopt;
  return market_->daily_bar(symbol, day);
}

std::optional<Price> SyntheticBarSource::close_price(std::size_t symbol,
                                                     date::year_month_day day) const {
  if (symbol >= symbols_.size()) return std::nullopt;
  return market_->close_price(symbol, day);
}

Price SyntheticBarSource::tick(std::size_t symbol, date::year_month_day day) const {
  auto before = sessions_.previous_trading_day(day);
  return tick_for(before ? close_price(symbol, *before) : std::nullopt);
}

std::optional<std::int64_t> SyntheticBarSource::avg_volume(std::size_t symbol,
                                                           date::year_month_day) const {
  if (symbol >= symbols_.size()) return std::nullopt;
  return market_->universe().at(symbol).avg_volume;
}

std::optional<std::int64_t> SyntheticBarSource::shares_outstanding(std::size_t symbol) const {
  if (symbol >= symbols_.size()) return std::nullopt;
  return market_->universe().at(symbol).shares_outstanding;
}

std::optional<engine::market::Fundamentals> SyntheticBarSource::fundamentals(
    std::size_t symbol, date::year_month_day day) const {
  if (symbol >= symbols_.size()) return std::nullopt;
  return market_->fundamentals(symbol, day);
}

std::string SyntheticBarSource::description() const {
  return std::to_string(symbols_.size()) + " synthetic symbols, seed " +
         std::to_string(market_->seed());
}

}  // namespace ibtrade::sim
