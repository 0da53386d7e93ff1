#include "core/clock.hpp"

#include <algorithm>

namespace ibtrade {

std::uint64_t TimerQueue::set(std::string name, Timestamp at, Nanoseconds interval) {
  const std::uint64_t id = next_id_++;
  const Key key{at, next_seq_++};
  by_due_.emplace(key, Entry{id, std::move(name), interval});
  key_of_.emplace(id, key);
  next_due_ = std::min(next_due_, at);
  return id;
}

bool TimerQueue::cancel(std::uint64_t id) {
  auto it = key_of_.find(id);
  if (it == key_of_.end()) return false;
  by_due_.erase(it->second);
  key_of_.erase(it);
  note_next_due();
  return true;
}

std::vector<TimerEvent> TimerQueue::pop_due_timers(Timestamp now) {
  std::vector<TimerEvent> due;
  while (!by_due_.empty() && by_due_.begin()->first.first <= now) {
    auto node = by_due_.extract(by_due_.begin());
    const Timestamp at = node.key().first;
    Entry& entry = node.mapped();
    due.push_back(TimerEvent{entry.id, entry.name, at});
    if (entry.interval > Nanoseconds::zero()) {
      node.key() = Key{at + entry.interval, next_seq_++};
      key_of_[entry.id] = node.key();
      by_due_.insert(std::move(node));
    } else {
      key_of_.erase(entry.id);
    }
  }
  note_next_due();
  return due;
}

}  // namespace ibtrade
