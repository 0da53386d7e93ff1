// The broker port of the engine: commands go out through ExecutionClient (non-blocking), and
// everything the venue says comes back as VenueMessages, each stamped with the instant it is
// delivered. Implemented by the simulated venue, the TWS adapter and the gateway REST client.
// Called from the engine's single thread only.
#pragma once

#include <functional>
#include <string>
#include <variant>

#include "core/execution.hpp"
#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/order.hpp"
#include "core/time.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

// What the venue calls the order's state, as IB's ORDER_STATUS does.
enum class VenueOrderState : std::uint8_t {
  kPendingSubmit,
  kPreSubmitted,
  kSubmitted,
  kPendingCancel,
  kCancelled,
  kApiCancelled,
  kFilled,
  kInactive,
};

struct OrderStatusReport {
  ClientOrderId client_order_id;
  BrokerOrderId broker_order_id;
  VenueOrderState state = VenueOrderState::kSubmitted;
  Quantity filled;  // cumulative
  Quantity remaining;
  Price average_fill_price;
  std::string reason;  // why it was cancelled or went inactive, if the venue said
  Timestamp time;

  friend bool operator==(const OrderStatusReport&, const OrderStatusReport&) = default;
};

// One fill. `execution.client_order_id` names our order; the commission may come later.
struct ExecutionReport {
  Fill fill;
  BrokerOrderId broker_order_id;

  friend bool operator==(const ExecutionReport&, const ExecutionReport&) = default;
};

// IB reports commission separately, keyed by execution id.
struct CommissionUpdate {
  ExecutionId execution_id;
  Money commission;
  Timestamp time;

  friend bool operator==(const CommissionUpdate&, const CommissionUpdate&) = default;
};

// The venue refused a command (IB error 201 and friends, or a modify/cancel it cannot apply).
struct CommandRejected {
  ClientOrderId client_order_id;
  int code = 0;  // IB error code where there is one, else 0
  std::string reason;
  bool order_is_dead = true;  // false when only a modify/cancel was refused and the order lives
  Timestamp time;

  friend bool operator==(const CommandRejected&, const CommandRejected&) = default;
};

using VenueMessage =
    std::variant<OrderStatusReport, ExecutionReport, CommissionUpdate, CommandRejected>;

// Instant at which a message is delivered to the engine.
Timestamp time_of(const VenueMessage& message);

// Where a venue sends its messages. The engine queues them by time.
// Handed over as an rvalue: the message is built once and moved once, into the receiver's queue.
using VenueSink = std::function<void(VenueMessage&&)>;

class ExecutionClient {
 public:
  virtual ~ExecutionClient() = default;
  // Every order arrives complete and valid (core check_order) and already approved by risk.
  virtual void submit(const Order& order) = 0;
  // Same client order id, new quantity and/or prices.
  virtual void modify(const Order& order) = 0;
  virtual void cancel(const ClientOrderId& client_order_id) = 0;
};

}  // namespace ibtrade::engine
