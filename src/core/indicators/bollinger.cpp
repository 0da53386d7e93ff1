#include "core/indicators/bollinger.hpp"

#include <cmath>
#include <stdexcept>

namespace ibtrade::indicators {

namespace {
BollingerParams checked(BollingerParams p) {
  if (p.period < 1) throw std::invalid_argument("Bollinger period must be at least 1");
  if (!std::isfinite(p.k) || p.k < 0.0) {
    throw std::invalid_argument("Bollinger k must be a finite number >= 0");
  }
  return p;
}
}  // namespace

Bollinger::Bollinger(BollingerParams params) : params_(checked(params)), stats_(params.period) {}

}  // namespace ibtrade::indicators
