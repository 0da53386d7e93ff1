// A first-in first-out queue on one vector, for the simulated venue's commands in flight and
// the ids of its finished orders. Single-threaded, like its venue.
#pragma once

#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace ibtrade::engine {

// Items are read from `head_` on and appended at the back. The vector is emptied whenever the
// queue drains, which in a backtest is after nearly every command: taking an item is then an
// index increment, where a std::deque checks its block boundaries on both ends. A queue that
// never drains has its taken items dropped before the vector would grow, so it holds at most
// twice the items it has, and each item is moved at most once more on average.
template <class T>
class Fifo {
 public:
  bool empty() const { return count_ == 0; }
  std::size_t size() const { return count_; }
  T& front() { return items_[head_]; }
  const T& front() const { return items_[head_]; }

  template <class... Args>
  void emplace_back(Args&&... args) {
    if (head_ != 0 && items_.size() == items_.capacity() && head_ * 2 >= items_.size()) {
      drop_taken();
    }
    items_.emplace_back(std::forward<Args>(args)...);
    ++count_;
  }

  // Removes the front item; the queue must not be empty.
  void pop_front() {
    ++head_;
    if (--count_ != 0) return;
    items_.clear();
    head_ = 0;
  }

 private:
  void drop_taken() {
    items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
    head_ = 0;
  }

  std::vector<T> items_;
  std::size_t head_ = 0;   // the front item's index
  std::size_t count_ = 0;  // items not yet taken: kept, as emptiness is asked on every event
};

}  // namespace ibtrade::engine
