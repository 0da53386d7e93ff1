#include "engine/sim/latency_model.hpp"

#include <stdexcept>

namespace ibtrade::engine {

UniformLatency::UniformLatency(Nanoseconds entry_min, Nanoseconds entry_max,
                               Nanoseconds response_min, Nanoseconds response_max)
    : entry_min_(entry_min),
      entry_max_(entry_max),
      response_min_(response_min),
      response_max_(response_max) {
  if (entry_min > entry_max || response_min > response_max) {
    throw std::invalid_argument("UniformLatency: each minimum must not exceed its maximum");
  }
}

Nanoseconds UniformLatency::entry_latency(Timestamp /*sent*/, Rng& rng) {
  return Nanoseconds{rng.between(entry_min_.count(), entry_max_.count())};
}

Nanoseconds UniformLatency::response_latency(Timestamp /*event*/, Rng& rng) {
  return Nanoseconds{rng.between(response_min_.count(), response_max_.count())};
}

}  // namespace ibtrade::engine
