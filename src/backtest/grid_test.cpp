#include "backtest/grid.hpp"

#include <gtest/gtest.h>

namespace ibtrade::backtest {
namespace {

TEST(BacktestGrid, RangesAreInclusiveAndExact) {
  auto axis = parse_grid_axis("fast=8:16:2");
  ASSERT_TRUE(axis) << axis.error().message;
  EXPECT_EQ(axis->name, "fast");
  EXPECT_EQ(axis->values, (std::vector<std::string>{"8", "10", "12", "14", "16"}));
  auto fractions = parse_grid_axis("stop_atr=0.5:1.5:0.25");
  ASSERT_TRUE(fractions);
  EXPECT_EQ(fractions->values, (std::vector<std::string>{"0.50", "0.75", "1.00", "1.25", "1.50"}));
  auto list = parse_grid_axis("mode=a,b");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->values, (std::vector<std::string>{"a", "b"}));
}

TEST(BacktestGrid, BadSpecsSayWhatIsWrong) {
  EXPECT_NE(parse_grid_axis("fast").error().message.find("name=from:to:step"), std::string::npos);
  EXPECT_NE(parse_grid_axis("fast=1:2").error().message.find("from:to:step"), std::string::npos);
  EXPECT_NE(parse_grid_axis("fast=5:1:1").error().message.find("ends before"), std::string::npos);
  EXPECT_NE(parse_grid_axis("fast=1:5:0").error().message.find("positive"), std::string::npos);
  EXPECT_NE(parse_grid_axis("fast=x:5:1").error().message.find("\"x\""), std::string::npos);
  EXPECT_NE(parse_grid_axis("fast=1,,2").error().message.find("empty"), std::string::npos);
}

TEST(BacktestGrid, CombinationsFirstAxisSlowest) {
  auto combos = grid_combinations({{"fast", {"8", "10"}}, {"slow", {"20", "25", "30"}}});
  ASSERT_TRUE(combos);
  ASSERT_EQ(combos->size(), 6U);
  EXPECT_EQ((*combos)[0], (std::map<std::string, std::string>{{"fast", "8"}, {"slow", "20"}}));
  EXPECT_EQ((*combos)[2], (std::map<std::string, std::string>{{"fast", "8"}, {"slow", "30"}}));
  EXPECT_EQ((*combos)[3], (std::map<std::string, std::string>{{"fast", "10"}, {"slow", "20"}}));
  EXPECT_FALSE(grid_combinations({{"a", {"1"}}, {"a", {"2"}}}));
}

}  // namespace
}  // namespace ibtrade::backtest
