// ReconnectBackoff: how long to wait before the next connection attempt after a drop or a
// refused connect: exponential with full jitter (so that many clients do not reconnect in step
// after IB's daily restart), capped, and reset by a connection that stayed up. Pure: the
// random draw comes from the caller. Single-threaded, owned by the connection manager.
#pragma once

#include <cstdint>

#include "core/time.hpp"

namespace ibtrade::tws {

struct BackoffPolicy {
  Nanoseconds first = std::chrono::seconds(1);
  Nanoseconds cap = std::chrono::seconds(60);
  // A connection up at least this long resets the sequence to `first`.
  Nanoseconds stable_after = std::chrono::seconds(30);
};

class ReconnectBackoff {
 public:
  explicit ReconnectBackoff(BackoffPolicy policy = {});

  // The wait before the next attempt: uniform in [0, min(cap, first * 2^failures)], drawn from
  // `random` (any 64-bit value, e.g. from the engine's Rng). Counts one more failure.
  Nanoseconds next_delay(std::uint64_t random);
  // A connection was established at `up` and lost at `down`.
  void connection_lost(Timestamp up, Timestamp down);
  // The handshake completed.
  void connected() {}
  int failures() const { return failures_; }
  // The upper bound the next delay is drawn under.
  Nanoseconds ceiling() const;

 private:
  BackoffPolicy policy_;
  int failures_ = 0;
};

}  // namespace ibtrade::tws
