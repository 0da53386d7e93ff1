// ZScore: how many population standard deviations the latest value sits from the mean of the
// last N values, itself included. Single-threaded value type; copies are independent.
#pragma once

#include "core/indicators/rolling_stats.hpp"

namespace ibtrade::indicators {

// On closes with the Bollinger period this is (close - middle) / stdev, so |z| > k is exactly
// a close outside the k-sigma bands.
class ZScore {
 public:
  // `period` >= 2; throws std::invalid_argument otherwise.
  explicit ZScore(int period);

  void update(double x) { stats_.update(x); }
  void reset() { stats_.reset(); }

  // True once N values are in and they are not all equal (z is undefined for a flat window).
  bool ready() const { return stats_.ready() && stats_.stdev() > 0.0; }
  int period() const { return stats_.window(); }
  // NaN unless ready().
  double value() const { return stats_.zscore(); }
  const RollingStats& stats() const { return stats_; }

 private:
  RollingStats stats_;
};

}  // namespace ibtrade::indicators
