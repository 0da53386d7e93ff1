// MergedBarFeed: several BarFeeds as one, in start-time order, ties broken by the order the
// feeds were added, so a multi-symbol run replays identically. Single-threaded, like BarFeed.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "core/time.hpp"
#include "engine/kernel/bar_feed.hpp"

namespace ibtrade::engine {

// Streams: it holds one pending bar per feed and a heap of (time, feed) keys, so memory is
// fixed by the number of feeds, never by the length of the history.
class MergedBarFeed final : public BarFeed {
 public:
  MergedBarFeed() = default;
  // Adds the feeds in order; equivalent to add() on each.
  explicit MergedBarFeed(const std::vector<BarFeed*>& feeds);

  // The feed must outlive this one. Adding after the first next() is a bug (the new feed's
  // earlier bars could no longer come out in order) and throws std::logic_error.
  void add(BarFeed& feed);

  // The earliest pending bar across the feeds. Throws std::logic_error if a feed breaks the
  // BarFeed contract by going back in time, since the merged stream would then go back too.
  std::optional<MarketBar> next() override;
  // The same, read into `bar` (its symbol is assigned only when it changes).
  bool next_into(MarketBar& bar) override;

  std::size_t feed_count() const { return sources_.size(); }

 private:
  // A feed's pending bar is read in place (BarFeed::next_into) and reused bar after bar, so a
  // long run of one symbol's bars costs no string work.
  struct Source {
    BarFeed* feed = nullptr;
    MarketBar pending;
    bool has_pending = false;
  };
  using Key = std::pair<Timestamp, std::size_t>;  // (bar.time, feed index): unique, total order

  void pull(std::size_t index);

  std::vector<Source> sources_;
  std::vector<Key> heap_;  // min-heap on Key
  std::optional<Timestamp> last_time_;
  bool started_ = false;
};

}  // namespace ibtrade::engine
