// Pacing, backoff, line budget and watchdog: the connection policies IB imposes, checked with
// explicit times.
#include <gtest/gtest.h>

#include "adapters/tws/session/data_watchdog.hpp"
#include "adapters/tws/session/historical_pacer.hpp"
#include "adapters/tws/session/line_budget.hpp"
#include "adapters/tws/session/message_pacer.hpp"
#include "adapters/tws/session/reconnect_backoff.hpp"

namespace ibtrade::tws {
namespace {

using namespace std::chrono_literals;

Timestamp at(Nanoseconds offset) {
  return Timestamp{std::chrono::hours(24 * 365 * 50)} + offset;
}

TEST(MessagePacer, FiftyInAnySecondThenWaitsForTheOldestToLeave) {
  MessagePacer pacer(50);
  Timestamp now = at(0ms);
  for (int i = 0; i < 50; ++i) {
    ASSERT_EQ(pacer.next_slot(now), now) << i;
    pacer.sent(now);
    now += 10ms;  // 50 messages over 490 ms
  }
  // The 51st may go only once the first is a full second old.
  EXPECT_EQ(pacer.next_slot(at(500ms)), at(1000ms));
  pacer.sent(at(1000ms));
  EXPECT_EQ(pacer.next_slot(at(1000ms)), at(1010ms));  // now the second one must leave
  // After a quiet second everything is free again.
  EXPECT_EQ(pacer.next_slot(at(3000ms)), at(3000ms));
}

TEST(MessagePacer, NeverMoreThanTheLimitInAnyWindow) {
  MessagePacer pacer(5);
  std::vector<Timestamp> sends;
  Timestamp now = at(0ms);
  for (int i = 0; i < 200; ++i) {
    now = pacer.next_slot(now + Nanoseconds((i * 37) % 90 * 1'000'000));
    pacer.sent(now);
    sends.push_back(now);
  }
  for (std::size_t i = 0; i < sends.size(); ++i) {
    std::size_t in_window = 0;
    for (std::size_t j = 0; j <= i; ++j) {
      if (sends[j] > sends[i] - 1s) ++in_window;
    }
    ASSERT_LE(in_window, 5u) << "at send " << i;
  }
}

HistoricalKey key(std::string contract, std::string what = "TRADES", std::string end = "") {
  return HistoricalKey{std::move(contract), "SMART", std::move(what),
                       std::move(end),      "1 D",   "1 min"};
}

TEST(HistoricalPacer, IdenticalRequestsWaitFifteenSeconds) {
  HistoricalPacer pacer;
  pacer.sent(key("AAPL"), at(0s));
  pacer.finished();
  EXPECT_EQ(pacer.earliest(key("AAPL"), at(1s)), at(15s));
  // Another end date is not identical: only the 2 s burst rule applies, and it is not reached.
  EXPECT_EQ(pacer.earliest(key("AAPL", "TRADES", "20261120 16:00:00"), at(1s)), at(1s));
}

TEST(HistoricalPacer, AtMostFiveForOneContractInTwoSeconds) {
  HistoricalPacer pacer;
  for (int i = 0; i < 5; ++i) {
    const HistoricalKey k = key("MSFT", "TRADES", "end" + std::to_string(i));
    ASSERT_EQ(pacer.earliest(k, at(i * 100ms)), at(i * 100ms));
    pacer.sent(k, at(i * 100ms));
  }
  EXPECT_EQ(pacer.earliest(key("MSFT", "TRADES", "end5"), at(500ms)), at(2000ms));
  EXPECT_EQ(pacer.earliest(key("IBM", "TRADES", "x"), at(500ms)), at(500ms));  // other contract
}

TEST(HistoricalPacer, SixtyPerTenMinutesWithBidAskCountingTwice) {
  HistoricalPacingLimits limits;
  limits.max_open = 1000;
  HistoricalPacer pacer(limits);
  for (int i = 0; i < 59; ++i)
    pacer.sent(key("S" + std::to_string(i)), at(i * 1s));
  EXPECT_EQ(pacer.earliest(key("X"), at(59s)), at(59s));  // the 60th fits
  // BID_ASK needs two units: it waits until the first request leaves the window.
  EXPECT_EQ(pacer.earliest(key("Y", "BID_ASK"), at(59s)), at(10min));
  pacer.sent(key("X"), at(59s));
  EXPECT_EQ(pacer.earliest(key("Z"), at(60s)), at(10min));
}

TEST(HistoricalPacer, OpenRequestsAreBounded) {
  HistoricalPacingLimits limits;
  limits.max_open = 2;
  HistoricalPacer pacer(limits);
  pacer.sent(key("A"), at(0s));
  pacer.sent(key("B"), at(0s));
  EXPECT_EQ(pacer.earliest(key("C"), at(1s)), Timestamp::max());
  pacer.finished();
  EXPECT_EQ(pacer.earliest(key("C"), at(1s)), at(1s));
}

TEST(ReconnectBackoff, GrowsToTheCapWithJitterAndResetsAfterAStableConnection) {
  ReconnectBackoff backoff({1s, 60s, 30s});
  EXPECT_EQ(backoff.ceiling(), 1s);
  const std::uint64_t max_draw = ~std::uint64_t{0};
  std::vector<Nanoseconds> ceilings;
  for (int i = 0; i < 9; ++i) {
    const Nanoseconds bound = backoff.ceiling();
    ceilings.push_back(bound);
    const Nanoseconds delay = backoff.next_delay(max_draw - static_cast<std::uint64_t>(i));
    EXPECT_LE(delay, bound);
    EXPECT_GE(delay, Nanoseconds::zero());
  }
  EXPECT_EQ(ceilings, (std::vector<Nanoseconds>{1s, 2s, 4s, 8s, 16s, 32s, 60s, 60s, 60s}));
  EXPECT_EQ(backoff.next_delay(0), Nanoseconds::zero());  // full jitter includes "now"
  backoff.connection_lost(at(0s), at(5s));                // a short-lived connection
  EXPECT_EQ(backoff.ceiling(), 60s);
  backoff.connection_lost(at(0s), at(45s));  // stayed up: start over
  EXPECT_EQ(backoff.ceiling(), 1s);
  EXPECT_THROW(ReconnectBackoff({0s, 1s, 1s}), std::invalid_argument);
}

TEST(LineBudget, RefusesBeyondTheLinesAndGivesThemBack) {
  LineBudget budget(2);
  EXPECT_TRUE(budget.acquire(1));
  EXPECT_TRUE(budget.acquire(1));  // same request: still one line
  EXPECT_TRUE(budget.acquire(2));
  EXPECT_FALSE(budget.acquire(3));
  EXPECT_EQ(budget.available(), 0u);
  budget.release(1);
  EXPECT_TRUE(budget.acquire(3));
  EXPECT_EQ(budget.used(), 2u);
}

TEST(DataWatchdog, ReportsASilentSubscriptionOnceUntilDataReturns) {
  DataWatchdog dog;
  dog.watch(7, 15s, at(0s));
  dog.watch(8, 15s, at(0s));
  dog.data(7, at(10s));
  EXPECT_TRUE(dog.silent(at(14s)).empty());
  EXPECT_EQ(dog.silent(at(16s)), (std::vector<std::int64_t>{8}));
  EXPECT_TRUE(dog.silent(at(17s)).empty());  // reported already
  EXPECT_EQ(dog.silent(at(26s)), (std::vector<std::int64_t>{7}));
  dog.data(8, at(27s));
  EXPECT_TRUE(dog.silent(at(30s)).empty());
  EXPECT_EQ(dog.silent(at(43s)), (std::vector<std::int64_t>{8}));
  dog.forget(8);
  dog.data(99, at(44s));  // unknown: ignored
  EXPECT_EQ(dog.watched(), 1u);
}

}  // namespace
}  // namespace ibtrade::tws
