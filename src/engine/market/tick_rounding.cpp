#include "engine/market/tick_rounding.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ibtrade::engine::market {
namespace {

constexpr std::int64_t kCentRaw = 10'000'000;   // $0.01 in raw units of 1e-9
constexpr std::int64_t kSubPennyRaw = 100'000;  // $0.0001
constexpr double kMaxPrice = 1e7;               // far above any model price; keeps int64 safe

}  // namespace

Price to_tick_price(double price) {
  if (std::isnan(price)) throw std::domain_error("synthetic price is NaN");
  price = std::min(price, kMaxPrice);
  if (price >= 1.0) {
    // floor(x + 0.5) rather than nearbyint: the same on every platform whatever the rounding mode.
    const auto cents = static_cast<std::int64_t>(std::floor(price * 100.0 + 0.5));
    return Price::from_raw(cents * kCentRaw, 2);
  }
  const auto units = std::max<std::int64_t>(
      1, static_cast<std::int64_t>(std::floor(std::max(price, 0.0) * 10'000.0 + 0.5)));
  // Just under $1 can round up to $1.0000: shown like every other price at $1 and above.
  if (units >= 10'000) return Price::from_raw(units * kSubPennyRaw, 2);
  return Price::from_raw(units * kSubPennyRaw, 4);
}

}  // namespace ibtrade::engine::market
