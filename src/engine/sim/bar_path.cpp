#include "engine/sim/bar_path.hpp"

namespace ibtrade::engine {

BarPath bar_path(const Bar& bar) {
  const Price up = bar.high - bar.open;
  const Price down = bar.open - bar.low;
  const bool low_first = down < up || (down == up && bar.close >= bar.open);
  if (low_first) return {bar.open, bar.low, bar.high, bar.close};
  return {bar.open, bar.high, bar.low, bar.close};
}

}  // namespace ibtrade::engine
