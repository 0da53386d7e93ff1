#include "core/indicators/macd.hpp"

#include <stdexcept>

namespace ibtrade::indicators {

namespace {
MacdParams checked(MacdParams p) {
  if (p.fast < 1 || p.slow <= p.fast || p.signal < 1) {
    throw std::invalid_argument("MACD needs 1 <= fast < slow and signal >= 1");
  }
  return p;
}
}  // namespace

Macd::Macd(MacdParams params)
    : params_(checked(params)),
      skip_fast_(params.slow - params.fast),
      fast_(params.fast),
      slow_(params.slow),
      signal_(params.signal) {}

void Macd::reset() {
  skipped_ = 0;
  fast_.reset();
  slow_.reset();
  signal_.reset();
  line_ = 0.0;
  ready_ = false;
}

}  // namespace ibtrade::indicators
