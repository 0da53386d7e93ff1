#include "adapters/tws/session/reconnect_backoff.hpp"

#include <algorithm>
#include <stdexcept>

namespace ibtrade::tws {

ReconnectBackoff::ReconnectBackoff(BackoffPolicy policy) : policy_(policy) {
  if (policy_.first <= Nanoseconds::zero() || policy_.cap < policy_.first) {
    throw std::invalid_argument("reconnect backoff: need 0 < first <= cap");
  }
}

Nanoseconds ReconnectBackoff::ceiling() const {
  Nanoseconds bound = policy_.first;
  for (int i = 0; i < failures_ && bound < policy_.cap; ++i)
    bound *= 2;
  return std::min(bound, policy_.cap);
}

Nanoseconds ReconnectBackoff::next_delay(std::uint64_t random) {
  const auto bound = static_cast<std::uint64_t>(ceiling().count());
  ++failures_;
  // Full jitter: anywhere from an immediate retry up to the bound.
  return Nanoseconds(static_cast<std::int64_t>(random % (bound + 1)));
}

void ReconnectBackoff::connection_lost(Timestamp up, Timestamp down) {
  if (down - up >= policy_.stable_after) failures_ = 0;
}

}  // namespace ibtrade::tws
