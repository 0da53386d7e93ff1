// Parameter grids for sweeps: "--grid fast=8:16:2" (from:to:step, inclusive, exact decimals) or
// "--grid mode=a,b,c" (a list), and every combination of several axes. Pure functions.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace ibtrade::backtest {

struct GridAxis {
  std::string name;
  std::vector<std::string> values;  // as the strategy's k=v parameters take them
};

inline constexpr std::size_t kMaxGridCombinations = 100'000;

Result<GridAxis> parse_grid_axis(std::string_view spec);

// Every combination, the first axis varying slowest. Error when two axes share a name or the
// grid has more than kMaxGridCombinations points.
Result<std::vector<std::map<std::string, std::string>>> grid_combinations(
    const std::vector<GridAxis>& axes);

}  // namespace ibtrade::backtest
