#include "core/indicators/rsi.hpp"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

namespace ibtrade::indicators {
namespace {

// Changes +1, -0.5, +1, 0, -0.5 with N = 2.
TEST(Rsi, HandWorkedWilderSmoothing) {
  Rsi rsi(2);
  rsi.update(10);
  rsi.update(11);
  EXPECT_FALSE(rsi.ready());
  EXPECT_TRUE(std::isnan(rsi.value()));
  rsi.update(10.5);  // gains (1 + 0) / 2, losses (0 + 0.5) / 2
  ASSERT_TRUE(rsi.ready());
  EXPECT_DOUBLE_EQ(rsi.average_gain(), 0.5);
  EXPECT_DOUBLE_EQ(rsi.average_loss(), 0.25);
  EXPECT_DOUBLE_EQ(rsi.value(), 100.0 * 0.5 / 0.75);
  rsi.update(11.5);  // gain (0.5 + 1) / 2 = 0.75, loss 0.25 / 2 = 0.125
  EXPECT_DOUBLE_EQ(rsi.value(), 100.0 * 0.75 / 0.875);
  rsi.update(11.5);  // 0.375, 0.0625
  EXPECT_DOUBLE_EQ(rsi.value(), 100.0 * 0.375 / 0.4375);
  rsi.update(11.0);  // 0.1875, 0.28125
  EXPECT_DOUBLE_EQ(rsi.value(), 40.0);
}

TEST(Rsi, OneSidedAndFlatMarkets) {
  Rsi up(3);
  Rsi down(3);
  Rsi flat(3);
  for (int i = 0; i < 10; ++i) {
    up.update(100.0 + i);
    down.update(100.0 - i);
    flat.update(100.0);
  }
  EXPECT_EQ(up.value(), 100.0);
  EXPECT_EQ(down.value(), 0.0);
  EXPECT_EQ(flat.value(), 50.0);  // TA-Lib says 0 here; see docs/indicators.md
}

TEST(Rsi, RejectsBadPeriodAndResets) {
  EXPECT_THROW(Rsi(0), std::invalid_argument);
  Rsi rsi(1);
  rsi.update(5);
  rsi.update(6);
  EXPECT_EQ(rsi.value(), 100.0);
  rsi.reset();
  EXPECT_FALSE(rsi.ready());
  rsi.update(6);
  EXPECT_FALSE(rsi.ready());
  rsi.update(5);
  EXPECT_EQ(rsi.value(), 0.0);
}

}  // namespace
}  // namespace ibtrade::indicators
