#include "engine/kernel/merged_bar_feed.hpp"

#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

using namespace std::chrono_literals;

// 2026-03-02 14:30 UTC; bars are named by their minute after it.
Timestamp start() {
  return Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} + 14h + 30min};
}

MarketBar bar_at(const Symbol& symbol, int minute) {
  const Price p = Price::from_units(10);
  return MarketBar{symbol, Bar{start() + std::chrono::minutes(minute), p, p, p, p, Quantity{}},
                   1min};
}

std::vector<MarketBar> bars(const Symbol& symbol, std::initializer_list<int> minutes) {
  std::vector<MarketBar> out;
  for (int m : minutes)
    out.push_back(bar_at(symbol, m));
  return out;
}

// "SYM@minute" for each merged bar, to compare whole sequences at once.
std::vector<std::string> drain(BarFeed& feed) {
  std::vector<std::string> out;
  while (auto b = feed.next()) {
    out.push_back(b->symbol + "@" +
                  std::to_string((b->bar.time - start()) / std::chrono::minutes(1)));
  }
  return out;
}

// A feed that makes its bars on demand and counts how often it is asked.
class CountingFeed final : public BarFeed {
 public:
  CountingFeed(Symbol symbol, int count, int step)
      : symbol_(std::move(symbol)), count_(count), step_(step) {}
  std::optional<MarketBar> next() override {
    ++calls_;
    if (made_ == count_) return std::nullopt;
    return bar_at(symbol_, made_++ * step_);
  }
  int calls() const { return calls_; }

 private:
  Symbol symbol_;
  int count_;
  int step_;
  int made_ = 0;
  int calls_ = 0;
};

TEST(MergedBarFeed, MergesInTimeOrderWithTiesInTheOrderFeedsWereAdded) {
  VectorBarFeed a(bars("AAA", {0, 3, 5}));
  VectorBarFeed b(bars("BBB", {0, 2, 5, 5}));  // equal times within one feed are allowed
  VectorBarFeed c(bars("CCC", {}));
  VectorBarFeed d(bars("DDD", {1, 5, 9}));
  MergedBarFeed merged;
  merged.add(a);
  merged.add(b);
  merged.add(c);
  merged.add(d);
  EXPECT_EQ(merged.feed_count(), 4u);
  EXPECT_EQ(drain(merged), (std::vector<std::string>{"AAA@0", "BBB@0", "DDD@1", "BBB@2", "AAA@3",
                                                     "AAA@5", "BBB@5", "BBB@5", "DDD@5", "DDD@9"}));
  EXPECT_FALSE(merged.next().has_value());
}

TEST(MergedBarFeed, AddingInAnotherOrderFlipsOnlyTheTies) {
  VectorBarFeed a(bars("AAA", {0, 3, 5}));
  VectorBarFeed b(bars("BBB", {0, 2, 5}));
  MergedBarFeed merged({&b, &a});
  EXPECT_EQ(drain(merged),
            (std::vector<std::string>{"BBB@0", "AAA@0", "BBB@2", "AAA@3", "BBB@5", "AAA@5"}));
}

TEST(MergedBarFeed, EmptyMergesEnd) {
  MergedBarFeed none;
  EXPECT_FALSE(none.next().has_value());
  VectorBarFeed empty({});
  MergedBarFeed one_empty({&empty});
  EXPECT_FALSE(one_empty.next().has_value());
}

TEST(MergedBarFeed, HoldsOnePendingBarPerFeed) {
  CountingFeed a("AAA", 100'000, 2);  // minutes 0, 2, 4, ...
  CountingFeed b("BBB", 100'000, 3);  // minutes 0, 3, 6, ...
  MergedBarFeed merged({&a, &b});
  auto first = merged.next();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->symbol, "AAA");
  EXPECT_EQ(a.calls(), 2);  // its first bar, given out, and the one now pending
  EXPECT_EQ(b.calls(), 1);  // its first bar, pending
  int emitted = 1;
  Timestamp last = first->bar.time;
  while (auto bar = merged.next()) {
    ASSERT_GE(bar->bar.time, last);
    last = bar->bar.time;
    ++emitted;
    // Each feed is asked once per bar it gave out, plus the one pending bar (and the final
    // nullopt): nothing is read ahead.
    ASSERT_LE(a.calls() + b.calls(), emitted + 2);
  }
  EXPECT_EQ(emitted, 200'000);
}

TEST(MergedBarFeed, AddingAfterStartingIsABug) {
  VectorBarFeed a(bars("AAA", {0}));
  VectorBarFeed b(bars("BBB", {0}));
  MergedBarFeed merged({&a});
  ASSERT_TRUE(merged.next().has_value());
  EXPECT_THROW(merged.add(b), std::logic_error);
}

TEST(MergedBarFeed, AFeedGoingBackInTimeIsABug) {
  VectorBarFeed a(bars("AAA", {0, 5, 1}));
  MergedBarFeed merged({&a});
  ASSERT_TRUE(merged.next().has_value());
  ASSERT_TRUE(merged.next().has_value());
  EXPECT_THROW(merged.next(), std::logic_error);
}

}  // namespace
}  // namespace ibtrade::engine
