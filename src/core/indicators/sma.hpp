// Sma: simple moving average of the last N values (TA-Lib SMA).
// Single-threaded value type: one owner updates it; copies are independent.
#pragma once

#include "core/indicators/rolling_stats.hpp"

namespace ibtrade::indicators {

class Sma {
 public:
  // `period` >= 1; throws std::invalid_argument otherwise.
  explicit Sma(int period) : stats_(period) {}

  void update(double x) { stats_.update(x); }
  void reset() { stats_.reset(); }

  // True from the period-th value on.
  bool ready() const { return stats_.ready(); }
  int period() const { return stats_.window(); }
  // NaN until ready().
  double value() const { return stats_.mean(); }

 private:
  // The drift-free window sums of RollingStats; its squares cost one multiply-add per update.
  RollingStats stats_;
};

}  // namespace ibtrade::indicators
