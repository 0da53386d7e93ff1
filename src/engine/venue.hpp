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

// Where a venue writes its messages in place, for a receiver that queues them (the simulation):
// the venue fills in draft(), which is the receiver's own queue slot, then post()s it. Nothing
// is moved, no std::function is called and no variant is visited per message, and a reused
// slot keeps its strings' storage. A draft holds whatever its slot held before (any kind, any
// content): the venue sets every field of the report it writes.
class VenueOutbox {
 public:
  VenueOutbox(const VenueOutbox&) = delete;
  VenueOutbox& operator=(const VenueOutbox&) = delete;

  VenueMessage& draft() { return *draft_; }
  // Sends the draft, whose own time (time_of) is `at`; draft() is then the next message's.
  void post(Timestamp at) { draft_ = &posted(at); }

 protected:
  explicit VenueOutbox(VenueMessage& first_draft) : draft_(&first_draft) {}
  ~VenueOutbox() = default;

 private:
  // Sends the current draft and returns where the next message is written. One call per
  // message, which also hands out the next draft.
  virtual VenueMessage& posted(Timestamp at) = 0;

  VenueMessage* draft_;
};

// An outbox that hands each message to a VenueSink, for receivers that keep their own queue
// (the TWS simulator, tests). The draft is kept from one message to the next; the sink moves
// its content out (or copies it).
class SinkOutbox final : public VenueOutbox {
 public:
  explicit SinkOutbox(VenueSink sink) : VenueOutbox(message_), sink_(std::move(sink)) {}
  ~SinkOutbox() = default;

 private:
  VenueMessage& posted(Timestamp /*at*/) override {
    sink_(std::move(message_));
    return message_;
  }

  VenueMessage message_;
  VenueSink sink_;
};

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
