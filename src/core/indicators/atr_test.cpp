#include "core/indicators/atr.hpp"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

namespace ibtrade::indicators {
namespace {

TEST(Atr, TrueRangeTakesGapsIntoAccount) {
  EXPECT_EQ(Atr::true_range(11, 9, 10), 2.0);   // inside: high - low
  EXPECT_EQ(Atr::true_range(15, 14, 10), 5.0);  // gap up: high - previous close
  EXPECT_EQ(Atr::true_range(8, 7.5, 10), 2.5);  // gap down: previous close - low
}

TEST(Atr, HandWorkedWilderAverage) {
  Atr atr(2);
  atr.update(10, 8, 9);  // only supplies the previous close
  EXPECT_FALSE(atr.ready());
  atr.update(11, 9, 10.5);  // TR 2
  EXPECT_FALSE(atr.ready());
  EXPECT_TRUE(std::isnan(atr.value()));
  atr.update(12, 11, 11.5);  // TR max(1, 1.5, 0.5) = 1.5
  ASSERT_TRUE(atr.ready());
  EXPECT_DOUBLE_EQ(atr.value(), 1.75);
  atr.update(11, 9, 9.5);  // TR max(2, 0.5, 2.5) = 2.5
  EXPECT_DOUBLE_EQ(atr.value(), (1.75 + 2.5) / 2.0);
}

TEST(Atr, RejectsBadPeriodAndResets) {
  EXPECT_THROW(Atr(0), std::invalid_argument);
  Atr atr(1);
  atr.update(10, 9, 9.5);
  atr.update(12, 10, 11);
  EXPECT_EQ(atr.value(), 2.5);
  atr.reset();
  atr.update(12, 10, 11);
  EXPECT_FALSE(atr.ready());
}

}  // namespace
}  // namespace ibtrade::indicators
