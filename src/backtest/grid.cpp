#include "backtest/grid.hpp"

#include <algorithm>
#include <set>

#include "core/fixed_point.hpp"

namespace ibtrade::backtest {
namespace {

struct GridTag {
  static constexpr std::string_view kName = "grid value";
};
using GridNumber = Decimal<GridTag>;

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

}  // namespace

Result<GridAxis> parse_grid_axis(std::string_view spec) {
  const std::string quoted = "--grid \"" + std::string(spec) + "\": ";
  const std::size_t equals = spec.find('=');
  if (equals == std::string_view::npos || equals == 0 || equals + 1 == spec.size()) {
    return Error{quoted + "expected name=from:to:step or name=a,b,c"};
  }
  GridAxis axis{std::string(spec.substr(0, equals)), {}};
  const std::string_view values = spec.substr(equals + 1);
  if (values.find(':') == std::string_view::npos) {
    for (std::string_view value : split(values, ',')) {
      if (value.empty()) return Error{quoted + "empty value in the list"};
      axis.values.emplace_back(value);
    }
    return axis;
  }
  const std::vector<std::string_view> parts = split(values, ':');
  if (parts.size() != 3) return Error{quoted + "a range is from:to:step"};
  auto from = GridNumber::parse(parts[0]);
  auto to = GridNumber::parse(parts[1]);
  auto step = GridNumber::parse(parts[2]);
  if (!from) return Error{quoted + from.error().message};
  if (!to) return Error{quoted + to.error().message};
  if (!step) return Error{quoted + step.error().message};
  if (!step->is_positive()) return Error{quoted + "the step must be positive"};
  if (*to < *from) return Error{quoted + "the range ends before it starts"};
  const int precision = std::max({from->precision(), to->precision(), step->precision()});
  for (GridNumber v = *from; v <= *to; v = v + *step) {
    if (axis.values.size() >= kMaxGridCombinations) {
      return Error{quoted + "more than " + std::to_string(kMaxGridCombinations) + " values"};
    }
    axis.values.push_back(v.rounded(precision).to_string());
  }
  return axis;
}

Result<std::vector<std::map<std::string, std::string>>> grid_combinations(
    const std::vector<GridAxis>& axes) {
  std::set<std::string> names;
  std::size_t total = 1;
  for (const GridAxis& axis : axes) {
    if (!names.insert(axis.name).second) {
      return Error{"--grid names parameter \"" + axis.name + "\" twice"};
    }
    total *= axis.values.size();
    if (total > kMaxGridCombinations) {
      return Error{"the grid has more than " + std::to_string(kMaxGridCombinations) +
                   " combinations"};
    }
  }
  std::vector<std::map<std::string, std::string>> out(total);
  std::size_t repeat = total;
  for (const GridAxis& axis : axes) {
    repeat /= axis.values.size();
    for (std::size_t i = 0; i < total; ++i) {
      out[i][axis.name] = axis.values[(i / repeat) % axis.values.size()];
    }
  }
  return out;
}

}  // namespace ibtrade::backtest
