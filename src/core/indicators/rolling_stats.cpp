#include "core/indicators/rolling_stats.hpp"

#include <stdexcept>

namespace ibtrade::indicators {

RollingStats::RollingStats(int window) : inv_n_(1.0 / static_cast<double>(window)) {
  if (window < 1) throw std::invalid_argument("rolling window must be at least 1");
  window_.assign(static_cast<std::size_t>(window), 0.0);
}

void RollingStats::reset() {
  head_ = 0;
  count_ = 0;
  base_ = sum_ = sum_sq_ = 0.0;
  next_base_ = next_sum_ = next_sum_sq_ = 0.0;
  last_ = 0.0;
  equal_run_ = 0;
}

}  // namespace ibtrade::indicators
