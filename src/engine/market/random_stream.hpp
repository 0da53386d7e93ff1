// Seeded substreams and samplers (uniform, normal, Poisson) written out on engine::Rng.
// Single-threaded: one RandomStream per (purpose, symbol, day), like the Rng it wraps.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "engine/sim/rng.hpp"

namespace ibtrade::engine::market {

// What a substream is for. The values are part of every seeded path: never renumber them.
enum class StreamKind : std::uint64_t {
  kSymbol = 1,    // a symbol's parameters
  kName = 2,      // a symbol's ticker and company name
  kDay = 3,       // a symbol-day's gap, session return, jumps and volume
  kMinute = 4,    // a symbol-day's minute-by-minute path
  kEarnings = 5,  // a symbol's fiscal quarter: EPS, consensus, report date
};

// The seed of substream (kind, a, b) of `seed`, mixed through splitmix64 so that neighbouring
// inputs give unrelated streams. Substreams never depend on one another, which is what lets a
// subset of symbols or a later date range reproduce the same paths.
std::uint64_t derive_seed(std::uint64_t seed, StreamKind kind, std::uint64_t a,
                          std::uint64_t b = 0);

// The samplers are written out here rather than taken from <random>, whose distributions differ
// between standard libraries: the same seed must give the same market everywhere.
class RandomStream {
 public:
  explicit RandomStream(std::uint64_t seed) : rng_(seed) {}

  std::uint64_t next() { return rng_.next(); }
  // Uniform in [0, bound), bound > 0.
  std::uint64_t below(std::uint64_t bound) { return rng_.below(bound); }
  // Uniform in [low, high]; requires low <= high.
  std::int64_t between(std::int64_t low, std::int64_t high) { return rng_.between(low, high); }
  // Uniform in [0, 1) on a 2^-53 grid.
  double uniform();
  // Uniform in (0, 1): safe to take the logarithm of.
  double uniform_open();
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  // exp(uniform(log low, log high)): scale parameters spread evenly over orders of magnitude.
  double log_uniform(double low, double high);
  bool bernoulli(double probability) { return uniform() < probability; }
  // Standard normal by Marsaglia's polar method; the second value of each pair is kept for the
  // next call.
  double normal();
  double normal(double mean, double sd) { return mean + sd * normal(); }
  // Poisson: Knuth's product method below a mean of 30, a rounded normal above.
  std::int64_t poisson(double mean);
  // An index drawn with probability proportional to weights[i]; weights non-negative, sum > 0.
  std::size_t pick(std::span<const double> weights);

 private:
  Rng rng_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace ibtrade::engine::market
