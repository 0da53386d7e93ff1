#include "core/indicators/rolling_stats.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace ibtrade::indicators {
namespace {

// Reference: two-pass mean and population variance in long double over the window.
struct Exact {
  long double mean;
  long double variance;
};
Exact exact(const std::vector<double>& xs, std::size_t end, std::size_t n) {
  long double sum = 0;
  for (std::size_t i = end - n; i < end; ++i)
    sum += xs[i];
  const long double mean = sum / static_cast<long double>(n);
  long double sq = 0;
  for (std::size_t i = end - n; i < end; ++i)
    sq += (xs[i] - mean) * (xs[i] - mean);
  return {mean, sq / static_cast<long double>(n)};
}

// Deterministic noise in [-1, 1).
class Noise {
 public:
  double next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state_ >> 11) / 4503599627370496.0 - 1.0;
  }

 private:
  std::uint64_t state_ = 42;
};

TEST(RollingStats, HandWorkedWindowOfThree) {
  RollingStats s(3);
  s.update(1);
  s.update(2);
  EXPECT_FALSE(s.ready());
  EXPECT_TRUE(std::isnan(s.mean()));
  EXPECT_TRUE(std::isnan(s.variance()));
  s.update(3);
  ASSERT_TRUE(s.ready());
  EXPECT_DOUBLE_EQ(s.mean(), 2.0);
  EXPECT_DOUBLE_EQ(s.variance(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.sample_variance(), 1.0);
  EXPECT_DOUBLE_EQ(s.zscore(), 1.0 / std::sqrt(2.0 / 3.0));
  s.update(6);  // window 2, 3, 6
  EXPECT_DOUBLE_EQ(s.mean(), 11.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.variance(), 26.0 / 9.0);
  EXPECT_DOUBLE_EQ(s.stdev(), std::sqrt(26.0) / 3.0);
  EXPECT_DOUBLE_EQ(s.zscore(), 7.0 / std::sqrt(26.0));
  EXPECT_EQ(s.last(), 6.0);
}

TEST(RollingStats, RejectsAnEmptyWindow) {
  EXPECT_THROW(RollingStats(0), std::invalid_argument);
  EXPECT_THROW(RollingStats(-3), std::invalid_argument);
}

TEST(RollingStats, WindowOfOneHasZeroVarianceAndNoZScore) {
  RollingStats s(1);
  s.update(5);
  EXPECT_EQ(s.mean(), 5.0);
  EXPECT_EQ(s.variance(), 0.0);
  EXPECT_TRUE(std::isnan(s.sample_variance()));
  EXPECT_TRUE(std::isnan(s.zscore()));
}

// Prices near 1e6 that move by cents: the naive sum(x^2)/n - mean^2 loses every digit here
// (x^2 ~ 1e12, variance ~ 1e-4), and a running sum drifts over 200k updates.
TEST(RollingStats, StableAtLargeOffsetWithSmallVariance) {
  constexpr std::size_t kWindow = 20;
  Noise noise;
  std::vector<double> xs;
  double level = 1e6;
  for (int i = 0; i < 200'000; ++i) {
    if (i % 5000 == 0) level += 12345.678;  // level jumps, far larger than the spread
    xs.push_back(level + 0.01 * noise.next());
  }
  RollingStats s(static_cast<int>(kWindow));
  double worst_mean = 0;
  double worst_var = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    s.update(xs[i]);
    if (i + 1 < kWindow) continue;
    const Exact e = exact(xs, i + 1, kWindow);
    worst_mean = std::max(worst_mean, static_cast<double>(std::fabs((s.mean() - e.mean) / e.mean)));
    worst_var = std::max(worst_var,
                         static_cast<double>(std::fabs((s.variance() - e.variance) / e.variance)));
  }
  EXPECT_LT(worst_mean, 1e-15);
  EXPECT_LT(worst_var, 1e-9);
}

// Rounding left by a wild stretch must not linger into a quiet one.
TEST(RollingStats, QuietWindowAfterWildHistoryIsAccurate) {
  constexpr int kWindow = 10;
  Noise noise;
  RollingStats s(kWindow);
  std::vector<double> xs;
  xs.reserve(10'000 + 3 * kWindow);
  for (int i = 0; i < 10'000; ++i)
    xs.push_back(1e6 * (1.0 + noise.next()));  // spread 1e6
  for (int i = 0; i < 3 * kWindow; ++i)
    xs.push_back(500.0 + 1e-3 * noise.next());
  for (double x : xs)
    s.update(x);
  const Exact e = exact(xs, xs.size(), kWindow);
  EXPECT_NEAR(s.variance(), static_cast<double>(e.variance),
              1e-9 * static_cast<double>(e.variance));
  EXPECT_NEAR(s.mean(), static_cast<double>(e.mean), 1e-15 * 500.0);
}

TEST(RollingStats, FlatWindowHasExactlyZeroVariance) {
  RollingStats s(5);
  for (double x : {3.0, 1e6, -7.5, 42.0})
    s.update(x);
  for (int i = 0; i < 5; ++i)
    s.update(0.1);  // 0.1 * 5 / 5 is not 0.1 in binary
  EXPECT_EQ(s.variance(), 0.0);
  EXPECT_EQ(s.stdev(), 0.0);
  EXPECT_EQ(s.mean(), 0.1);
  EXPECT_TRUE(std::isnan(s.zscore()));
  s.update(0.2);
  EXPECT_GT(s.variance(), 0.0);
  EXPECT_FALSE(std::isnan(s.zscore()));
}

TEST(RollingStats, ResetStartsOver) {
  RollingStats fresh(4);
  RollingStats reused(4);
  for (double x : {9.0, 8.0, 1e9, 7.0, 6.5, 3.25})
    reused.update(x);
  reused.reset();
  EXPECT_FALSE(reused.ready());
  for (double x : {1.0, 4.0, 2.0, 8.0, 5.0, 7.0}) {
    fresh.update(x);
    reused.update(x);
    EXPECT_EQ(fresh.ready(), reused.ready());
    if (!fresh.ready()) continue;
    EXPECT_EQ(fresh.mean(), reused.mean());
    EXPECT_EQ(fresh.variance(), reused.variance());
  }
}

}  // namespace
}  // namespace ibtrade::indicators
