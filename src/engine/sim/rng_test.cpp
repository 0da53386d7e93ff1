#include "engine/sim/rng.hpp"

#include <chrono>
#include <set>
#include <stdexcept>

#include <gtest/gtest.h>

#include "engine/sim/latency_model.hpp"

namespace ibtrade::engine {
namespace {

using namespace std::chrono_literals;

TEST(SimRng, SplitmixMatchesTheReferenceSequence) {
  // Published outputs of splitmix64 from state 0.
  std::uint64_t state = 0;
  EXPECT_EQ(splitmix64(state), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(splitmix64(state), 0x6E789E6AA1B965F4ULL);
  EXPECT_EQ(splitmix64(state), 0x06C45D188009454FULL);
}

TEST(SimRng, SameSeedSameStreamDifferentSeedDifferentStream) {
  Rng a(42);
  Rng b(42);
  Rng c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next();
    EXPECT_EQ(x, b.next());
    differs = differs || x != c.next();
  }
  EXPECT_TRUE(differs);
}

TEST(SimRng, StreamIsPinned) {
  // The reference xoshiro256** output when seeded through splitmix64 from 0. A change here
  // changes every seeded backtest, so it must be deliberate.
  Rng rng(0);
  const std::uint64_t first = rng.next();
  Rng again(0);
  EXPECT_EQ(again.next(), first);
  EXPECT_EQ(first, 0x99EC5F36CB75F2B4ULL) << std::hex << first;
}

TEST(SimRng, BoundedDrawsStayInRangeAndCoverIt) {
  Rng rng(7);
  std::set<std::int64_t> seen;
  for (int i = 0; i < 2000; ++i) {
    const auto x = rng.between(-3, 3);
    ASSERT_GE(x, -3);
    ASSERT_LE(x, 3);
    seen.insert(x);
    ASSERT_LT(rng.below(5), 5u);
  }
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(rng.between(9, 9), 9);
  EXPECT_THROW(rng.below(0), std::invalid_argument);
  EXPECT_THROW(rng.between(2, 1), std::invalid_argument);
}

TEST(SimLatency, UniformDrawsWithinItsRanges) {
  UniformLatency model(1ms, 5ms, 10us, 20us);
  Rng rng(3);
  for (int i = 0; i < 500; ++i) {
    const auto entry = model.entry_latency(Timestamp{}, rng);
    const auto response = model.response_latency(Timestamp{}, rng);
    ASSERT_GE(entry, 1ms);
    ASSERT_LE(entry, 5ms);
    ASSERT_GE(response, 10us);
    ASSERT_LE(response, 20us);
  }
  EXPECT_THROW(UniformLatency(2ms, 1ms, 0ms, 0ms), std::invalid_argument);
  FixedLatency fixed(3ms, 4ms);
  EXPECT_EQ(fixed.entry_latency(Timestamp{}, rng), 3ms);
  EXPECT_EQ(fixed.response_latency(Timestamp{}, rng), 4ms);
}

}  // namespace
}  // namespace ibtrade::engine
