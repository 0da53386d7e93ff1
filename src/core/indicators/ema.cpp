#include "core/indicators/ema.hpp"

#include <stdexcept>

namespace ibtrade::indicators {

Ema::Ema(int period) : period_(period), k_(2.0 / (static_cast<double>(period) + 1.0)) {
  if (period < 1) throw std::invalid_argument("EMA period must be at least 1");
}

void Ema::reset() {
  count_ = 0;
  seed_sum_ = 0.0;
  value_ = 0.0;
}

}  // namespace ibtrade::indicators
