#include "core/indicators/vwap.hpp"

#include <stdexcept>

namespace ibtrade::indicators {

Vwap::Vwap(double k) : k_(k) {
  if (!std::isfinite(k) || k < 0.0) throw std::invalid_argument("VWAP band k must be >= 0");
}

}  // namespace ibtrade::indicators
