#include "core/indicators/sma.hpp"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

namespace ibtrade::indicators {
namespace {

TEST(Sma, AveragesTheLastNValues) {
  Sma sma(3);
  sma.update(1);
  sma.update(2);
  EXPECT_FALSE(sma.ready());
  EXPECT_TRUE(std::isnan(sma.value()));
  sma.update(3);
  EXPECT_TRUE(sma.ready());
  EXPECT_DOUBLE_EQ(sma.value(), 2.0);
  sma.update(4);
  EXPECT_DOUBLE_EQ(sma.value(), 3.0);
  sma.update(5);
  EXPECT_DOUBLE_EQ(sma.value(), 4.0);
  EXPECT_EQ(sma.period(), 3);
}

TEST(Sma, PeriodOneIsTheValue) {
  Sma sma(1);
  sma.update(7.25);
  EXPECT_EQ(sma.value(), 7.25);
  EXPECT_THROW(Sma(0), std::invalid_argument);
}

TEST(Sma, ResetForgetsThePast) {
  Sma sma(2);
  sma.update(100);
  sma.update(200);
  sma.reset();
  EXPECT_FALSE(sma.ready());
  sma.update(1);
  sma.update(3);
  EXPECT_DOUBLE_EQ(sma.value(), 2.0);
}

}  // namespace
}  // namespace ibtrade::indicators
