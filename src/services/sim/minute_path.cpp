#include "services/sim/minute_path.hpp"

#include <algorithm>
#include <cmath>

#include "engine/market/random_stream.hpp"

namespace ibtrade::sim {
namespace {

constexpr Nanoseconds kMinute = std::chrono::minutes(1);

// A price `offset` dollars from `base`, on the tick and inside [low, high].
Price place(Price base, double offset, Price low, Price high, Price tick) {
  const auto delta = static_cast<std::int64_t>(std::llround(offset * 1e9));
  Price p = (base + Price::from_raw(delta, 9)).rounded_to(tick);
  return std::clamp(p, low, high);
}

}  // namespace

std::vector<Bar> minute_path(const Bar& bar, std::size_t minutes, Timestamp start, Price tick,
                             std::uint64_t seed) {
  const std::size_t n = std::max<std::size_t>(1, minutes);
  std::vector<Bar> out(n);
  if (n == 1) {
    out[0] = bar;
    out[0].time = start;
    return out;
  }
  engine::market::RandomStream rng(seed);
  const Price high = bar.high;
  const Price low = bar.low;
  const double range = (high - low).to_double();
  // Noise per minute: over the whole session it is about a quarter of the day's range.
  const double sigma = range * 0.25 / std::sqrt(static_cast<double>(n));

  // The extreme nearer the open tends to come first.
  const bool low_first = range > 0 && rng.uniform() < (high - bar.open).to_double() / range;
  const Price first = low_first ? low : high;
  const Price second = low_first ? high : low;
  struct Anchor {
    std::size_t at;
    Price price;
  };
  std::vector<Anchor> anchors{{0, bar.open}};
  if (n >= 3) {
    std::size_t a = 1 + static_cast<std::size_t>(rng.below(n - 1));
    std::size_t b = 1 + static_cast<std::size_t>(rng.below(n - 2));
    if (b >= a) ++b;  // distinct interior vertices
    if (a > b) std::swap(a, b);
    anchors.push_back({a, first});
    anchors.push_back({b, second});
  } else {
    anchors.push_back({1, first});  // the other extreme comes as a wick below
  }
  anchors.push_back({n, bar.close});

  // Vertex i is the price at the start of minute i (vertex n: the close).
  std::vector<Price> vertex(n + 1);
  for (std::size_t s = 0; s + 1 < anchors.size(); ++s) {
    const Anchor& from = anchors[s];
    const Anchor& to = anchors[s + 1];
    const std::size_t m = to.at - from.at;
    std::vector<double> walk(m + 1, 0.0);
    for (std::size_t j = 1; j <= m; ++j)
      walk[j] = walk[j - 1] + rng.normal();
    vertex[from.at] = from.price;
    for (std::size_t j = 1; j < m; ++j) {
      const double share = static_cast<double>(j) / static_cast<double>(m);
      const double line = (to.price - from.price).to_double() * share;
      const double bridge = walk[j] - share * walk[m];
      vertex[from.at + j] = place(from.price, line + sigma * bridge, low, high, tick);
    }
    vertex[to.at] = to.price;
  }

  // Volume: U-shaped weights with noise, split in whole shares by cumulative rounding down so
  // that the parts add up exactly; a fractional remainder goes to the last minute.
  std::vector<double> weight(n);
  double total_weight = 0.0;
  const double middle = static_cast<double>(n - 1) / 2.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = (static_cast<double>(i) - middle) / middle;
    weight[i] = (1.0 + 1.5 * x * x) * rng.uniform(0.6, 1.4);
    total_weight += weight[i];
  }
  const std::int64_t shares = bar.volume.raw() / kFixedScale;
  const std::int64_t fraction = bar.volume.raw() % kFixedScale;
  const int precision = bar.volume.precision();
  double cumulative_weight = 0.0;
  std::int64_t given = 0;

  for (std::size_t i = 0; i < n; ++i) {
    Bar& m = out[i];
    m.time = start + kMinute * static_cast<std::int64_t>(i);
    m.open = vertex[i];
    m.close = vertex[i + 1];
    const double wick_up = std::abs(rng.normal()) * sigma * 0.5;
    const double wick_down = std::abs(rng.normal()) * sigma * 0.5;
    m.high = std::max(place(std::max(m.open, m.close), wick_up, low, high, tick),
                      std::max(m.open, m.close));
    m.low = std::min(place(std::min(m.open, m.close), -wick_down, low, high, tick),
                     std::min(m.open, m.close));
    cumulative_weight += weight[i];
    const std::int64_t upto =
        i + 1 == n ? shares
                   : std::min(shares,
                              static_cast<std::int64_t>(std::floor(
                                  static_cast<double>(shares) * cumulative_weight / total_weight)));
    const std::int64_t part = std::max<std::int64_t>(0, upto - given);
    given += part;
    m.volume = Quantity::from_raw(part * kFixedScale + (i + 1 == n ? fraction : 0), precision);
  }
  // The range is reached exactly, whatever the noise and the rounding did.
  auto highest = std::max_element(out.begin(), out.end(),
                                  [](const Bar& a, const Bar& b) { return a.high < b.high; });
  if (highest->high != high) out[static_cast<std::size_t>(rng.below(n))].high = high;
  auto lowest = std::min_element(out.begin(), out.end(),
                                 [](const Bar& a, const Bar& b) { return a.low < b.low; });
  if (lowest->low != low) out[static_cast<std::size_t>(rng.below(n))].low = low;
  return out;
}

}  // namespace ibtrade::sim
