#include "engine/risk/sliding_window.hpp"

#include <chrono>

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

}  // namespace
}  // namespace ibtrade::engine
