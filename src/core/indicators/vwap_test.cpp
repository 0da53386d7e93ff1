#include "core/indicators/vwap.hpp"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

namespace ibtrade::indicators {
namespace {

TEST(Vwap, VolumeWeightedTypicalPriceWithBands) {
  Vwap vwap(2.0);
  EXPECT_FALSE(vwap.ready());
  EXPECT_TRUE(std::isnan(vwap.value()));
  vwap.update(11, 9, 10, 100);  // typical 10
  ASSERT_TRUE(vwap.ready());
  EXPECT_EQ(vwap.value(), 10.0);
  EXPECT_EQ(vwap.stdev(), 0.0);
  vwap.update(12, 10, 11, 300);           // typical 11
  EXPECT_DOUBLE_EQ(vwap.value(), 10.75);  // (1000 + 3300) / 400
  // (100 * 0.75^2 + 300 * 0.25^2) / 400 = 0.1875
  EXPECT_DOUBLE_EQ(vwap.stdev(), std::sqrt(0.1875));
  EXPECT_DOUBLE_EQ(vwap.bands().upper, 10.75 + 2.0 * std::sqrt(0.1875));
  EXPECT_DOUBLE_EQ(vwap.bands().lower, 10.75 - 2.0 * std::sqrt(0.1875));
  EXPECT_EQ(vwap.volume(), 400.0);
}

TEST(Vwap, ZeroVolumeBarsCarryNoWeight) {
  Vwap vwap;
  vwap.update(20, 20, 20, 0);
  EXPECT_FALSE(vwap.ready());  // nothing traded yet this session
  vwap.update(11, 9, 10, 100);
  vwap.update(500, 400, 450, 0);
  EXPECT_EQ(vwap.value(), 10.0);
  EXPECT_EQ(vwap.stdev(), 0.0);
}

TEST(Vwap, NewSessionStartsAfresh) {
  Vwap vwap;
  vwap.update(11, 9, 10, 100);
  vwap.update(12, 10, 11, 300);
  vwap.start_session();
  EXPECT_FALSE(vwap.ready());
  vwap.update(5, 5, 5, 10);
  EXPECT_EQ(vwap.value(), 5.0);
  EXPECT_EQ(vwap.bands().upper, 5.0);
  EXPECT_EQ(vwap.bands().lower, 5.0);
}

// West's update against the direct formula, at price scale with a small spread.
TEST(Vwap, AccurateAtPriceScale) {
  Vwap vwap;
  long double pv = 0;
  long double v = 0;
  std::vector<std::pair<double, double>> seen;
  for (int i = 0; i < 1000; ++i) {
    const double price = 4000.0 + 0.25 * ((i * 7919) % 13);
    const double volume = 1.0 + (i * 104729) % 500;
    vwap.update(price, price, price, volume);
    seen.emplace_back(price, volume);
    pv += static_cast<long double>(price) * volume;
    v += volume;
  }
  const long double mean = pv / v;
  long double sq = 0;
  for (auto [p, w] : seen)
    sq += w * (p - mean) * (p - mean);
  EXPECT_NEAR(vwap.value(), static_cast<double>(mean), 1e-12 * 4000.0);
  EXPECT_NEAR(vwap.stdev(), static_cast<double>(std::sqrt(sq / v)), 1e-10);
}

TEST(Vwap, RejectsBadK) {
  EXPECT_THROW(Vwap(-1.0), std::invalid_argument);
}

}  // namespace
}  // namespace ibtrade::indicators
