// Test feeds for the kernel's tests.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "engine/kernel/bar_feed.hpp"

namespace ibtrade::engine::feed_fakes {

// A feed with only next(): next_into and next_ref come from BarFeed, so readers get copies in
// their own bars rather than references into the feed.
class NextOnlyFeed final : public BarFeed {
 public:
  explicit NextOnlyFeed(std::vector<MarketBar> bars) : bars_(std::move(bars)) {}
  std::optional<MarketBar> next() override {
    if (index_ == bars_.size()) return std::nullopt;
    return bars_[index_++];
  }

 private:
  std::vector<MarketBar> bars_;
  std::size_t index_ = 0;
};

}  // namespace ibtrade::engine::feed_fakes
