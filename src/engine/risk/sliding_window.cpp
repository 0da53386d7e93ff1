#include "engine/risk/sliding_window.hpp"

namespace ibtrade::engine {

std::size_t SlidingWindow::count(Timestamp now) {
  expire(now);
  return events_.size();
}

void SlidingWindow::record(Timestamp now) {
  expire(now);
  events_.push_back(now);
}

void SlidingWindow::expire(Timestamp now) {
  while (!events_.empty() && now - events_.front() >= width_)
    events_.pop_front();
}

}  // namespace ibtrade::engine
