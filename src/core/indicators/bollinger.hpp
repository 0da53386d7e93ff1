// Bollinger: SMA of the last N closes +/- k population standard deviations of the same N
// closes, today included (TA-Lib BBANDS with SMA). Single-threaded value type.
#pragma once

#include "core/indicators/bands.hpp"
#include "core/indicators/rolling_stats.hpp"

namespace ibtrade::indicators {

struct BollingerParams {
  int period = 20;
  double k = 2.0;
};

class Bollinger {
 public:
  // `period` >= 1 and k >= 0 (finite); throws std::invalid_argument otherwise.
  explicit Bollinger(BollingerParams params = {});

  void update(double close) { stats_.update(close); }
  void reset() { stats_.reset(); }

  // True from the period-th close on.
  bool ready() const { return stats_.ready(); }
  const BollingerParams& params() const { return params_; }

  // NaN until ready().
  Bands bands() const {
    const double middle = stats_.mean();
    const double width = params_.k * stats_.stdev();
    return {middle - width, middle, middle + width};
  }
  double middle() const { return stats_.mean(); }
  double upper() const { return bands().upper; }
  double lower() const { return bands().lower; }
  double stdev() const { return stats_.stdev(); }

 private:
  BollingerParams params_;
  RollingStats stats_;
};

}  // namespace ibtrade::indicators
