#include "engine/kernel/event_queue.hpp"

#include <chrono>
#include <deque>
#include <random>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

Timestamp at(std::int64_t s) {
  return Timestamp{std::chrono::seconds(s)};
}

TEST(EventQueue, PopsByTimeThenPushOrder) {
  EventQueue<std::string> q;
  q.push(at(5), "c");
  q.push(at(1), "a");  // earlier than the FIFO's last: goes to the heap
  q.push(at(5), "d");
  q.push(at(1), "b");
  q.push(at(9), "e");
  std::string order;
  Timestamp t;
  while (!q.empty())
    order += q.pop(t);
  EXPECT_EQ(order, "abcde");
}

TEST(EventQueue, MatchesASortedReferenceOnRandomPushes) {
  for (std::uint64_t seed : {1u, 7u, 2026u}) {
    std::mt19937_64 rng(seed);
    EventQueue<int> q;
    std::vector<std::pair<std::pair<std::int64_t, int>, int>> reference;  // ((time, seq), value)
    int seq = 0;
    Timestamp now = at(0);
    for (int step = 0; step < 2000; ++step) {
      if (rng() % 3 != 0 || q.empty()) {
        const std::int64_t time =
            std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() +
            static_cast<std::int64_t>(rng() % 5);
        q.push(at(time), seq);
        reference.push_back({{time, seq}, seq});
        ++seq;
      } else {
        std::sort(reference.begin(), reference.end());
        Timestamp t;
        const int value = q.pop(t);
        ASSERT_EQ(value, reference.front().second) << "seed " << seed;
        ASSERT_EQ(t, at(reference.front().first.first)) << "seed " << seed;
        now = t;
        reference.erase(reference.begin());
      }
    }
  }
}

TEST(StampedFifo, HandlesTheFrontInPlaceWhilePushesKeepTheirOrder) {
  StampedFifo<std::string> fifo;
  std::uint64_t seq = 0;
  fifo.push(at(1), seq++, "a");
  fifo.push(at(2), seq++, "b");
  std::string order;
  // Each handled item pushes two more while it is handled; its value must stay where it is.
  while (!fifo.empty()) {
    const Timestamp t = fifo.front().at;
    fifo.consume_front([&](const std::string& value) {
      const std::string* before = &value;
      if (value.size() < 3) {
        fifo.push(t + std::chrono::seconds(10), seq++, value + "1");
        fifo.push(t + std::chrono::seconds(10), seq++, value + "2");
      }
      EXPECT_EQ(before, &value);
      EXPECT_EQ(fifo.back().value.back(), '2');
      order += value + " ";
    });
  }
  EXPECT_EQ(order, "a b a1 a2 b1 b2 a11 a12 a21 a22 b11 b12 b21 b22 ");
}

TEST(StampedFifo, FrontIsDroppedEvenWhenTheHandlerThrows) {
  StampedFifo<int> fifo;
  fifo.push(at(1), 0, 1);
  fifo.push(at(2), 1, 2);
  EXPECT_THROW(fifo.consume_front([](int) { throw std::runtime_error("boom"); }),
               std::runtime_error);
  ASSERT_FALSE(fifo.empty());
  EXPECT_EQ(fifo.front().value, 2);
  EXPECT_EQ(fifo.front().seq, 1U);
  fifo.consume_front([](int) {});
  EXPECT_TRUE(fifo.empty());
  fifo.push(at(3), 2, 3);  // reused after draining
  EXPECT_EQ(fifo.front().value, 3);
  EXPECT_EQ(fifo.back().value, 3);
}

