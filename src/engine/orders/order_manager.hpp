// The order manager: the one owner of our orders' state. Commands go out through risk to the
// venue; venue messages come back through the transition table; brackets and OCA groups are
// sized here. Single-threaded, owned by the engine's kernel thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "core/fixed_point.hpp"
#include "core/hash.hpp"
#include "core/ids.hpp"
#include "core/order.hpp"
#include "engine/order_status.hpp"
#include "engine/orders/managed_order.hpp"
#include "engine/orders/order_listener.hpp"
#include "engine/orders/order_state_machine.hpp"
#include "engine/orders/order_table.hpp"
#include "engine/portfolio/execution_log.hpp"
#include "engine/risk_gate.hpp"
#include "engine/venue.hpp"

namespace ibtrade::engine {

// What a modify changes; unset fields stay as they are.
struct OrderChanges {
  std::optional<Quantity> quantity = std::nullopt;  // total, fills included (IB semantics)
  std::optional<Price> limit_price = std::nullopt;
  std::optional<Price> stop_price = std::nullopt;
};

enum class CommandStatus : std::uint8_t {
  kAccepted,   // done: sent to the venue, or applied locally to a held child
  kUnchanged,  // nothing to do: the same submit again, a cancel already pending, a no-op modify
  kDenied,     // refused by check_order or risk (decision says why); for a submit the order is
               // recorded as Denied, except a duplicate id which leaves the existing order alone
  kRefused,    // illegal for the order's status, or unknown id (error says why; also reported)
};

struct CommandResult {
  CommandStatus status = CommandStatus::kAccepted;
  OrderStatus order_status = OrderStatus::kInitialized;  // the order's status afterwards
  RiskDecision decision;                                 // kDenied: why
  std::string error;                                     // kRefused: why

  bool ok() const {
    return status == CommandStatus::kAccepted || status == CommandStatus::kUnchanged;
  }
};

class OrderManager {
 public:
  OrderManager(ExecutionClient& venue, RiskGate& risk, OrderListener& listener, const Clock& clock);
  OrderManager(const OrderManager&) = delete;
  OrderManager& operator=(const OrderManager&) = delete;

  // Idempotent by client order id: the same order again returns the existing order's state and
  // sends nothing; a different order under a known id is denied kDuplicateOrderId. Then
  // check_order (Denied kInvalidOrder), risk kSubmit (Denied with the decision), venue submit.
  // Orders naming a parent go through submit_bracket.
  CommandResult submit(Order&& order) { return submit_new(NewOrder{order, nullptr}); }
  CommandResult submit(const Order& order) { return submit(Order(order)); }

  // An order built in the record the manager will keep it in: a submitted Order is moved into
  // a record, ten strings, and a draft saves that. Every draft must be submitted.
  class Draft {
   public:
    Order& order() { return record_->order; }

   private:
    friend class OrderManager;
    explicit Draft(ManagedOrder& record) : record_(&record) {}
    ManagedOrder* record_;
  };
  // A blank order (Order's defaults) to fill in and submit.
  Draft draft() { return Draft(orders_.blank()); }
  // The same as submit(Order&&) of the draft's order.
  CommandResult submit(Draft draft) { return submit_new(NewOrder{draft.order(), draft.record_}); }

  // Entry plus two exits on the opposite side, held (kInitialized) until the entry fills; then
  // sized to the entry's filled quantity and grown with it. The exits form an OCA pair. The exits'
  // quantity and parent_id are set here. The result is the entry's.
  CommandResult submit_bracket(const Order& entry, const Order& take_profit,
                               const Order& stop_loss);

  // Quantity / limit / stop through risk kModify. Not on finished or cancelling orders.
  // A bracket exit's quantity follows its parent and can't be set.
  CommandResult modify(const ClientOrderId& id, const OrderChanges& changes);

  // Through risk kCancel. A held bracket exit is dropped locally.
  CommandResult cancel(const ClientOrderId& id);

  // The kill switch: cancels every working order and drops every held exit, without asking risk.
  // Returns how many orders it cancelled or dropped.
  std::size_t cancel_all();

  // Inline: the engine's call for each venue message goes straight to its handler.
  void on_venue_message(const VenueMessage& message) {
    std::visit(
        [this](const auto& m) {
          using T = std::decay_t<decltype(m)>;
          if constexpr (std::is_same_v<T, OrderStatusReport>) {
            on_status(m);
          } else if constexpr (std::is_same_v<T, ExecutionReport>) {
            on_execution(m);
          } else if constexpr (std::is_same_v<T, CommissionUpdate>) {
            on_commission(m);
          } else {
            on_rejected(m);
          }
        },
        message);
  }

  // The changes the listener is told of (on_order_updated); every change unless narrowed. Its
  // owner narrows it to what the readers behind the listener need: a change that no one reads
  // then costs a test here rather than a call and the listener's own tests.
  void set_update_interest(OrderUpdateInterest interest) { update_interest_ = interest; }

  const ManagedOrder* find(const ClientOrderId& id) const;
  // Not finished (held exits included), in submission order.
  std::vector<const ManagedOrder*> open_orders() const;
  std::vector<const ManagedOrder*> open_orders(std::string_view symbol) const;
  std::size_t open_order_count() const { return open_.size(); }
  // Unfilled quantity of the orders working at the venue (held exits excluded).
  Quantity open_quantity(std::string_view symbol, Side side) const;

