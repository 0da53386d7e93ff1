#include "core/indicators/zscore.hpp"

#include <stdexcept>

namespace ibtrade::indicators {

namespace {
int checked(int period) {
  if (period < 2) throw std::invalid_argument("z-score period must be at least 2");
  return period;
}
}  // namespace

ZScore::ZScore(int period) : stats_(checked(period)) {}

}  // namespace ibtrade::indicators
