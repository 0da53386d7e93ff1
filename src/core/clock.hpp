// Clock: where the engine gets "now". Production uses LiveClock (adapters/clock), tests and
// backtests use TestClock, which only moves when told to. Not thread-safe: one owner thread.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "core/time.hpp"

namespace ibtrade {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

// A timer that came due: its name, the instant it was scheduled for, and its id.
struct TimerEvent {
  std::uint64_t id = 0;
  std::string name;
  Timestamp at;

  friend bool operator==(const TimerEvent&, const TimerEvent&) = default;
};

// Timers ordered by due time, ties broken by the order they were set, so that the same
// schedule always fires in the same order. Repeating timers re-arm at at + interval.
class TimerQueue {
 public:
  std::uint64_t set(std::string name, Timestamp at, Nanoseconds interval = Nanoseconds::zero());
  bool cancel(std::uint64_t id);

  // Removes and returns every timer due at or before `now`, earliest first. A repeating timer
  // fires once for each interval that elapsed. Inline when nothing is due: a simulated run asks
  // on every event, and almost always has nothing to fire.
  std::vector<TimerEvent> pop_due(Timestamp now) {
    if (!has_due(now)) return {};
    return pop_due_timers(now);
  }
  // Whether some timer is due at or before `now`.
  bool has_due(Timestamp now) const { return next_due_ <= now; }

  // Due time of the earliest pending timer, or Timestamp::max() when none is pending.
  Timestamp next_due() const { return next_due_; }
  std::size_t size() const { return by_due_.size(); }
  bool contains(std::uint64_t id) const { return key_of_.contains(id); }

 private:
  using Key = std::pair<Timestamp, std::uint64_t>;  // due time, then insertion order
  struct Entry {
    std::uint64_t id = 0;
    std::string name;
    Nanoseconds interval{};
  };

  std::vector<TimerEvent> pop_due_timers(Timestamp now);
  void note_next_due() {
    next_due_ = by_due_.empty() ? Timestamp::max() : by_due_.begin()->first.first;
  }

  std::map<Key, Entry> by_due_;
  // by_due_'s first due time, kept as timers change: a simulated run asks on every event.
  Timestamp next_due_ = Timestamp::max();
  std::map<std::uint64_t, Key> key_of_;
  std::uint64_t next_id_ = 1;
  std::uint64_t next_seq_ = 0;
};

// A clock that stands still until advanced. Advancing returns the timers that came due on the
// way, earliest first (each carries its own instant); afterwards now() is the target.
class TestClock final : public Clock {
 public:
  explicit TestClock(Timestamp start = Timestamp{}) : now_(start) {}

  Timestamp now() const override { return now_; }

  TimerQueue& timers() { return timers_; }
  std::uint64_t set_timer(std::string name, Timestamp at,
                          Nanoseconds interval = Nanoseconds::zero()) {
    return timers_.set(std::move(name), at, interval);
  }

  // Moves time forward to `to` (never backward: an earlier target is a caller bug and aborts).
  // Inline: a simulated run advances on nearly every event, mostly with no timer due.
  std::vector<TimerEvent> advance_to(Timestamp to) {
    if (to < now_) std::abort();  // time never runs backward: a caller bug
    std::vector<TimerEvent> fired = timers_.pop_due(to);
    now_ = to;
    return fired;
  }
  std::vector<TimerEvent> advance_by(Nanoseconds span) { return advance_to(now_ + span); }
  // Moves time forward to `to` without looking for due timers: for an owner that sets none on
  // this clock (a simulation's loop, which moves it on nearly every event).
  void move_to(Timestamp to) {
    if (to < now_) std::abort();  // time never runs backward: a caller bug
    now_ = to;
  }

 private:
  Timestamp now_;
  TimerQueue timers_;
};

}  // namespace ibtrade
