// The broker port of the engine: commands go out through ExecutionClient (non-blocking), and
// everything the venue says comes back as VenueMessages, each stamped with the instant it is
// delivered. Implemented by the simulated venue, the TWS adapter and the gateway REST client.
// Called from the engine's single thread only.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <type_traits>
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

// The position of `Report` among the kinds of VenueMessage.
template <class Report, std::size_t Kind = 0>
constexpr std::size_t venue_message_kind() {
  if constexpr (std::is_same_v<std::variant_alternative_t<Kind, VenueMessage>, Report>) {
    return Kind;
  } else {
    return venue_message_kind<Report, Kind + 1>();
  }
}

// Where a venue writes its messages in place, for a receiver that queues them (the simulation):
// the venue fills in the draft, which is the receiver's own queue slot, then post()s it.
// Nothing is moved, no std::function is called and no variant is visited per message, and a
// reused slot keeps its strings' storage. A draft holds whatever it held before (any content):
// the venue sets every field of the report it writes.
class VenueOutbox {
 public:
  virtual ~VenueOutbox() = default;
  VenueOutbox(const VenueOutbox&) = delete;
  VenueOutbox& operator=(const VenueOutbox&) = delete;

  // The draft as a `Report`. It mostly holds one already, whose fields (and strings' storage)
  // are reused; else the receiver may offer a draft that does (other_draft), or the draft is
  // made a new `Report`.
  template <class Report>
  Report& draft() {
    if (auto* report = std::get_if<Report>(draft_)) [[likely]]
      return *report;
    draft_ = &other_draft(venue_message_kind<Report>());
    if (auto* report = std::get_if<Report>(draft_)) return *report;
    return draft_->emplace<Report>();
  }
  // Sends the draft, whose own time (time_of) is `at`; the next message is written in the
  // draft the receiver then hands out.
  void post(Timestamp at) { draft_ = &posted(at); }

 protected:
  explicit VenueOutbox(VenueMessage& first_draft) : draft_(&first_draft) {}
  VenueOutbox() = default;  // the derived class then sets the first draft (set_draft)
  void set_draft(VenueMessage& draft) { draft_ = &draft; }

  VenueMessage& current_draft() { return *draft_; }

 private:
  // Sends the current draft and returns where the next message is written. One call per
  // message, which also hands out the next draft.
  virtual VenueMessage& posted(Timestamp at) = 0;
  // The draft to write a report of `kind` (a VenueMessage index) in, when the current draft
  // holds another kind; by default the current draft, to be made a new report.
  virtual VenueMessage& other_draft(std::size_t /*kind*/) { return *draft_; }

  VenueMessage* draft_ = nullptr;
};

// An outbox that hands each message to a VenueSink, for receivers that keep their own queue
// (the TWS simulator, tests). It keeps a draft of each kind from one message to the next (the
// sink moves the content out, or copies it): a venue alternates statuses and executions, and
// making one draft another kind each time would construct and destroy its strings.
class SinkOutbox final : public VenueOutbox {
 public:
  explicit SinkOutbox(VenueSink sink) : drafts_(drafts_of_each_kind()), sink_(std::move(sink)) {
    set_draft(drafts_[0]);
  }
  ~SinkOutbox() override = default;

 private:
  using Drafts = std::array<VenueMessage, std::variant_size_v<VenueMessage>>;

  static_assert(std::variant_size_v<VenueMessage> == 4, "a draft of each kind");
  static Drafts drafts_of_each_kind() {
    return Drafts{VenueMessage(std::in_place_index<0>), VenueMessage(std::in_place_index<1>),
                  VenueMessage(std::in_place_index<2>), VenueMessage(std::in_place_index<3>)};
  }
  VenueMessage& posted(Timestamp /*at*/) override {
    VenueMessage& sent = current_draft();
    sink_(std::move(sent));
    // The moved-from draft is written over (every field) before it is posted again.
    return sent;  // NOLINT(bugprone-use-after-move)
  }
  VenueMessage& other_draft(std::size_t kind) override { return drafts_[kind]; }

  Drafts drafts_;
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
