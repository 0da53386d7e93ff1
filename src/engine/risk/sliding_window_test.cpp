#include "engine/risk/sliding_window.hpp"

#include <chrono>
#include <deque>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

using namespace std::chrono_literals;

TEST(SlidingWindow, CountsEventsInTheLastWidthHalfOpen) {
  SlidingWindow window(1s);
  const Timestamp t0 = Timestamp{} + 1000h;
  EXPECT_EQ(window.count(t0), 0U);
  window.record(t0);
  window.record(t0 + 300ms);
  window.record(t0 + 300ms);  // simultaneous events both count
  EXPECT_EQ(window.count(t0 + 300ms), 3U);
  EXPECT_EQ(window.count(t0 + 999'999'999ns), 3U);
  EXPECT_EQ(window.count(t0 + 1s), 2U);  // exactly one width later the first has left
  EXPECT_EQ(window.count(t0 + 1300ms), 0U);
  window.record(t0 + 5s);
  EXPECT_EQ(window.count(t0 + 5s), 1U);
}

// The ring buffer wraps around and grows while wrapped; the count must follow a plain list.
TEST(SlidingWindow, MatchesAListThroughWrapAroundAndGrowth) {
  SlidingWindow window(1s);
  std::deque<Timestamp> expected;
  Timestamp now = Timestamp{} + 1000h;
  for (int i = 0; i < 5'000; ++i) {
    // Bursts of up to 40 events in a few milliseconds, then pauses of up to 1.2 s.
    now += (i % 37 == 0) ? std::chrono::milliseconds(100 + (i * 7) % 1100)
                         : std::chrono::microseconds((i * 13) % 200);
    while (!expected.empty() && now - expected.front() >= 1s)
      expected.pop_front();
    ASSERT_EQ(window.count(now), expected.size()) << i;
    if (i % 5 != 4) {
      window.record(now);
      expected.push_back(now);
    }
  }
}

}  // namespace
}  // namespace ibtrade::engine
