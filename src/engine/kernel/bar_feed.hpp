// A stream of completed bars for a simulated run, in non-decreasing start time. Pull-based so
// that a run over years of history holds one bar per feed in memory. Single-threaded.
#pragma once

#include <optional>
#include <vector>

#include "core/market_data.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

struct MarketBar {
  Symbol symbol;
  Bar bar;
  Nanoseconds duration{};  // the bar is complete at bar.time + duration
};

class BarFeed {
 public:
  virtual ~BarFeed() = default;
  // The next bar, or nullopt at the end. Bars come in non-decreasing start time.
  virtual std::optional<MarketBar> next() = 0;
};

// Bars already in memory (tests, benchmarks, small runs).
class VectorBarFeed final : public BarFeed {
 public:
  explicit VectorBarFeed(std::vector<MarketBar> bars) : bars_(std::move(bars)) {}
  std::optional<MarketBar> next() override {
    if (index_ == bars_.size()) return std::nullopt;
    return bars_[index_++];
  }

 private:
  std::vector<MarketBar> bars_;
  std::size_t index_ = 0;
};

}  // namespace ibtrade::engine
