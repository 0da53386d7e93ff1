#include "engine/kernel/merged_bar_feed.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string>

namespace ibtrade::engine {

MergedBarFeed::MergedBarFeed(const std::vector<BarFeed*>& feeds) {
  for (BarFeed* feed : feeds)
    add(*feed);
}

void MergedBarFeed::add(BarFeed& feed) {
  if (started_) throw std::logic_error("MergedBarFeed::add after the first next()");
  sources_.push_back(Source{&feed, std::nullopt});
}

void MergedBarFeed::pull(std::size_t index) {
  Source& source = sources_[index];
  source.pending = source.feed->next();
  if (!source.pending) return;
  heap_.emplace_back(source.pending->bar.time, index);
  std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
}

std::optional<MarketBar> MergedBarFeed::next() {
  if (!started_) {
    started_ = true;
    heap_.reserve(sources_.size());
    for (std::size_t i = 0; i < sources_.size(); ++i)
      pull(i);
  }
  if (heap_.empty()) return std::nullopt;
  std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
  const std::size_t index = heap_.back().second;
  heap_.pop_back();
  MarketBar bar = std::move(*sources_[index].pending);
  if (last_time_ && bar.bar.time < *last_time_) {
    throw std::logic_error("MergedBarFeed: feed " + std::to_string(index) + " (" + bar.symbol +
                           ") went back in time");
  }
  last_time_ = bar.bar.time;
  // Pulled only after this feed's bar is taken: each feed is asked for its next bar when the
  // merge needs it, as a lone feed would be.
  pull(index);
  return bar;
}

}  // namespace ibtrade::engine
