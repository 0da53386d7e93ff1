// A first-in first-out queue on a ring of slots, for the simulated venue's commands in flight and
// the ids of its finished orders. Single-threaded, like its venue.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace ibtrade::engine {

// Items live in a ring whose size is a power of two: adding and taking one is a store or a load
// and an index step under a mask, inline where the venue queues a command (twice per order),
// with no vector bookkeeping and no compaction. Taken items stay in their slot, moved from, until
// the slot is written again; the ring doubles (moving the items, oldest first) when full.
// T must be default-constructible and move-assignable.
template <class T>
class Fifo {
 public:
  bool empty() const { return count_ == 0; }
  std::size_t size() const { return count_; }
  T& front() { return slots_[head_]; }
  const T& front() const { return slots_[head_]; }

  template <class... Args>
  void emplace_back(Args&&... args) {
    if (count_ == capacity_) [[unlikely]]
      grow();
    slots_[(head_ + count_) & mask_] = T(std::forward<Args>(args)...);
    ++count_;
  }
  // Removes the front item; the queue must not be empty.
  void pop_front() {
    head_ = (head_ + 1) & mask_;
    --count_;
  }
  // Room for `count` items without growing, for a queue whose working size is known up front
  // (doubling up to it, one reallocation and move at each step, costs more than sizing it once).
  void reserve(std::size_t count) {
    std::size_t size = capacity_ == 0 ? kFirstSize : capacity_;
    while (size < count)
      size *= 2;
    if (size > capacity_) resize_ring(size);
  }

 private:
  void grow() { resize_ring(capacity_ == 0 ? kFirstSize : capacity_ * 2); }
  // The oldest item is rotated to the front, so that the vector's own growth (a memmove for
  // plain items) keeps them in order; a queue that never drains has its front there already.
  void resize_ring(std::size_t size) {
    std::rotate(slots_.begin(), slots_.begin() + static_cast<std::ptrdiff_t>(head_), slots_.end());
    head_ = 0;
    capacity_ = size;
    slots_.resize(capacity_);
    mask_ = capacity_ - 1;
  }

  static constexpr std::size_t kFirstSize = 16;

  std::vector<T> slots_;      // capacity_ of them
  std::size_t capacity_ = 0;  // 0 or a power of two; kept, as every push compares with it
  std::size_t mask_ = 0;      // capacity_ - 1: the ring's index is taken under it
  std::size_t head_ = 0;      // the front item's slot
  std::size_t count_ = 0;
};

}  // namespace ibtrade::engine
