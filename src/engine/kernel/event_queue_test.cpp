#include "engine/kernel/event_queue.hpp"

#include <random>
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

}  // namespace
}  // namespace ibtrade::engine
