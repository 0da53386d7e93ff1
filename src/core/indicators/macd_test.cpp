#include "core/indicators/macd.hpp"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

namespace ibtrade::indicators {
namespace {

// MACD(2, 3, 2) on 1, 2, 4, 8, 16, worked by hand with fractions. The fast EMA (k = 2/3)
// skips the first close so that it is seeded on bar 2 with (2 + 4) / 2, like the slow one
// (k = 1/2) with (1 + 2 + 4) / 3.
TEST(Macd, HandWorkedWithTaLibSeeding) {
  Macd macd({2, 3, 2});
  macd.update(1);
  macd.update(2);
  EXPECT_FALSE(macd.line_ready());
  EXPECT_TRUE(std::isnan(macd.line()));
  macd.update(4);
  ASSERT_TRUE(macd.line_ready());
  EXPECT_FALSE(macd.ready());
  EXPECT_DOUBLE_EQ(macd.line(), 3.0 - 7.0 / 3.0);
  EXPECT_TRUE(std::isnan(macd.signal()));
  EXPECT_TRUE(std::isnan(macd.histogram()));
  macd.update(8);  // fast 19/3, slow 31/6
  ASSERT_TRUE(macd.ready());
  EXPECT_DOUBLE_EQ(macd.line(), 7.0 / 6.0);
  EXPECT_DOUBLE_EQ(macd.signal(), 11.0 / 12.0);  // (2/3 + 7/6) / 2
  EXPECT_DOUBLE_EQ(macd.histogram(), 1.0 / 4.0);
  macd.update(16);  // fast 115/9, slow 127/12
  // k = 2/3 is inexact in binary: a few ulps of rounding by now.
  EXPECT_NEAR(macd.line(), 79.0 / 36.0, 1e-14);
  EXPECT_NEAR(macd.signal(), 191.0 / 108.0, 1e-14);
  EXPECT_NEAR(macd.histogram(), 23.0 / 54.0, 1e-14);
}

TEST(Macd, DefaultWarmUpMatchesTaLib) {
  Macd macd;  // 12, 26, 9
  int first_line = -1;
  int first_signal = -1;
  for (int bar = 0; bar < 40; ++bar) {
    macd.update(100.0 + bar);
    if (first_line < 0 && macd.line_ready()) first_line = bar;
    if (first_signal < 0 && macd.ready()) first_signal = bar;
  }
  EXPECT_EQ(first_line, 25);
  EXPECT_EQ(first_signal, 33);
}

TEST(Macd, RejectsBadPeriods) {
  EXPECT_THROW(Macd({26, 12, 9}), std::invalid_argument);
  EXPECT_THROW(Macd({12, 12, 9}), std::invalid_argument);
  EXPECT_THROW(Macd({0, 26, 9}), std::invalid_argument);
  EXPECT_THROW(Macd({12, 26, 0}), std::invalid_argument);
}

TEST(Macd, ResetStartsOver) {
  Macd fresh({2, 3, 2});
  Macd reused({2, 3, 2});
  for (double x : {50.0, 40.0, 30.0, 90.0, 10.0})
    reused.update(x);
  reused.reset();
  for (double x : {1.0, 2.0, 4.0, 8.0, 16.0}) {
    fresh.update(x);
    reused.update(x);
  }
  EXPECT_EQ(fresh.line(), reused.line());
  EXPECT_EQ(fresh.signal(), reused.signal());
}

}  // namespace
}  // namespace ibtrade::indicators
