#include "core/indicators/bollinger.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <gtest/gtest.h>

namespace ibtrade::indicators {
namespace {

TEST(Bollinger, SmaPlusMinusKPopulationSigmaIncludingToday) {
  Bollinger bb({3, 2.0});
  bb.update(1);
  bb.update(2);
  EXPECT_FALSE(bb.ready());
  EXPECT_TRUE(std::isnan(bb.upper()));
  bb.update(3);
  ASSERT_TRUE(bb.ready());
  const double sigma = std::sqrt(2.0 / 3.0);  // population, not sqrt(1) (sample)
  EXPECT_DOUBLE_EQ(bb.middle(), 2.0);
  EXPECT_DOUBLE_EQ(bb.upper(), 2.0 + 2.0 * sigma);
  EXPECT_DOUBLE_EQ(bb.lower(), 2.0 - 2.0 * sigma);
  bb.update(6);  // 2, 3, 6
  EXPECT_DOUBLE_EQ(bb.middle(), 11.0 / 3.0);
  EXPECT_DOUBLE_EQ(bb.upper(), 11.0 / 3.0 + 2.0 * std::sqrt(26.0) / 3.0);
}

TEST(Bollinger, FlatWindowCollapsesTheBands) {
  Bollinger bb({4, 2.5});
  for (int i = 0; i < 4; ++i)
    bb.update(101.37);
  EXPECT_EQ(bb.upper(), 101.37);
  EXPECT_EQ(bb.lower(), 101.37);
}

TEST(Bollinger, RejectsBadParameters) {
  EXPECT_THROW(Bollinger({0, 2.0}), std::invalid_argument);
  EXPECT_THROW(Bollinger({20, -1.0}), std::invalid_argument);
  EXPECT_THROW(Bollinger({20, std::numeric_limits<double>::infinity()}), std::invalid_argument);
}

}  // namespace
}  // namespace ibtrade::indicators
