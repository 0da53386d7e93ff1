#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace ibtrade {
namespace {

using namespace std::chrono_literals;

Timestamp at(std::int64_t seconds) {
  return Timestamp{std::chrono::seconds(seconds)};
}

std::vector<std::string> names(const std::vector<TimerEvent>& events) {
  std::vector<std::string> out;
  out.reserve(events.size());
  for (const auto& e : events)
    out.push_back(e.name);
  return out;
}

TEST(TestClock, StandsStillUntilAdvanced) {
  TestClock clock(at(100));
  EXPECT_EQ(clock.now(), at(100));
  EXPECT_TRUE(clock.advance_by(5s).empty());
  EXPECT_EQ(clock.now(), at(105));
}

TEST(TestClock, AdvancingReturnsDueTimersInOrder) {
  TestClock clock(at(0));
  clock.set_timer("c", at(30));
  clock.set_timer("a", at(10));
  clock.set_timer("b1", at(20));
  clock.set_timer("b2", at(20));  // same instant: set order breaks the tie
  clock.set_timer("late", at(100));
  const auto fired = clock.advance_to(at(30));
  EXPECT_EQ(names(fired), (std::vector<std::string>{"a", "b1", "b2", "c"}));
  EXPECT_EQ(fired[0].at, at(10));
  EXPECT_EQ(clock.now(), at(30));
  EXPECT_EQ(clock.timers().next_due(), at(100));
}

TEST(TestClock, RepeatingTimerFiresOncePerElapsedInterval) {
  TestClock clock(at(0));
  clock.set_timer("tick", at(10), 10s);
  clock.set_timer("once", at(25));
  const auto fired = clock.advance_to(at(40));
  EXPECT_EQ(names(fired), (std::vector<std::string>{"tick", "tick", "once", "tick", "tick"}));
  EXPECT_EQ(fired[4].at, at(40));
  EXPECT_EQ(clock.timers().next_due(), at(50));
}

TEST(TestClock, CancelledTimersDoNotFire) {
  TestClock clock(at(0));
  const auto id = clock.set_timer("x", at(10));
  clock.set_timer("y", at(10));
  EXPECT_TRUE(clock.timers().cancel(id));
  EXPECT_FALSE(clock.timers().cancel(id));
  EXPECT_EQ(names(clock.advance_to(at(10))), (std::vector<std::string>{"y"}));
  EXPECT_EQ(clock.timers().size(), 0u);
  EXPECT_EQ(clock.timers().next_due(), Timestamp::max());
}

TEST(TestClockDeathTest, TimeNeverRunsBackward) {
  TestClock clock(at(10));
  EXPECT_DEATH((void)clock.advance_to(at(5)), "");
}

}  // namespace
}  // namespace ibtrade
