// What the order manager tells the rest of the engine: order changes, fills in arrival order,
// commissions, and errors (illegal transitions, unknown ids). Called on the engine's kernel
// thread, synchronously, from inside the order manager's commands and venue input.
#pragma once

#include <cstdint>
#include <string>

#include "core/ids.hpp"
#include "engine/order_status.hpp"
#include "engine/orders/managed_order.hpp"
#include "engine/types.hpp"
#include "engine/venue.hpp"

namespace ibtrade::engine {

// What a listener may keep of an execution it booked, such as the ledger's entry number: the
// order manager holds it with the execution and hands it back with the execution's commission,
// so that the listener finds its booking without looking the execution id up a second time.
using FillTicket = std::uint32_t;
inline constexpr FillTicket kNoFillTicket = UINT32_MAX;  // nothing kept

// Which changes of an order a reader of order updates is shown. From the widest to the
// narrowest: each shows every change that the next one shows.
enum class OrderUpdateInterest : std::uint8_t {
  kEveryChange,  // every change (the default)
  kFinishing,    // only a change into a terminal status from another status
  kNone,         // none
};

// Whether a reader with `interest` is shown the change of an order from `previous` to `status`.
// Inline: asked for every order update.
constexpr bool shows_update(OrderUpdateInterest interest, OrderStatus status,
                            OrderStatus previous) {
  // The default first: a reader of every change pays one test.
  if (interest == OrderUpdateInterest::kEveryChange) return true;
  return interest == OrderUpdateInterest::kFinishing && status != previous && is_terminal(status);
}

// The narrowest interest that shows every change either of `a` and `b` shows.
constexpr OrderUpdateInterest wider_interest(OrderUpdateInterest a, OrderUpdateInterest b) {
  return a < b ? a : b;
}

class OrderListener {
 public:
  virtual ~OrderListener() = default;
  // The order changed: status, fills, parameters or the latest reason/denial. `previous` is the
  // status before the change (equal to the current one when only the content changed). Only
  // the changes the order manager's update interest shows (every change unless narrowed).
  virtual void on_order_updated(const ManagedOrder& order, OrderStatus previous) = 0;
  // One execution booked on `order` (already included in it), in arrival order, once per id:
  // the order manager has refused re-sent ones. Returns what the listener keeps of it, given
  // back with its commission (on_fill_commission); kNoFillTicket when it keeps nothing.
  virtual FillTicket on_new_fill(const ManagedOrder& order, const Fill& fill) = 0;
  // The commission of one execution, once: the first report for it. A repeat is dropped, a
  // different amount for the same execution is an error. `ticket` is what on_new_fill returned
  // for the execution.
  virtual void on_fill_commission(const CommissionUpdate& update, FillTicket ticket) = 0;
  // Something was refused and not applied. The engine logs it; the order is unchanged.
  // `client_order_id` is empty when the message named no order we know (a commission).
  virtual void on_order_error(const ClientOrderId& client_order_id, const std::string& what) = 0;
};

}  // namespace ibtrade::engine
