// The discrete-event queue of a simulated run: events ordered by time, ties broken by the order
// they were pushed, so the same inputs always replay in the same order. Single-threaded.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/time.hpp"

namespace ibtrade::engine {

// Events sit in slots that are reused; the heap orders small (time, sequence, slot) keys, so an
// event is moved twice (in and out) however deep the heap is. Venue messages are a few hundred
// bytes: sifting them through the heap was a large share of an order's round trip.
template <class Event>
class EventQueue {
 public:
  void push(Timestamp at, Event event) { emplace(at, next_seq_++, std::move(event)); }
  // With a sequence number from the caller, shared with another queue it is merged with, and
  // the event built in its slot from `args`. Do not mix with push() on one queue.
  template <class... Args>
  void emplace(Timestamp at, std::uint64_t seq, Args&&... args) {
    std::uint32_t slot = 0;
    if (free_.empty()) {
      slot = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back(std::in_place, std::forward<Args>(args)...);
    } else {
      slot = free_.back();
      free_.pop_back();
      slots_[slot].emplace(std::forward<Args>(args)...);
    }
    heap_.push_back(Key{at, seq, slot});
    std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
  }
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  Timestamp next_time() const { return heap_.empty() ? Timestamp::max() : heap_.front().at; }
  // The sequence number of the earliest event; the queue must not be empty.
  std::uint64_t next_seq() const { return heap_.front().seq; }

  // Removes and returns the earliest event; its time goes to `at`.
  Event pop(Timestamp& at) {
    std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
    const Key key = heap_.back();
    heap_.pop_back();
    at = key.at;
    std::optional<Event>& slot = slots_[key.slot];
    Event event = std::move(*slot);
    slot.reset();
    free_.push_back(key.slot);
    return event;
  }

 private:
  struct Key {
    Timestamp at;
    std::uint64_t seq = 0;
    std::uint32_t slot = 0;
    bool operator>(const Key& other) const {
      return at != other.at ? at > other.at : seq > other.seq;
    }
  };
  std::vector<Key> heap_;
  std::vector<std::optional<Event>> slots_;
  std::vector<std::uint32_t> free_;
  std::uint64_t next_seq_ = 0;
};

// Items that arrive in time order already (a venue's messages), ordered against an EventQueue
// by (time, sequence). No heap work, and no item is built, moved or destroyed per push once the
// queue has grown to the most items ever queued at once: the items live in slots that are kept
// and reused, in a ring of pointers to them. A push writes the next slot in place (next_slot,
// then push_next), so a value holding strings (a venue message) reuses the storage its slot
// had, and growing the ring moves pointers, never items: the front item stays where it is
// while it is handled, even if handling pushes more.
template <class T>
class StampedFifo {
 public:
  struct Item {
    Timestamp at;
    std::uint64_t seq = 0;
    T value{};
  };

  StampedFifo() = default;
  StampedFifo(const StampedFifo&) = delete;
  StampedFifo& operator=(const StampedFifo&) = delete;

  bool empty() const { return head_ == tail_; }
  std::size_t size() const { return static_cast<std::size_t>(tail_ - head_); }
  // The earliest and the latest queued item; the queue must not be empty.
  const Item& front() const { return *slots_[head_ & mask_]; }
  const Item& back() const { return *slots_[(tail_ - 1) & mask_]; }

