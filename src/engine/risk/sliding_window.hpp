// Counts events in a sliding time window (the last second), to cap orders and cancels per
// second. Single-threaded, owned by the risk engine.
#pragma once

#include <cstddef>
#include <deque>

#include "core/time.hpp"

namespace ibtrade::engine {

class SlidingWindow {
 public:
  explicit SlidingWindow(Nanoseconds width) : width_(width) {}

  // Events recorded in (now - width, now]: one recorded exactly `width` ago has left.
  std::size_t count(Timestamp now);
  void record(Timestamp now);

 private:
  void expire(Timestamp now);

  Nanoseconds width_;
  std::deque<Timestamp> events_;  // oldest first
};

}  // namespace ibtrade::engine