 private:
  // An accepted execution, by its number in executions_.
  struct ExecutionRecord {
    ManagedOrder* order = nullptr;  // orders_ never moves or erases a record: stays valid
    std::optional<Money> commission;
    // The listener's booking of the execution (the ledger's entry), passed back with its
    // commission: this index is the only one of execution ids in the engine.
    FillTicket ticket = kNoFillTicket;
  };

  // Venue messages come in runs for one order (status, execution, status): the order found
  // last is checked first, inline (forced: the compiler kept it out of line in the execution
  // path). Orders are never removed, so the pointer stays valid.
  [[gnu::always_inline]] ManagedOrder* lookup(const ClientOrderId& id) {
    if (last_found_ != nullptr &&
        same_bytes(last_found_->order.client_order_id.value(), id.value())) {
      return last_found_;
    }
    return find_and_remember(id);
  }
  ManagedOrder* find_and_remember(const ClientOrderId& id);

  // A submitted order not recorded yet: an order to move into a new record, or a draft already
  // in its record.
  struct NewOrder {
    Order& order;
    ManagedOrder* draft = nullptr;  // the record `order` is in, if a draft
  };
  CommandResult submit_new(NewOrder submitted);
  // Records the order. `hash` is OrderTable::hash_of its id, which must be unknown.
  ManagedOrder& insert(NewOrder submitted, std::uint64_t hash);
  ManagedOrder& insert(Order&& order) {
    const std::uint64_t hash = OrderTable::hash_of(order.client_order_id);
    return insert(NewOrder{order, nullptr}, hash);
  }
  // An order that is not recorded (no id, or a known one): a draft's record is taken back.
  void discard(NewOrder submitted) {
    if (submitted.draft != nullptr) orders_.recycle(*submitted.draft);
  }
  void list_open(ManagedOrder& order);
  void unlist_open(ManagedOrder& order);
  CommandResult deny_new(Order&& order, RiskDecision decision);
  CommandResult deny_new(NewOrder submitted, std::uint64_t hash, RiskDecision decision);
  CommandResult refuse(const ClientOrderId& id, OrderStatus status, std::string error);
  CommandResult idempotent_result(const ManagedOrder& existing, const Order& submitted);

  // Moves `order` through `event`; reports and returns false when the table refuses it.
  // Inline: every order message applies an event, and the table lookup is one load; the error
  // text is built out of line, only when the table refuses.
  bool apply(ManagedOrder& order, OrderEvent event, Timestamp when) {
    const std::optional<OrderStatus> next = next_status(order.status, event);
    if (!next) {
      refuse_transition(order, event);
      return false;
    }
    set_status(order, *next, when);
    return true;
  }
  void refuse_transition(const ManagedOrder& order, OrderEvent event);
  void set_status(ManagedOrder& order, OrderStatus next, Timestamp when) {
    order.status = next;
    order.updated_at = when;
    // Listing changes only when an order starts or finishes.
    if (is_terminal(next) == order.listed_open) {
      if (order.listed_open) {
        unlist_open(order);
      } else {
        list_open(order);
      }
    }
  }
  // Inline: every order change passes here, and most are not read (set_update_interest).
  void notify(const ManagedOrder& order, OrderStatus previous) {
    if (shows_update(update_interest_, order.status, previous)) {
      listener_.on_order_updated(order, previous);
    }
  }
  void report(const ClientOrderId& id, const std::string& what);

  // `validated`: `modified` has just passed check_order.
  CommandResult send_modify(ManagedOrder& order, Order modified, bool validated);
  CommandResult send_cancel(ManagedOrder& order, bool ask_risk);

  void on_status(const OrderStatusReport& report);
  void on_execution(const ExecutionReport& report);
  void on_commission(const CommissionUpdate& update);
  void on_rejected(const CommandRejected& rejected);

  // Links (order_links.cpp).
  // Most orders are in no bracket or OCA group: the test is inline, the work is not.
  void after_fill(ManagedOrder& order) {
    if (!order.children.empty() || !order.oca_key.empty()) carry_fill_to_links(order);
  }
  void after_finished(ManagedOrder& order) {
    if (!order.children.empty()) finish_children(order);
  }
  void carry_fill_to_links(ManagedOrder& order);
  void finish_children(ManagedOrder& order);
  void resize_oca_group(const std::string& oca_key);
  void activate_child(ManagedOrder& child, Quantity quantity);
  std::vector<ManagedOrder*> oca_members(const std::string& oca_key);
  Quantity others_filled(const std::vector<ManagedOrder*>& members, const ManagedOrder& self) const;

  ExecutionClient& venue_;
  RiskGate& risk_;
  OrderListener& listener_;
  const Clock& clock_;

  OrderTable orders_;  // every order, never removed: its records stay where they are
  // Executions are kept for the manager's lifetime: their ids in a log that numbers them in
  // arrival order (ids kept inline in blocks that never move, hashed from their words with a
  // few multiplications; no allocation per execution), their records by that number.
  ExecutionLog executions_;
  std::vector<ExecutionRecord> execution_records_;
  // Not finished, by sequence (the stable listing order). A sorted vector: few orders are open
  // at once, and a tree node per order cost more than the shifts.
  std::vector<ManagedOrder*> open_;
  std::map<std::string, std::vector<ClientOrderId>> oca_groups_;
  std::uint64_t next_sequence_ = 0;
  ManagedOrder* last_found_ = nullptr;  // lookup's last answer
  OrderUpdateInterest update_interest_ = OrderUpdateInterest::kEveryChange;
};

}  // namespace ibtrade::engine
