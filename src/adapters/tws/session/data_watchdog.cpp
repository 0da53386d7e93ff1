#include "adapters/tws/session/data_watchdog.hpp"

namespace ibtrade::tws {

void DataWatchdog::watch(std::int64_t id, Nanoseconds allowance, Timestamp now) {
  watched_[id] = Entry{allowance, now, false};
}

void DataWatchdog::data(std::int64_t id, Timestamp at) {
  auto it = watched_.find(id);
  if (it == watched_.end()) return;
  if (at > it->second.last) it->second.last = at;
  it->second.reported = false;
}

std::vector<std::int64_t> DataWatchdog::silent(Timestamp now) {
  std::vector<std::int64_t> out;
  for (auto& [id, entry] : watched_) {
    if (!entry.reported && now - entry.last > entry.allowance) {
      entry.reported = true;
      out.push_back(id);
    }
  }
  return out;
}

}  // namespace ibtrade::tws
