#include "adapters/system/live_clock.hpp"

#include <gtest/gtest.h>

namespace ibtrade {
namespace {

TEST(LiveClock, ReadsTheSystemClockInUtcNanoseconds) {
  LiveClock clock;
  const auto before = std::chrono::system_clock::now();
  const Timestamp now = clock.now();
  const auto after = std::chrono::system_clock::now();
  EXPECT_LE(before, now);
  EXPECT_LE(now, after);
}

}  // namespace
}  // namespace ibtrade
