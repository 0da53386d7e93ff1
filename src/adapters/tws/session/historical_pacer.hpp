// HistoricalPacer: IB's historical-data pacing rules, checked before a request goes out so
// that IB never answers 162: no identical request within 15 s, at most 5 requests for the same
// contract, exchange and data type within 2 s, at most 60 requests per 10 minutes (BID_ASK
// counts twice), and a bound on requests open at once. Pure (the caller passes the time);
// single-threaded, owned by the gateway's request scheduler.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>

#include "core/time.hpp"

namespace ibtrade::tws {

// What makes two historical requests "identical" or "the same contract" for IB.
struct HistoricalKey {
  std::string contract;  // e.g. "AAPL STK SMART USD" or the conId
  std::string exchange;
  std::string what_to_show;  // TRADES, MIDPOINT, BID_ASK, ...
  std::string end;           // end date-time as sent ("" = now)
  std::string duration;      // "1 D"
  std::string bar_size;      // "1 min"

  std::string identity() const;      // everything: identical requests share it
  std::string contract_key() const;  // contract, exchange, what_to_show
};

struct HistoricalPacingLimits {
  Nanoseconds identical_gap = std::chrono::seconds(15);
  std::size_t same_contract_burst = 5;
  Nanoseconds same_contract_window = std::chrono::seconds(2);
  std::size_t per_window = 60;
  Nanoseconds window = std::chrono::minutes(10);
  std::size_t max_open = 50;
};

class HistoricalPacer {
 public:
  explicit HistoricalPacer(HistoricalPacingLimits limits = {});

  // The earliest instant at or after `now` at which `key` may be sent; Timestamp::max() when
  // it must wait for an open request to finish (max_open reached).
  Timestamp earliest(const HistoricalKey& key, Timestamp now) const;
  // Records that `key` was sent at `at`; it stays open until finished().
  void sent(const HistoricalKey& key, Timestamp at);
  // An answer (data, end or error) closed one open request.
  void finished();
  std::size_t open() const { return open_; }

 private:
  std::size_t weight(const HistoricalKey& key) const;
  void prune(Timestamp now);

  HistoricalPacingLimits limits_;
  std::deque<std::pair<Timestamp, std::size_t>> recent_;  // (sent, weight) within the window
  std::map<std::string, Timestamp> last_identical_;       // identity -> last sent
  std::map<std::string, std::deque<Timestamp>> by_contract_;
  std::size_t open_ = 0;
};

}  // namespace ibtrade::tws