  // The value of the slot the next push_next() queues, to be written in place. It holds
  // whatever the slot's previous item left there (nothing to rely on). Until that push_next()
  // it is the same slot on every call, and it stays where it is when items are consumed or
  // the queue grows: a writer may keep the reference from one push to its next.
  T& next_slot() {
    if (tail_ - head_ == slots_.size()) grow();
    return slots_[tail_ & mask_]->value;
  }
  // Queues the slot next_slot() returned, stamped.
  void push_next(Timestamp at, std::uint64_t seq) {
    Item& item = *slots_[tail_++ & mask_];
    item.at = at;
    item.seq = seq;
  }
  // Assigned into the next slot and queued.
  template <class V>
  void push(Timestamp at, std::uint64_t seq, V&& value) {
    next_slot() = std::forward<V>(value);
    push_next(at, seq);
  }
  // Calls `handle` with the front value in place, then removes it (also when `handle` throws).
  // `handle` may push more.
  template <class Handle>
  void consume_front(Handle&& handle) {
    struct DropFront {
      std::uint64_t& head;
      ~DropFront() { ++head; }
    } drop{head_};
    std::forward<Handle>(handle)(static_cast<const T&>(slots_[head_ & mask_]->value));
  }

 private:
  static constexpr std::size_t kInitialCapacity = 16;

  // Twice the slots (at first kInitialCapacity): the queued ones first, in their order, then
  // the free ones, then new ones. Out of line: it happens a few times per run at most.
  [[gnu::noinline]] void grow() {
    const std::size_t capacity = slots_.empty() ? kInitialCapacity : slots_.size() * 2;
    std::vector<std::unique_ptr<Item>> wider;
    wider.reserve(capacity);
    for (std::uint64_t i = 0; i < slots_.size(); ++i)
      wider.push_back(std::move(slots_[(head_ + i) & mask_]));
    while (wider.size() < capacity)
      wider.push_back(std::make_unique<Item>());
    slots_.swap(wider);
    mask_ = capacity - 1;
    tail_ -= head_;
    head_ = 0;
  }

  std::vector<std::unique_ptr<Item>> slots_;  // a power of two of them, or none yet
  std::uint64_t mask_ = 0;                    // slots_.size() - 1
  std::uint64_t head_ = 0;                    // the front item's position (before masking)
  std::uint64_t tail_ = 0;                    // one past the back item's
};

// Small plain items that arrive in time order (the completions of bars of equal length), ordered
// against an EventQueue by (time, sequence). A ring over a power-of-two buffer: a push and a pop
// each move one index, and nothing is allocated once the ring has grown to the most items ever
// queued at once. The front item is taken out by value before it is handled, so handling may
// push more (and grow the ring) freely.
template <class T>
class StampedRing {
  static_assert(std::is_trivially_copyable_v<T>, "items are copied in and out of the ring");

 public:
  struct Item {
    Timestamp at;
    std::uint64_t seq = 0;
    T value;
  };

  StampedRing() : items_(kInitialCapacity) {}

  bool empty() const { return head_ == tail_; }
  std::size_t size() const { return static_cast<std::size_t>(tail_ - head_); }
  // The earliest and the latest item; the ring must not be empty.
  const Item& front() const { return items_[head_ & mask_]; }
  const Item& back() const { return items_[(tail_ - 1) & mask_]; }

  // Inline, with the rare growth out of line: pushed once per bar.
  [[gnu::always_inline]] void push(Timestamp at, std::uint64_t seq, const T& value) {
    if (tail_ - head_ > mask_) grow();
    items_[tail_++ & mask_] = Item{at, seq, value};
  }
  // Removes and returns the front item; the ring must not be empty.
  Item pop() { return items_[head_++ & mask_]; }

 private:
  static constexpr std::size_t kInitialCapacity = 16;

  // Twice the room, the queued items laid out again from the start in their order.
  [[gnu::noinline]] void grow() {
    std::vector<Item> wider(items_.size() * 2);
    const std::uint64_t count = tail_ - head_;
    for (std::uint64_t i = 0; i < count; ++i)
      wider[i] = items_[(head_ + i) & mask_];
    items_.swap(wider);
    mask_ = items_.size() - 1;
    head_ = 0;
    tail_ = count;
  }

  std::vector<Item> items_;
  std::uint64_t mask_ = kInitialCapacity - 1;  // items_.size() - 1
  std::uint64_t head_ = 0;                     // the front item's position (before masking)
  std::uint64_t tail_ = 0;                     // one past the back item's
};

}  // namespace ibtrade::engine
