// How long commands take to reach the simulated venue and its reports take to reach the engine.
// Pluggable: FixedLatency (the default, zero) and UniformLatency ship here. Single-threaded;
// called only by the venue that owns it, on the engine's kernel thread.
#pragma once

#include "core/time.hpp"
#include "engine/sim/rng.hpp"

namespace ibtrade::engine {

class LatencyModel {
 public:
  virtual ~LatencyModel() = default;
  // Time for a command sent at `sent` to reach the venue. Negative answers count as zero.
  virtual Nanoseconds entry_latency(Timestamp sent, Rng& rng) = 0;
  // Time for a report the venue produced at `event` to reach the engine. Negative: zero.
  virtual Nanoseconds response_latency(Timestamp event, Rng& rng) = 0;
};

class FixedLatency final : public LatencyModel {
 public:
  explicit FixedLatency(Nanoseconds entry = Nanoseconds::zero(),
                        Nanoseconds response = Nanoseconds::zero())
      : entry_(entry), response_(response) {}

  Nanoseconds entry_latency(Timestamp /*sent*/, Rng& /*rng*/) override { return entry_; }
  Nanoseconds response_latency(Timestamp /*event*/, Rng& /*rng*/) override { return response_; }

 private:
  Nanoseconds entry_;
  Nanoseconds response_;
};

// Each leg drawn uniformly from its own closed range [min, max], in whole nanoseconds.
class UniformLatency final : public LatencyModel {
 public:
  UniformLatency(Nanoseconds entry_min, Nanoseconds entry_max, Nanoseconds response_min,
                 Nanoseconds response_max);

  Nanoseconds entry_latency(Timestamp sent, Rng& rng) override;
  Nanoseconds response_latency(Timestamp event, Rng& rng) override;

 private:
  Nanoseconds entry_min_;
  Nanoseconds entry_max_;
  Nanoseconds response_min_;
  Nanoseconds response_max_;
};

}  // namespace ibtrade::engine
