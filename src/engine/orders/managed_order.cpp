#include "engine/orders/managed_order.hpp"

namespace ibtrade::engine {

Price ManagedOrder::average_fill_price() const {
  if (filled.is_zero()) return Price{};
  return per_unit(filled_notional, filled, kFixedPrecision);
}

}  // namespace ibtrade::engine
