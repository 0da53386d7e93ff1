#include "core/indicators/zscore.hpp"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

namespace ibtrade::indicators {
namespace {

TEST(ZScore, DistanceFromTheWindowMeanInPopulationSigmas) {
  ZScore z(3);
  z.update(2);
  z.update(3);
  EXPECT_FALSE(z.ready());
  EXPECT_TRUE(std::isnan(z.value()));
  z.update(6);  // mean 11/3, sigma sqrt(26)/3
  ASSERT_TRUE(z.ready());
  EXPECT_DOUBLE_EQ(z.value(), 7.0 / std::sqrt(26.0));
  z.update(2);  // 3, 6, 2: mean 11/3, same sigma
  EXPECT_DOUBLE_EQ(z.value(), -5.0 / std::sqrt(26.0));
}

TEST(ZScore, UndefinedOnAFlatWindow) {
  ZScore z(3);
  for (int i = 0; i < 3; ++i)
    z.update(100.25);
  EXPECT_FALSE(z.ready());
  EXPECT_TRUE(std::isnan(z.value()));
  z.update(100.5);
  EXPECT_TRUE(z.ready());
  EXPECT_DOUBLE_EQ(z.value(), std::sqrt(2.0));  // one of three values up: (2/3)/sqrt(2/9)
}

TEST(ZScore, NeedsTwoValues) {
  EXPECT_THROW(ZScore(1), std::invalid_argument);
}

}  // namespace
}  // namespace ibtrade::indicators