// Slots are written in place and reused: a value left by an earlier item is overwritten, the
// queue grows while wrapped and while its front is being handled, and every item comes out once,
// in push order, with its stamp, from a slot that stayed where it was.
TEST(StampedFifo, ReusesSlotsInPlaceAcrossWrapsAndGrowth) {
  StampedFifo<std::string> fifo;
  std::deque<std::string> reference;
  std::mt19937 rng(11);
  std::uint64_t seq = 0;
  const auto push = [&] {
    std::string& slot = fifo.next_slot();
    slot = "item-" + std::to_string(seq);
    reference.push_back(slot);
    fifo.push_next(at(static_cast<std::int64_t>(seq)), seq);
    ++seq;
  };
  for (int round = 0; round < 2000; ++round) {
    const int pushes = round % 89 == 0 ? 50 : static_cast<int>(rng() % 4);
    for (int i = 0; i < pushes; ++i)
      push();
    ASSERT_EQ(fifo.size(), reference.size());
    if (!reference.empty()) {
      EXPECT_EQ(fifo.back().value, reference.back());
    }
    const int pops = static_cast<int>(rng() % 4);
    for (int i = 0; i < pops && !reference.empty(); ++i) {
      const std::uint64_t expected_seq = fifo.front().seq;
      EXPECT_EQ(fifo.front().at, at(static_cast<std::int64_t>(expected_seq)));
      fifo.consume_front([&](const std::string& value) {
        const std::string* before = &value;
        if (round % 97 == 0) {  // pushes enough while handled to grow the queue
          for (int k = 0; k < 40; ++k)
            push();
        }
        EXPECT_EQ(before, &value);
        EXPECT_EQ(value, reference.front());
      });
      reference.pop_front();
    }
    EXPECT_EQ(fifo.empty(), reference.empty());
  }
}

// A writer that takes the next slot right after each push (as the simulation's venue outbox
// does) and keeps the reference until its next push: items are consumed and the queue grows in
// between, and the reference still names the slot that is queued next, which is never one
// that is queued or being handled.
TEST(StampedFifo, NextSlotStaysPutUntilItIsPushed) {
  StampedFifo<std::string> fifo;
  std::deque<std::string> reference;
  std::mt19937 rng(5);
  std::uint64_t seq = 0;
  std::string* draft = &fifo.next_slot();
  const auto push = [&] {
    EXPECT_EQ(draft, &fifo.next_slot());
    *draft = "item-" + std::to_string(seq);
    reference.push_back(*draft);
    fifo.push_next(at(static_cast<std::int64_t>(seq)), seq);
    ++seq;
    draft = &fifo.next_slot();
  };
  for (int round = 0; round < 2000; ++round) {
    const int pushes = round % 61 == 0 ? 40 : static_cast<int>(rng() % 4);
    for (int i = 0; i < pushes; ++i)
      push();
    const int pops = static_cast<int>(rng() % 4);
    for (int i = 0; i < pops && !reference.empty(); ++i) {
      fifo.consume_front([&](const std::string& value) {
        EXPECT_NE(&value, draft);
        if (round % 83 == 0) {  // pushes enough while handled to grow the queue
          for (int k = 0; k < 40; ++k)
            push();
        }
        EXPECT_EQ(value, reference.front());
      });
      reference.pop_front();
    }
    ASSERT_EQ(fifo.size(), reference.size());
  }
}

// Pushes and pops interleaved so that the ring wraps around its buffer many times and grows
// while wrapped: every item comes out once, in push order, with its stamp.
TEST(StampedRing, KeepsPushOrderAcrossWrapsAndGrowth) {
  StampedRing<int> ring;
  std::deque<int> reference;
  std::mt19937 rng(7);
  int next = 0;
  for (int round = 0; round < 2000; ++round) {
    // Mostly a few pushes then as many pops; now and then a burst that forces growth.
    const int pushes = round % 97 == 0 ? 40 : static_cast<int>(rng() % 4);
    for (int i = 0; i < pushes; ++i) {
      ring.push(at(next), static_cast<std::uint64_t>(next), next);
      reference.push_back(next++);
    }
    ASSERT_EQ(ring.size(), reference.size());
    if (!reference.empty()) {
      EXPECT_EQ(ring.back().value, reference.back());
      EXPECT_EQ(ring.front().value, reference.front());
    }
    const int pops = static_cast<int>(rng() % 4);
    for (int i = 0; i < pops && !reference.empty(); ++i) {
      const auto item = ring.pop();
      EXPECT_EQ(item.value, reference.front());
      EXPECT_EQ(item.seq, static_cast<std::uint64_t>(reference.front()));
      EXPECT_EQ(item.at, at(reference.front()));
      reference.pop_front();
    }
    EXPECT_EQ(ring.empty(), reference.empty());
  }
  while (!reference.empty()) {
    EXPECT_EQ(ring.pop().value, reference.front());
    reference.pop_front();
  }
  EXPECT_TRUE(ring.empty());
}

}  // namespace
}  // namespace ibtrade::engine
