#include "engine/risk/sliding_window.hpp"

#include <utility>

namespace ibtrade::engine {

void SlidingWindow::grow() {
  constexpr std::size_t kFirstSize = 16;
  std::vector<Timestamp> larger(events_.empty() ? kFirstSize : events_.size() * 2);
  for (std::size_t i = 0; i < size_; ++i) {
    larger[i] = events_[(head_ + i) & (events_.size() - 1)];
  }
  events_ = std::move(larger);
  head_ = 0;
}

}  // namespace ibtrade::engine
