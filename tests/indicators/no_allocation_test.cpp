// Updating indicators must not allocate: this binary counts every operator new and feeds real
// bars through all of them. A separate binary, so that the counting allocator touches no other
// test.
#include <cstddef>
#include <cstdlib>
#include <new>

#include <gtest/gtest.h>

#include "adapters/csv/bar_csv.hpp"
#include "core/indicators/indicator_set.hpp"

namespace {
std::size_t g_allocations = 0;  // test-only global: the allocator has nowhere else to count
}

void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

namespace ibtrade::indicators {
namespace {

TEST(Indicators, UpdatingAllocatesNothing) {
  auto bars = csv::read_bar_csv(IBTRADE_DATA_DIR "/index-2006-1min.csv", {});
  ASSERT_TRUE(bars.ok()) << bars.error().message;
  IndicatorSetConfig config;
  config.sma = 20;
  config.ema = 20;
  config.macd = MacdParams{};
  config.vwap_k = 2.0;
  config.rsi = 14;
  config.atr = 14;
  config.bbands = BollingerParams{};
  config.zscore = 20;
  config.sigma_spike = 20;
  IndicatorSet set(config);

  const std::size_t before = g_allocations;
  double checksum = 0;
  for (std::size_t i = 0; i < bars->rows.size(); ++i) {
    set.update(bars->rows[i].bar, i == 0 || bars->rows[i].date != bars->rows[i - 1].date);
    for (double v : set.values())
      checksum += v == v ? v : 0.0;
  }
  set.reset();
  const std::size_t during = g_allocations - before;
  EXPECT_EQ(during, 0u);
  EXPECT_GT(checksum, 0.0);

  // The counter works: constructing does allocate (ring buffers, column list).
  IndicatorSet another(config);
  EXPECT_GT(g_allocations, before);
}

}  // namespace
}  // namespace ibtrade::indicators
