#include "engine/market/random_stream.hpp"

#include <cmath>
#include <stdexcept>

#include "engine/market/portable_math.hpp"

namespace ibtrade::engine::market {
namespace {

std::uint64_t mix(std::uint64_t hash, std::uint64_t word) {
  std::uint64_t state = hash ^ word;
  return splitmix64(state);
}

constexpr double kTwoPowMinus53 = 1.0 / 9007199254740992.0;

}  // namespace

std::uint64_t derive_seed(std::uint64_t seed, StreamKind kind, std::uint64_t a, std::uint64_t b) {
  std::uint64_t hash = mix(seed, static_cast<std::uint64_t>(kind));
  hash = mix(hash, a);
  return mix(hash, b);
}

double RandomStream::uniform() {
  return static_cast<double>(rng_.next() >> 11U) * kTwoPowMinus53;
}

double RandomStream::uniform_open() {
  return (static_cast<double>(rng_.next() >> 11U) + 0.5) * kTwoPowMinus53;
}

double RandomStream::log_uniform(double low, double high) {
  return portable_exp(uniform(portable_log(low), portable_log(high)));
}

double RandomStream::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  double u = 0.0;
  double v = 0.0;
  double s = 0.0;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  // sqrt is exactly rounded by IEEE-754, so only the logarithm needed writing out.
  const double factor = std::sqrt(-2.0 * portable_log(s) / s);
  spare_ = v * factor;
  has_spare_ = true;
  return u * factor;
}

std::int64_t RandomStream::poisson(double mean) {
  if (!(mean > 0.0)) return 0;
  if (mean < 30.0) {
    const double limit = portable_exp(-mean);
    std::int64_t count = 0;
    double product = uniform();
    while (product > limit) {
      ++count;
      product *= uniform();
    }
    return count;
  }
  const double draw = std::floor(mean + std::sqrt(mean) * normal() + 0.5);
  return draw < 0.0 ? 0 : static_cast<std::int64_t>(draw);
}

std::size_t RandomStream::pick(std::span<const double> weights) {
  double total = 0.0;
  for (const double w : weights)
    total += w;
  if (weights.empty() || !(total > 0.0)) throw std::invalid_argument("pick needs positive weights");
  double target = uniform() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  // Rounding left a sliver past the last weight: it belongs to the last non-zero one.
  for (std::size_t i = weights.size(); i > 0; --i) {
    if (weights[i - 1] > 0.0) return i - 1;
  }
  return weights.size() - 1;
}

}  // namespace ibtrade::engine::market
