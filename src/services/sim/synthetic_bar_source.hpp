// SyntheticBarSource: the seeded synthetic market (engine::market::SyntheticMarket) as the
// simulator's BarSource: its universe, minute bars, fundamentals, over the trading calendar.
// Immutable: const calls from any thread.
#pragma once

#include <vector>

#include "engine/market/synthetic_market.hpp"
#include "services/sim/bar_source.hpp"

namespace ibtrade::sim {

class SyntheticBarSource final : public BarSource {
 public:
  // `market` must outlive the source.
  explicit SyntheticBarSource(const engine::market::SyntheticMarket& market);

  const SessionSchedule& sessions() const override { return sessions_; }
  std::span<const SourceSymbol> symbols() const override { return symbols_; }
  std::vector<Bar> minute_bars(std::size_t symbol, date::year_month_day day) const override;
  std::optional<Bar> session_bar(std::size_t symbol, date::year_month_day day) const override;
  std::optional<Price> close_price(std::size_t symbol, date::year_month_day day) const override;
  Price tick(std::size_t symbol, date::year_month_day day) const override;
  std::optional<std::int64_t> avg_volume(std::size_t symbol,
                                         date::year_month_day day) const override;
  std::optional<std::int64_t> shares_outstanding(std::size_t symbol) const override;
  std::optional<engine::market::Fundamentals> fundamentals(std::size_t symbol,
                                                           date::year_month_day day) const override;
  std::string description() const override;

 private:
  const engine::market::SyntheticMarket* market_;
  SessionSchedule sessions_;
  std::vector<SourceSymbol> symbols_;
};

}  // namespace ibtrade::sim
