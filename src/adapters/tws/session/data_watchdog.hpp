// DataWatchdog: notices a subscription that went silent (no tick or bar for longer than its
// allowance while the market should be sending), so the gateway can re-subscribe instead of
// trading on stale data. Pure (the caller passes the time); single-threaded.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/time.hpp"

namespace ibtrade::tws {

class DataWatchdog {
 public:
  // Starts watching request `id`, silent for at most `allowance` (e.g. 15 s for 5-second bars).
  void watch(std::int64_t id, Nanoseconds allowance, Timestamp now);
  void forget(std::int64_t id) { watched_.erase(id); }
  // Data arrived for `id` (unknown ids are ignored).
  void data(std::int64_t id, Timestamp at);
  // Ids silent longer than their allowance at `now`, in id order; each is reported once until
  // data arrives again or it is watched anew.
  std::vector<std::int64_t> silent(Timestamp now);
  std::size_t watched() const { return watched_.size(); }

 private:
  struct Entry {
    Nanoseconds allowance;
    Timestamp last;
    bool reported = false;
  };
  std::map<std::int64_t, Entry> watched_;
};

}  // namespace ibtrade::tws
