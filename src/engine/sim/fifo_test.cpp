#include "engine/sim/fifo.hpp"

#include <deque>
#include <memory>
#include <random>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

TEST(Fifo, TakesItemsInTheOrderTheyCame) {
  Fifo<int> fifo;
  EXPECT_TRUE(fifo.empty());
  fifo.emplace_back(1);
  fifo.emplace_back(2);
  EXPECT_EQ(fifo.size(), 2U);
  EXPECT_EQ(fifo.front(), 1);
  fifo.pop_front();
  fifo.emplace_back(3);
  EXPECT_EQ(fifo.front(), 2);
  fifo.pop_front();
  EXPECT_EQ(fifo.front(), 3);
  fifo.pop_front();
  EXPECT_TRUE(fifo.empty());
  EXPECT_EQ(fifo.size(), 0U);
}

TEST(Fifo, HoldsMoveOnlyItems) {
  Fifo<std::unique_ptr<int>> fifo;
  fifo.emplace_back(std::make_unique<int>(4));
  fifo.emplace_back(nullptr);
  std::unique_ptr<int> first = std::move(fifo.front());
  fifo.pop_front();
  EXPECT_EQ(*first, 4);
  EXPECT_EQ(fifo.front(), nullptr);
}

// A queue that never drains keeps its order as the ring wraps around and grows.
TEST(Fifo, MatchesADequeWhenItNeverDrains) {
  Fifo<int> fifo;
  std::deque<int> expected;
  std::mt19937 random(7);
  int next = 0;
  for (int step = 0; step < 20'000; ++step) {
    const bool push = expected.size() < 2 || random() % 3 != 0;
    if (push) {
      fifo.emplace_back(next);
      expected.push_back(next++);
    } else {
      ASSERT_EQ(fifo.front(), expected.front());
      fifo.pop_front();
      expected.pop_front();
    }
    ASSERT_EQ(fifo.size(), expected.size());
  }
  while (!expected.empty()) {
    ASSERT_EQ(fifo.front(), expected.front());
    fifo.pop_front();
    expected.pop_front();
  }
  EXPECT_TRUE(fifo.empty());
}

// Growing while the items wrap around the end of the ring keeps them oldest first.
TEST(Fifo, GrowsWhileWrappedAround) {
  Fifo<int> fifo;
  for (int i = 0; i < 10; ++i)
    fifo.emplace_back(i);
  for (int i = 0; i < 8; ++i)
    fifo.pop_front();
  for (int i = 10; i < 40; ++i)
    fifo.emplace_back(i);  // wraps, then fills the ring and grows it twice
  for (int i = 8; i < 40; ++i) {
    ASSERT_EQ(fifo.front(), i);
    fifo.pop_front();
  }
  EXPECT_TRUE(fifo.empty());
}

// Reserving while the items wrap around keeps them oldest first, and a queue then holds what
// was reserved without growing further (its items keep their order across more wraps).
TEST(Fifo, ReserveWhileWrappedAroundKeepsTheOrder) {
  Fifo<int> fifo;
  for (int i = 0; i < 12; ++i)
    fifo.emplace_back(i);
  for (int i = 0; i < 9; ++i)
    fifo.pop_front();
  for (int i = 12; i < 20; ++i)
    fifo.emplace_back(i);  // wraps around the first ring of 16
  fifo.reserve(100);
  fifo.reserve(3);  // less than is held: nothing changes
  int next = 9;
  for (int i = 20; i < 300; ++i) {
    fifo.emplace_back(i);
    if (fifo.size() > 90) {
      ASSERT_EQ(fifo.front(), next++);
      fifo.pop_front();
    }
  }
  while (!fifo.empty()) {
    ASSERT_EQ(fifo.front(), next++);
    fifo.pop_front();
  }
  EXPECT_EQ(next, 300);
}

}  // namespace
}  // namespace ibtrade::engine
