// SigmaSpike (Adam Grimes): today's close-to-close return divided by the population standard
// deviation of the N returns before it, today excluded. Single-threaded value type.
#pragma once

#include <cmath>
#include <limits>

#include "core/indicators/rolling_stats.hpp"

namespace ibtrade::indicators {

// r_t = C_t / C_{t-1} - 1; spike_t = r_t / sigma(r_{t-N} .. r_{t-1}). The first value needs
// N + 2 closes (N earlier returns plus today's). Closes must be positive.
class SigmaSpike {
 public:
  // `period` >= 2; throws std::invalid_argument otherwise.
  explicit SigmaSpike(int period = 20);

  void update(double close) {
    if (!has_previous_) {
      has_previous_ = true;
      previous_ = close;
      return;
    }
    last_return_ = close / previous_ - 1.0;
    previous_ = close;
    // Read yesterday's window before today's return joins it.
    previous_variance_ = returns_.variance();
    returns_.update(last_return_);
  }
  void reset();

  // True once N earlier returns exist and they are not all equal (sigma > 0).
  bool ready() const { return previous_variance_ > 0.0; }
  int period() const { return returns_.window(); }
  // NaN unless ready().
  double value() const {
    return ready() ? last_return_ / std::sqrt(previous_variance_)
                   : std::numeric_limits<double>::quiet_NaN();
  }
  // r_t of the latest close; meaningful from the second close on.
  double last_return() const { return last_return_; }
  // The sigma value() divides by; NaN while warming up.
  double previous_sigma() const { return std::sqrt(previous_variance_); }

 private:
  RollingStats returns_;
  bool has_previous_ = false;
  double previous_ = 0.0;
  double last_return_ = 0.0;
  double previous_variance_;  // NaN until N returns precede the latest one
};

}  // namespace ibtrade::indicators
