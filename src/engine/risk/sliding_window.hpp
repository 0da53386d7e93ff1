// Counts events in a sliding time window (the last second), to cap orders and cancels per
// second. Single-threaded, owned by the risk engine.
#pragma once

#include <cstddef>
#include <vector>

#include "core/time.hpp"

namespace ibtrade::engine {

// Every order and cancel records an event, so the window is a ring buffer over a vector whose
// size is a power of two (or zero): recording and expiring are an index mask and no allocation
// once it has grown to the busiest second, where a deque allocated and freed blocks as it went.
class SlidingWindow {
 public:
  explicit SlidingWindow(Nanoseconds width) : width_(width) {}

  // Events recorded in (now - width, now]: one recorded exactly `width` ago has left.
  std::size_t count(Timestamp now) {
    expire(now);
    return size_;
  }
  void record(Timestamp now) {
    expire(now);
    if (size_ == events_.size()) grow();
    events_[(head_ + size_) & (events_.size() - 1)] = now;
    ++size_;
  }

 private:
  void expire(Timestamp now) {
    while (size_ > 0 && now - events_[head_] >= width_) {
      head_ = (head_ + 1) & (events_.size() - 1);
      --size_;
    }
  }
  // Doubles the buffer, oldest event first at index 0.
  void grow();

  Nanoseconds width_;
  std::vector<Timestamp> events_;  // ring: size_ events from head_, oldest first
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace ibtrade::engine
