// BarAggregator: N-minute bars of one symbol built from its 1-minute bars, exactly (fixed-point
// OHLC and volume), O(1) and allocation-free per bar. Pure value type; one thread at a time.
#pragma once

#include <chrono>
#include <optional>

#include "core/market_data.hpp"
#include "core/time.hpp"

namespace ibtrade {

// Buckets are aligned to N-minute boundaries counted from 00:00 UTC of each day: [09:30, 09:35)
// for N = 5. A zone whose offset is whole hours keeps local boundaries aligned too (09:30 ET is
// 14:30 or 13:30 UTC), for any N that divides 30. Because a bucket is N minutes long and never
// crosses 00:00 UTC, a gap of N minutes or more (a new session, a halt) and a new UTC day always
// start a new bucket; when N does not divide a day, the day's last bucket is short. Missing
// minutes inside a bucket are fine: the bucket is built from the bars that came.
class BarAggregator {
 public:
  static constexpr std::chrono::minutes kMaxBucket = std::chrono::hours(24);

  // 1 <= bucket <= kMaxBucket, else std::invalid_argument (a configuration bug).
  explicit BarAggregator(std::chrono::minutes bucket);

  // Adds the next bar (any bar that does not straddle a bucket boundary: 1-minute bars, or
  // 5-minute bars into 15-minute ones). When it opens a new bucket, returns the bucket it
  // completed. Bars must come in strictly increasing time; an earlier or repeated one is a
  // bug in the feed and throws std::invalid_argument.
  std::optional<Bar> update(const Bar& bar);

  // The bucket in progress, completed as it stands (end of data, end of a run); nullopt when
  // there is none. The next update starts afresh.
  std::optional<Bar> flush();

  std::chrono::minutes bucket() const { return bucket_; }
  // The start of the bucket `t` falls in.
  Timestamp bucket_start(Timestamp t) const;

 private:
  std::chrono::minutes bucket_;
  std::optional<Bar> current_;  // time is the bucket start
  std::optional<Timestamp> last_time_;
};

}  // namespace ibtrade
