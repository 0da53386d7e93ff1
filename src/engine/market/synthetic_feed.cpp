#include "engine/market/synthetic_feed.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>

namespace ibtrade::engine::market {
namespace {

std::vector<std::size_t> all_symbols(const SyntheticMarket& market) {
  std::vector<std::size_t> symbols(market.size());
  std::iota(symbols.begin(), symbols.end(), std::size_t{0});
  return symbols;
}

}  // namespace

SyntheticBarFeed::SyntheticBarFeed(const SyntheticMarket& market, date::year_month_day from,
                                   date::year_month_day to)
    : SyntheticBarFeed(market, all_symbols(market), from, to) {}

SyntheticBarFeed::SyntheticBarFeed(const SyntheticMarket& market,
                                   const std::vector<std::size_t>& symbols,
                                   date::year_month_day from, date::year_month_day to)
    : to_(to) {
  lanes_.reserve(symbols.size());
  heap_.reserve(symbols.size());
  for (const std::size_t symbol : symbols)
    lanes_.push_back(Lane{market.path(symbol, from), std::nullopt});
  for (std::size_t lane = 0; lane < lanes_.size(); ++lane)
    refill(lane);
}

bool SyntheticBarFeed::earlier(std::size_t a, std::size_t b) const {
  const Timestamp ta = lanes_[a].pending->time;
  const Timestamp tb = lanes_[b].pending->time;
  return ta != tb ? ta < tb : a < b;
}

void SyntheticBarFeed::refill(std::size_t lane) {
  Lane& l = lanes_[lane];
  l.pending.reset();
  while (l.path.valid() && l.path.day().day <= to_) {
    l.pending = l.path.next_minute();
    if (l.pending) break;
    l.path.next_day();
  }
  if (!l.pending) return;
  heap_.push_back(lane);
  // std heaps keep the greatest on top: "greater" means later here.
  std::push_heap(heap_.begin(), heap_.end(),
                 [this](std::size_t a, std::size_t b) { return earlier(b, a); });
}

std::optional<MarketBar> SyntheticBarFeed::next() {
  if (heap_.empty()) return std::nullopt;
  const auto later = [this](std::size_t a, std::size_t b) { return earlier(b, a); };
  std::pop_heap(heap_.begin(), heap_.end(), later);
  const std::size_t lane = heap_.back();
  heap_.pop_back();
  MarketBar out{lanes_[lane].path.params().symbol, *lanes_[lane].pending, std::chrono::minutes(1)};
  refill(lane);
  return out;
}

}  // namespace ibtrade::engine::market
