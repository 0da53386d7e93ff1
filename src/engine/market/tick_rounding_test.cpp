#include "engine/market/tick_rounding.hpp"

#include <gtest/gtest.h>

#include "engine/market/random_stream.hpp"

namespace ibtrade::engine::market {
namespace {

Price px(const char* text) {
  return *Price::parse(text);
}

TEST(MarketTickRounding, CentsAboveADollarSubPenniesBelow) {
  struct Case {
    double input;
    const char* expected;
  };
  const Case cases[] = {
      {123.456, "123.46"}, {1.0, "1.00"},       {1.004, "1.00"}, {0.99996, "1.00"},
      {0.56789, "0.5679"}, {0.00004, "0.0001"}, {0.0, "0.0001"}, {-3.0, "0.0001"},
      {45.0051, "45.01"},  {2.0000001, "2.00"},
  };
  for (const auto& c : cases) {
    const Price got = to_tick_price(c.input);
    EXPECT_EQ(got, px(c.expected)) << c.input;
    EXPECT_EQ(got.to_string(), c.expected) << c.input;
  }
}

TEST(MarketTickRounding, IsMonotone) {
  RandomStream random(1);
  for (int i = 0; i < 100'000; ++i) {
    const double a = random.log_uniform(0.001, 1000.0);
    const double b = a * (1.0 + 0.01 * random.uniform());
    EXPECT_LE(to_tick_price(a), to_tick_price(b)) << a << " " << b;
  }
}

}  // namespace
}  // namespace ibtrade::engine::market
