#include "engine/market/random_stream.hpp"

#include <array>
#include <cmath>
#include <set>

#include <gtest/gtest.h>

namespace ibtrade::engine::market {
namespace {

TEST(MarketRandomStream, SubstreamsDifferByEveryInput) {
  std::set<std::uint64_t> seeds;
  for (std::uint64_t a = 0; a < 50; ++a) {
    for (std::uint64_t b = 0; b < 50; ++b) {
      seeds.insert(derive_seed(7, StreamKind::kDay, a, b));
      seeds.insert(derive_seed(7, StreamKind::kMinute, a, b));
    }
  }
  EXPECT_EQ(seeds.size(), 5000U);
  EXPECT_NE(derive_seed(7, StreamKind::kDay, 1, 2), derive_seed(8, StreamKind::kDay, 1, 2));
  EXPECT_EQ(derive_seed(7, StreamKind::kDay, 1, 2), derive_seed(7, StreamKind::kDay, 1, 2));
}

TEST(MarketRandomStream, NormalHasTheMomentsOfAStandardNormal) {
  RandomStream random(11);
  constexpr int kCount = 200'000;
  double sum = 0.0;
  double squares = 0.0;
  double fourth = 0.0;
  for (int i = 0; i < kCount; ++i) {
    const double z = random.normal();
    sum += z;
    squares += z * z;
    fourth += z * z * z * z;
  }
  EXPECT_NEAR(sum / kCount, 0.0, 0.01);
  EXPECT_NEAR(squares / kCount, 1.0, 0.015);
  EXPECT_NEAR(fourth / kCount, 3.0, 0.1);  // a normal's kurtosis, not a uniform's
}

TEST(MarketRandomStream, UniformsStayInTheirIntervals) {
  RandomStream random(3);
  for (int i = 0; i < 100'000; ++i) {
    const double u = random.uniform();
    const double open = random.uniform_open();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
    EXPECT_GT(open, 0.0);
    EXPECT_LT(open, 1.0);
    const double scale = random.log_uniform(2.0, 300.0);
    EXPECT_GE(scale, 2.0 - 1e-12);
    EXPECT_LE(scale, 300.0 + 1e-12);
  }
}

TEST(MarketRandomStream, PoissonHasItsMeanAndVariance) {
  for (const double mean : {0.05, 1.5, 12.0, 80.0}) {
    RandomStream random(5);
    constexpr int kCount = 100'000;
    double sum = 0.0;
    double squares = 0.0;
    for (int i = 0; i < kCount; ++i) {
      const auto k = static_cast<double>(random.poisson(mean));
      ASSERT_GE(k, 0.0);
      sum += k;
      squares += k * k;
    }
    const double m = sum / kCount;
    EXPECT_NEAR(m, mean, 0.02 * mean + 0.005) << mean;
    EXPECT_NEAR(squares / kCount - m * m, mean, 0.05 * mean + 0.005) << mean;
  }
  RandomStream random(5);
  EXPECT_EQ(random.poisson(0.0), 0);
  EXPECT_EQ(random.poisson(-1.0), 0);
}

TEST(MarketRandomStream, PickFollowsTheWeights) {
  RandomStream random(9);
  const std::array<double, 4> weights{1.0, 0.0, 3.0, 6.0};
  std::array<int, 4> counts{};
  for (int i = 0; i < 100'000; ++i)
    ++counts[random.pick(weights)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0] / 1e5, 0.1, 0.01);
  EXPECT_NEAR(counts[2] / 1e5, 0.3, 0.01);
  EXPECT_NEAR(counts[3] / 1e5, 0.6, 0.01);
}

}  // namespace
}  // namespace ibtrade::engine::market
