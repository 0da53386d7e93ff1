// What the order manager tells the rest of the engine: order changes, fills in arrival order,
// commissions, and errors (illegal transitions, unknown ids). Called on the engine's kernel
// thread, synchronously, from inside the order manager's commands and venue input.
#pragma once

#include <string>

#include "core/ids.hpp"
#include "engine/order_status.hpp"
#include "engine/orders/managed_order.hpp"
#include "engine/types.hpp"
#include "engine/venue.hpp"

namespace ibtrade::engine {

class OrderListener {
 public:
  virtual ~OrderListener() = default;
  // The order changed: status, fills, parameters or the latest reason/denial. `previous` is the
  // status before the change (equal to the current one when only the content changed).
  virtual void on_order_updated(const ManagedOrder& order, OrderStatus previous) = 0;
  // One execution booked on `order` (already included in it), in arrival order, once per id.
  virtual void on_fill(const ManagedOrder& order, const Fill& fill) = 0;
  // The commission of one execution, once: the first report for it. A repeat is dropped, a
  // different amount for the same execution is an error.
  virtual void on_commission(const CommissionUpdate& update) = 0;
  // Something was refused and not applied. The engine logs it; the order is unchanged.
  // `client_order_id` is empty when the message named no order we know (a commission).
  virtual void on_order_error(const ClientOrderId& client_order_id, const std::string& what) = 0;
};

}  // namespace ibtrade::engine
