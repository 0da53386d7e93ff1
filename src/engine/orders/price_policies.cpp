#include "engine/orders/price_policies.hpp"

namespace ibtrade::engine {
namespace {

// Floor division for possibly negative numerators; divisor > 0.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}

}  // namespace

Price floor_to_tick(Price price, Price tick) {
  const std::int64_t units = floor_div(price.raw(), tick.raw());
  return Price::from_raw(fixed::mul_div(units, tick.raw(), 1), tick.precision());
}

Price ceil_to_tick(Price price, Price tick) {
  return -floor_to_tick(-price, tick);
}

Price times(Price price, Ratio ratio) {
  return Price::from_raw(fixed::mul_div(price.raw(), ratio.raw(), kFixedScale), kFixedPrecision);
}

Price percent_of(Price price, Percent percent) {
  return price_of(scale(money_of(price), percent.raw(), 100 * kFixedScale, kFixedPrecision));
}

}  // namespace ibtrade::engine
