// The discrete-event queue of a simulated run: events ordered by time, ties broken by the order
// they were pushed, so the same inputs always replay in the same order. Single-threaded.
#pragma once

#include <cstdint>
#include <queue>
#include <vector>

#include "core/time.hpp"

namespace ibtrade::engine {

template <class Event>
class EventQueue {
 public:
  void push(Timestamp at, Event event) { heap_.push(Entry{at, next_seq_++, std::move(event)}); }
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  Timestamp next_time() const { return heap_.empty() ? Timestamp::max() : heap_.top().at; }

  // Removes and returns the earliest event; its time goes to `at`.
  Event pop(Timestamp& at) {
    Entry top = std::move(const_cast<Entry&>(heap_.top()));  // NOLINT: moved out, popped next
    heap_.pop();
    at = top.at;
    return std::move(top.event);
  }

 private:
  struct Entry {
    Timestamp at;
    std::uint64_t seq = 0;
    Event event;
    bool operator>(const Entry& other) const {
      return at != other.at ? at > other.at : seq > other.seq;
    }
  };
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap_;
  std::uint64_t next_seq_ = 0;
};

}  // namespace ibtrade::engine
