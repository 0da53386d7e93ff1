// SyntheticBarFeed: the synthetic market's one-minute bars of many symbols as one BarFeed.
// Single-threaded, like every BarFeed.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include <date/date.h>

#include "engine/kernel/bar_feed.hpp"
#include "engine/market/price_process.hpp"
#include "engine/market/synthetic_market.hpp"

namespace ibtrade::engine::market {

// Bars come in time order, ties in the order the symbols were given, generated as they are
// pulled: the feed holds one day's state and one pending bar per symbol, never the history.
class SyntheticBarFeed final : public BarFeed {
 public:
  // Every symbol of `market` (which must outlive the feed), sessions from `from` to `to`
  // inclusive (ET dates; days before the market's first day have no data).
  SyntheticBarFeed(const SyntheticMarket& market, date::year_month_day from,
                   date::year_month_day to);
  // Only `symbols` (universe indices), in that order for ties.
  SyntheticBarFeed(const SyntheticMarket& market, const std::vector<std::size_t>& symbols,
                   date::year_month_day from, date::year_month_day to);

  std::optional<MarketBar> next() override;

  std::size_t symbol_count() const { return lanes_.size(); }
  // Bars generated and not yet handed out: at most one per symbol, whatever the range's length.
  std::size_t pending_bars() const { return heap_.size(); }

 private:
  struct Lane {
    SymbolPath path;
    std::optional<Bar> pending;
  };
  void refill(std::size_t lane);
  bool earlier(std::size_t a, std::size_t b) const;

  date::year_month_day to_;
  std::vector<Lane> lanes_;
  std::vector<std::size_t> heap_;  // lanes with a pending bar, earliest (time, lane) on top
};

}  // namespace ibtrade::engine::market
