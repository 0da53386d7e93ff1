#include "core/indicators/rsi.hpp"

#include <stdexcept>

namespace ibtrade::indicators {

Rsi::Rsi(int period)
    : period_(period),
      n_(static_cast<double>(period)),
      n_minus_1_(static_cast<double>(period) - 1.0) {
  if (period < 1) throw std::invalid_argument("RSI period must be at least 1");
}

void Rsi::reset() {
  changes_ = 0;
  has_previous_ = false;
  previous_ = 0.0;
  avg_gain_ = 0.0;
  avg_loss_ = 0.0;
}

}  // namespace ibtrade::indicators
