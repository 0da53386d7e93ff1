#include "engine/market/portable_math.hpp"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

namespace ibtrade::engine::market {
namespace {

TEST(MarketPortableMath, ExpMatchesTheLibraryToRoundingNoise) {
  for (int i = -3000; i <= 3000; ++i) {
    const double x = i * 0.0137;
    const double expected = std::exp(x);
    EXPECT_NEAR(portable_exp(x), expected, 1e-14 * expected) << x;
  }
  EXPECT_EQ(portable_exp(0.0), 1.0);
  EXPECT_EQ(portable_exp(-800.0), 0.0);
  EXPECT_TRUE(std::isfinite(portable_exp(1000.0)));
}

TEST(MarketPortableMath, LogMatchesTheLibraryToRoundingNoise) {
  double x = 1e-6;
  for (int i = 0; i < 1600; ++i, x *= 1.0173) {
    const double expected = std::log(x);
    EXPECT_NEAR(portable_log(x), expected, 1e-14 * std::max(1.0, std::fabs(expected))) << x;
  }
  EXPECT_EQ(portable_log(1.0), 0.0);
  EXPECT_NEAR(portable_log(1.0 + 1e-12), std::log(1.0 + 1e-12), 1e-27);  // tiny logs stay exact
  EXPECT_THROW(portable_log(0.0), std::domain_error);
  EXPECT_THROW(portable_log(-1.0), std::domain_error);
}

TEST(MarketPortableMath, ExpOfLogRoundTrips) {
  double x = 0.001;
  for (int i = 0; i < 60; ++i, x *= 1.37)
    EXPECT_NEAR(portable_exp(portable_log(x)), x, 2e-13 * x);
}

}  // namespace
}  // namespace ibtrade::engine::market
