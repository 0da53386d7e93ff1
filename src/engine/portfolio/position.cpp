#include "engine/portfolio/position.hpp"

#include <algorithm>

namespace ibtrade::engine {

Price LedgerPosition::average_cost() const {
  if (quantity.is_zero()) return {};
  const Price average = per_unit(cost_basis.abs(), quantity.abs(), kFixedPrecision);
  // As many decimals as the entry prices show, more only where the average needs them.
  int decimals = fixed::exact_precision(average.raw());
  for (const Lot& lot : lots) {
    decimals = std::max(decimals, lot.price.precision());
  }
  return Price::from_raw(average.raw(), decimals);
}

}  // namespace ibtrade::engine
