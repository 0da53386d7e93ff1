#include "core/indicators/ema.hpp"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

namespace ibtrade::indicators {
namespace {

TEST(Ema, SeededWithTheSmaOfTheFirstNInputs) {
  Ema ema(3);  // k = 2 / 4 = 0.5
  ema.update(2);
  ema.update(4);
  EXPECT_FALSE(ema.ready());
  EXPECT_TRUE(std::isnan(ema.value()));
  ema.update(6);
  ASSERT_TRUE(ema.ready());
  EXPECT_DOUBLE_EQ(ema.value(), 4.0);  // (2 + 4 + 6) / 3
  ema.update(8);
  EXPECT_DOUBLE_EQ(ema.value(), 6.0);  // 4 + 0.5 * (8 - 4)
  ema.update(2);
  EXPECT_DOUBLE_EQ(ema.value(), 4.0);  // 6 + 0.5 * (2 - 6)
}

TEST(Ema, WeightIsTwoOverNPlusOne) {
  Ema ema(9);  // k = 0.2
  for (int i = 0; i < 9; ++i)
    ema.update(10);
  ema.update(20);
  EXPECT_DOUBLE_EQ(ema.value(), 12.0);
}

TEST(Ema, RejectsBadPeriodAndResets) {
  EXPECT_THROW(Ema(0), std::invalid_argument);
  Ema ema(2);
  ema.update(1);
  ema.update(3);
  ema.reset();
  EXPECT_FALSE(ema.ready());
  ema.update(10);
  ema.update(20);
  EXPECT_DOUBLE_EQ(ema.value(), 15.0);
}

}  // namespace
}  // namespace ibtrade::indicators
