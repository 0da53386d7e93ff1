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
  sources_.push_back(Source{&feed, {}, false});
}

void MergedBarFeed::pull(std::size_t index) {
  Source& source = sources_[index];
  source.has_pending = source.feed->next_into(source.pending);
  if (!source.has_pending) return;
  heap_.emplace_back(source.pending.bar.time, index);
  std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
}

std::optional<MarketBar> MergedBarFeed::next() {
  MarketBar bar;
  if (!next_into(bar)) return std::nullopt;
  return bar;
}

bool MergedBarFeed::next_into(MarketBar& bar) {
  if (!started_) {
    started_ = true;
    heap_.reserve(sources_.size());
    for (std::size_t i = 0; i < sources_.size(); ++i)
      pull(i);
  }
  if (heap_.empty()) return false;
  std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
  const std::size_t index = heap_.back().second;
  heap_.pop_back();
  const MarketBar& pending = sources_[index].pending;
  if (last_time_ && pending.bar.time < *last_time_) {
    throw std::logic_error("MergedBarFeed: feed " + std::to_string(index) + " (" + pending.symbol +
                           ") went back in time");
  }
  last_time_ = pending.bar.time;
  copy_bar_into(pending, bar);
  // Pulled only after this feed's bar is taken: each feed is asked for its next bar when the
  // merge needs it, as a lone feed would be.
  pull(index);
  return true;
}

}  // namespace ibtrade::engine
