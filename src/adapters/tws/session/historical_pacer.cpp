#include "adapters/tws/session/historical_pacer.hpp"

#include <algorithm>

namespace ibtrade::tws {

std::string HistoricalKey::identity() const {
  return contract + '\x1f' + exchange + '\x1f' + what_to_show + '\x1f' + end + '\x1f' + duration +
         '\x1f' + bar_size;
}

std::string HistoricalKey::contract_key() const {
  return contract + '\x1f' + exchange + '\x1f' + what_to_show;
}

HistoricalPacer::HistoricalPacer(HistoricalPacingLimits limits) : limits_(limits) {}

std::size_t HistoricalPacer::weight(const HistoricalKey& key) const {
  return key.what_to_show == "BID_ASK" ? 2 : 1;  // IB counts BID_ASK requests twice
}

Timestamp HistoricalPacer::earliest(const HistoricalKey& key, Timestamp now) const {
  if (open_ >= limits_.max_open) return Timestamp::max();
  Timestamp at = now;
  if (auto it = last_identical_.find(key.identity()); it != last_identical_.end()) {
    at = std::max(at, it->second + limits_.identical_gap);
  }
  if (auto it = by_contract_.find(key.contract_key());
      it != by_contract_.end() && it->second.size() >= limits_.same_contract_burst) {
    // The burst-th most recent request must have left the 2 s window.
    const Timestamp oldest_counted = it->second[it->second.size() - limits_.same_contract_burst];
    at = std::max(at, oldest_counted + limits_.same_contract_window);
  }
  // Requests in the 10-minute window ending at `at`, oldest first, until this one fits.
  std::size_t used = 0;
  for (const auto& [sent_at, w] : recent_) {
    if (sent_at + limits_.window > at) used += w;
  }
  const std::size_t need = weight(key);
  for (const auto& [sent_at, w] : recent_) {
    if (used + need <= limits_.per_window) break;
    if (sent_at + limits_.window <= at) continue;  // already out of the window
    at = sent_at + limits_.window;                 // wait until this one leaves it
    used -= w;
  }
  return at;
}

void HistoricalPacer::prune(Timestamp now) {
  while (!recent_.empty() && recent_.front().first + limits_.window <= now)
    recent_.pop_front();
  for (auto it = last_identical_.begin(); it != last_identical_.end();) {
    it = it->second + limits_.identical_gap <= now ? last_identical_.erase(it) : std::next(it);
  }
  for (auto it = by_contract_.begin(); it != by_contract_.end();) {
    std::deque<Timestamp>& times = it->second;
    while (!times.empty() && times.front() + limits_.same_contract_window <= now)
      times.pop_front();
    it = times.empty() ? by_contract_.erase(it) : std::next(it);
  }
}

void HistoricalPacer::sent(const HistoricalKey& key, Timestamp at) {
  prune(at);
  recent_.emplace_back(at, weight(key));
  last_identical_[key.identity()] = at;
  by_contract_[key.contract_key()].push_back(at);
  ++open_;
}

void HistoricalPacer::finished() {
  if (open_ > 0) --open_;
}

}  // namespace ibtrade::tws
