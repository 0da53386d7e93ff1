// LineBudget: IB allows a fixed number of simultaneous market-data lines (100 by default;
// real-time bars count too) and answers 101 beyond it, so subscriptions take a line here first
// and give it back when cancelled. Single-threaded, owned by the gateway's subscription table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>

namespace ibtrade::tws {

class LineBudget {
 public:
  explicit LineBudget(std::size_t lines = 100) : lines_(lines) {}

  // Takes a line for request `id`; false when none is left (the request must wait or fail).
  // Taking a line twice for one id is a no-op that succeeds.
  bool acquire(std::int64_t id);
  void release(std::int64_t id) { held_.erase(id); }
  std::size_t used() const { return held_.size(); }
  std::size_t available() const { return lines_ - held_.size(); }
  std::size_t lines() const { return lines_; }

 private:
  std::size_t lines_;
  std::set<std::int64_t> held_;
};

}  // namespace ibtrade::tws
