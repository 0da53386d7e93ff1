#include "engine/market/universe.hpp"

#include <cctype>
#include <set>

#include <gtest/gtest.h>

namespace ibtrade::engine::market {
namespace {

TEST(MarketUniverse, TickersAreUniqueUpperCaseAndThreeOrFourLetters) {
  const Universe universe(17, 3000);
  std::set<Symbol> seen;
  for (const auto& p : universe.symbols()) {
    EXPECT_TRUE(p.symbol.size() == 3 || p.symbol.size() == 4) << p.symbol;
    for (const char c : p.symbol)
      EXPECT_TRUE(std::isupper(static_cast<unsigned char>(c))) << p.symbol;
    EXPECT_TRUE(seen.insert(p.symbol).second) << "duplicate " << p.symbol;
    EXPECT_FALSE(p.name.empty());
    EXPECT_EQ(universe.find(p.symbol), p.index);
  }
  EXPECT_FALSE(universe.find("NOT-A-TICKER").has_value());
}

TEST(MarketUniverse, ASmallerUniverseIsAPrefixOfALargerOne) {
  const Universe small(42, 5);
  const Universe large(42, 50);
  for (std::size_t k = 0; k < small.size(); ++k) {
    EXPECT_EQ(small.at(k).symbol, large.at(k).symbol);
    EXPECT_EQ(small.at(k).name, large.at(k).name);
    EXPECT_EQ(small.at(k).start_price, large.at(k).start_price);
    EXPECT_EQ(small.at(k).shares_outstanding, large.at(k).shares_outstanding);
    EXPECT_EQ(small.at(k).earnings.profile, large.at(k).earnings.profile);
  }
}

TEST(MarketUniverse, DifferentSeedsGiveDifferentUniverses) {
  const Universe a(1, 20);
  const Universe b(2, 20);
  int same = 0;
  for (std::size_t k = 0; k < 20; ++k)
    same += a.at(k).symbol == b.at(k).symbol ? 1 : 0;
  EXPECT_LT(same, 3);
}

TEST(MarketUniverse, ParametersStayInTheirConfiguredRanges) {
  const UniverseConfig config;
  const Universe universe(5, 1000, config);
  std::set<EarningsProfile> profiles;
  for (const auto& p : universe.symbols()) {
    EXPECT_GE(p.start_price, config.min_price - 1e-9);
    EXPECT_LE(p.start_price, config.max_price + 1e-9);
    EXPECT_GE(p.volatility, config.min_volatility - 1e-12);
    EXPECT_LE(p.volatility, config.max_volatility + 1e-12);
    EXPECT_GE(p.shares_outstanding, static_cast<std::int64_t>(config.min_shares));
    EXPECT_LE(p.shares_outstanding, static_cast<std::int64_t>(config.max_shares));
    EXPECT_GT(p.float_shares, 0);
    EXPECT_LT(p.float_shares, p.shares_outstanding);
    EXPECT_GE(p.avg_volume, static_cast<std::int64_t>(config.min_avg_volume));
    EXPECT_LE(p.avg_volume, static_cast<std::int64_t>(config.max_avg_volume));
    EXPECT_GT(p.earnings.base_eps, 0.0);
    EXPECT_GE(p.earnings.report_lag_days, 20);
    EXPECT_LE(p.earnings.report_lag_days, 40);
    profiles.insert(p.earnings.profile);
  }
  EXPECT_EQ(profiles.size(), kEarningsProfileCount);
}

}  // namespace
}  // namespace ibtrade::engine::market
