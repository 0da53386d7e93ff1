#include "core/indicators/sigma_spike.hpp"

#include <limits>
#include <stdexcept>

namespace ibtrade::indicators {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int checked(int period) {
  if (period < 2) throw std::invalid_argument("SigmaSpike period must be at least 2");
  return period;
}
}  // namespace

SigmaSpike::SigmaSpike(int period) : returns_(checked(period)), previous_variance_(kNaN) {}

void SigmaSpike::reset() {
  returns_.reset();
  has_previous_ = false;
  previous_ = 0.0;
  last_return_ = 0.0;
  previous_variance_ = kNaN;
}

}  // namespace ibtrade::indicators
