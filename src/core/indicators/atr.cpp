#include "core/indicators/atr.hpp"

#include <stdexcept>

namespace ibtrade::indicators {

Atr::Atr(int period)
    : period_(period),
      n_(static_cast<double>(period)),
      n_minus_1_(static_cast<double>(period) - 1.0) {
  if (period < 1) throw std::invalid_argument("ATR period must be at least 1");
}

void Atr::reset() {
  ranges_ = 0;
  has_previous_ = false;
  previous_close_ = 0.0;
  value_ = 0.0;
}

}  // namespace ibtrade::indicators
