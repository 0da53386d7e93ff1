// Seeded pseudo-random numbers for the simulated venue and its models: xoshiro256** seeded
// through splitmix64, written out here so that runs are identical on every standard library.
// Single-threaded: one generator per venue, owned by the engine's kernel thread.
#pragma once

#include <array>
#include <cstdint>

namespace ibtrade::engine {

// One step of splitmix64: advances `state` and returns the next output. Used to expand a seed.
std::uint64_t splitmix64(std::uint64_t& state);

class Rng {
 public:
  explicit Rng(std::uint64_t seed);

  std::uint64_t next();
  // Uniform in [0, bound), bound > 0; rejection sampling, so no modulo bias.
  std::uint64_t below(std::uint64_t bound);
  // Uniform in [low, high]; requires low <= high.
  std::int64_t between(std::int64_t low, std::int64_t high);

 private:
  std::array<std::uint64_t, 4> state_{};
};

}  // namespace ibtrade::engine
