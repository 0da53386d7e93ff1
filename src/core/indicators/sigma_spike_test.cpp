#include "core/indicators/sigma_spike.hpp"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

namespace ibtrade::indicators {
namespace {

TEST(SigmaSpike, TodaysReturnOverYesterdaysSigma) {
  SigmaSpike spike(2);
  spike.update(100);
  spike.update(101);            // r = 0.01
  spike.update(99.99);          // r = -0.01
  EXPECT_FALSE(spike.ready());  // today's return would be in its own sigma: not yet
  EXPECT_TRUE(std::isnan(spike.value()));
  spike.update(102);  // sigma of (0.01, -0.01) = 0.01, population
  ASSERT_TRUE(spike.ready());
  const double r1 = 101.0 / 100.0 - 1.0;
  const double r2 = 99.99 / 101.0 - 1.0;
  const double mean = (r1 + r2) / 2.0;
  const double sigma = std::sqrt(((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean)) / 2.0);
  EXPECT_NEAR(sigma, 0.01, 1e-15);
  EXPECT_DOUBLE_EQ(spike.previous_sigma(), sigma);
  EXPECT_DOUBLE_EQ(spike.last_return(), 102.0 / 99.99 - 1.0);
  EXPECT_DOUBLE_EQ(spike.value(), (102.0 / 99.99 - 1.0) / sigma);
}

TEST(SigmaSpike, FirstValueNeedsNPlusTwoCloses) {
  SigmaSpike spike(20);
  int closes = 0;
  while (!spike.ready()) {
    spike.update(100.0 + (closes % 3));
    ++closes;
  }
  EXPECT_EQ(closes, 22);
}

TEST(SigmaSpike, UndefinedAfterFlatReturns) {
  SigmaSpike spike(3);
  for (int i = 0; i < 4; ++i)
    spike.update(50.0);  // returns 0, 0, 0
  spike.update(55.0);
  EXPECT_FALSE(spike.ready());  // sigma 0: a 10% move is not "infinitely" unusual
  EXPECT_TRUE(std::isnan(spike.value()));
  spike.update(55.0);  // previous returns 0, 0, 0.1
  EXPECT_TRUE(spike.ready());
  EXPECT_EQ(spike.value(), 0.0);
}

TEST(SigmaSpike, RejectsBadPeriodAndResets) {
  EXPECT_THROW(SigmaSpike(1), std::invalid_argument);
  SigmaSpike spike(2);
  for (double c : {10.0, 11.0, 10.0, 12.0})
    spike.update(c);
  ASSERT_TRUE(spike.ready());
  spike.reset();
  EXPECT_FALSE(spike.ready());
  spike.update(12.0);
  EXPECT_FALSE(spike.ready());
}

}  // namespace
}  // namespace ibtrade::indicators
