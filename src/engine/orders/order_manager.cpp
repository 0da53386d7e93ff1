#include "engine/orders/order_manager.hpp"

#include <algorithm>
#include <utility>

namespace ibtrade::engine {

OrderManager::OrderManager(ExecutionClient& venue, RiskGate& risk, OrderListener& listener,
                           const Clock& clock)
    : venue_(venue), risk_(risk), listener_(listener), clock_(clock) {}

// --- queries ---------------------------------------------------------------------------------

const ManagedOrder* OrderManager::find(const ClientOrderId& id) const {
  return orders_.find(id);
}

ManagedOrder* OrderManager::find_and_remember(const ClientOrderId& id) {
  ManagedOrder* found = orders_.find(id);
  if (found != nullptr) last_found_ = found;
  return found;
}

std::vector<const ManagedOrder*> OrderManager::open_orders() const {
  std::vector<const ManagedOrder*> out;
  out.reserve(open_.size());
  for (const ManagedOrder* order : open_)
    out.push_back(order);
  return out;
}

std::vector<const ManagedOrder*> OrderManager::open_orders(std::string_view symbol) const {
  std::vector<const ManagedOrder*> out;
  for (const ManagedOrder* order : open_) {
    if (order->order.contract.symbol == symbol) out.push_back(order);
  }
  return out;
}

Quantity OrderManager::open_quantity(std::string_view symbol, Side side) const {
  Quantity total;
  for (const ManagedOrder* order : open_) {
    if (order->order.contract.symbol == symbol && order->order.side == side &&
        is_working(order->status)) {
      total += order->remaining();
    }
  }
  return total;
}

// --- bookkeeping -----------------------------------------------------------------------------

namespace {

bool by_sequence(const ManagedOrder* order, std::uint64_t sequence) {
  return order->sequence < sequence;
}

}  // namespace

void OrderManager::list_open(ManagedOrder& order) {
  if (order.listed_open) return;
  order.listed_open = true;
  // New orders have the highest sequence: appending is the common case.
  if (open_.empty() || open_.back()->sequence < order.sequence) {
    open_.push_back(&order);
    return;
  }
  open_.insert(std::lower_bound(open_.begin(), open_.end(), order.sequence, by_sequence), &order);
}

void OrderManager::unlist_open(ManagedOrder& order) {
  if (!order.listed_open) return;
  order.listed_open = false;
  const auto it = std::lower_bound(open_.begin(), open_.end(), order.sequence, by_sequence);
  if (it != open_.end() && *it == &order) open_.erase(it);
}

ManagedOrder& OrderManager::insert(NewOrder submitted, std::uint64_t hash) {
  ManagedOrder& managed = submitted.draft != nullptr
                              ? orders_.adopt(*submitted.draft, hash)
                              : orders_.insert(std::move(submitted.order), hash);
  // The venue's first messages are about the order just sent: lookup finds it without a hash.
  last_found_ = &managed;
  managed.sequence = next_sequence_++;
  managed.created_at = clock_.now();
  managed.updated_at = managed.created_at;
  list_open(managed);
  return managed;
}

void OrderManager::report(const ClientOrderId& id, const std::string& what) {
  listener_.on_order_error(id, what);
}

void OrderManager::refuse_transition(const ManagedOrder& order, OrderEvent event) {
  report(order.order.client_order_id, transition(order.status, event).error().message);
}

CommandResult OrderManager::refuse(const ClientOrderId& id, OrderStatus status, std::string error) {
  report(id, error);
  return {CommandStatus::kRefused, status, {}, std::move(error)};
}

CommandResult OrderManager::deny_new(Order&& order, RiskDecision decision) {
  const std::uint64_t hash = OrderTable::hash_of(order.client_order_id);
  return deny_new(NewOrder{order, nullptr}, hash, std::move(decision));
}

CommandResult OrderManager::deny_new(NewOrder submitted, std::uint64_t hash,
                                     RiskDecision decision) {
  ManagedOrder& managed = insert(submitted, hash);
  managed.last_decision = decision;
  apply(managed, OrderEvent::kDeny, clock_.now());
  notify(managed, OrderStatus::kInitialized);
  return {CommandStatus::kDenied, managed.status, std::move(decision), {}};
}

CommandResult OrderManager::idempotent_result(const ManagedOrder& existing,
                                              const Order& submitted) {
  if (existing.original() == submitted) {
    return {CommandStatus::kUnchanged, existing.status, existing.last_decision, {}};
  }
  auto decision = RiskDecision::deny(DenialReason::kDuplicateOrderId,
                                     "client order id " + submitted.client_order_id.value() +
                                         " is already used by a different order");
  report(submitted.client_order_id, decision.text);
  return {CommandStatus::kDenied, existing.status, std::move(decision), {}};
}

// --- commands --------------------------------------------------------------------------------

CommandResult OrderManager::submit_new(NewOrder submitted) {
  const Order& order = submitted.order;
  if (order.client_order_id.value().empty()) {
    auto decision = RiskDecision::deny(DenialReason::kInvalidOrder, "order has no client order id");
    report(order.client_order_id, decision.text);
    discard(submitted);
    return {CommandStatus::kDenied, OrderStatus::kDenied, std::move(decision), {}};
  }
  // Hashed once for the lookup here and the insert below.
  const std::uint64_t hash = OrderTable::hash_of(order.client_order_id);
  if (const ManagedOrder* existing = orders_.find(order.client_order_id, hash)) {
    CommandResult result = idempotent_result(*existing, order);
    discard(submitted);
    return result;
  }
  if (order.parent_id) {
    return deny_new(submitted, hash,
                    RiskDecision::deny(DenialReason::kInvalidOrder,
                                       "an order with a parent must be sent with submit_bracket"));
  }
  if (std::string problem = check_order(order); !problem.empty()) {
    return deny_new(submitted, hash, RiskDecision::deny(DenialReason::kInvalidOrder, problem));
  }
  // Risk sees the book without this order: it is inserted only once approved.
  RiskDecision decision = risk_.check_validated(order, RiskAction::kSubmit);
  if (!decision.allowed()) return deny_new(submitted, hash, std::move(decision));

  ManagedOrder& managed = insert(submitted, hash);
  if (!managed.order.oca_group.empty()) {
    managed.oca_key = managed.order.oca_group;
    managed.oca_base = managed.order.quantity;
    oca_groups_[managed.oca_key].push_back(managed.order.client_order_id);
  }
  apply(managed, OrderEvent::kSubmit, managed.created_at);  // recorded just now: one clock read
  notify(managed, OrderStatus::kInitialized);
  venue_.submit(managed.order);
  return {CommandStatus::kAccepted, managed.status, {}, {}};
}

CommandResult OrderManager::submit_bracket(const Order& entry, const Order& take_profit,
                                           const Order& stop_loss) {
  Order tp = take_profit;
  Order sl = stop_loss;
  for (Order* exit : {&tp, &sl}) {
    exit->parent_id = entry.client_order_id;
    exit->quantity = entry.quantity;  // until the entry fills; then its filled quantity
  }
  const ClientOrderId& id = entry.client_order_id;
  if (id.value().empty() || tp.client_order_id.value().empty() ||
      sl.client_order_id.value().empty() || id == tp.client_order_id || id == sl.client_order_id ||
      tp.client_order_id == sl.client_order_id) {
    auto decision = RiskDecision::deny(DenialReason::kInvalidOrder,
                                       "a bracket needs three distinct client order ids");
    report(id, decision.text);
    return {CommandStatus::kDenied, OrderStatus::kDenied, std::move(decision), {}};
  }

  const ManagedOrder* known_entry = find(id);
  const ManagedOrder* known_tp = find(tp.client_order_id);
  const ManagedOrder* known_sl = find(sl.client_order_id);
  if (known_entry != nullptr && known_tp != nullptr && known_sl != nullptr &&
      known_entry->original() == entry && known_tp->original() == tp &&
      known_sl->original() == sl) {
    return idempotent_result(*known_entry, entry);
  }
  using Known = std::pair<const ManagedOrder*, const Order*>;
  for (const auto& [known, order] :
       {Known{known_entry, &entry}, Known{known_tp, &tp}, Known{known_sl, &sl}}) {
    if (known != nullptr) {
      auto decision = RiskDecision::deny(DenialReason::kDuplicateOrderId,
                                         "client order id " + order->client_order_id.value() +
                                             " is already used by a different order");
      report(order->client_order_id, decision.text);
      return {CommandStatus::kDenied, known->status, std::move(decision), {}};
    }
  }

  std::string problem;
  if (entry.parent_id) problem = "a bracket entry can't have a parent";
  if (problem.empty()) problem = check_order(entry);
  if (problem.empty()) problem = check_order(tp);
  if (problem.empty()) problem = check_order(sl);
  if (problem.empty() && (tp.side == entry.side || sl.side == entry.side)) {
    problem = "bracket exits must be on the opposite side of the entry";
  }
  if (problem.empty() && (tp.contract != entry.contract || sl.contract != entry.contract)) {
    problem = "bracket exits must trade the entry's contract";
  }
  RiskDecision decision = problem.empty()
                              ? risk_.check_validated(entry, RiskAction::kSubmit)
                              : RiskDecision::deny(DenialReason::kInvalidOrder, problem);
  if (!decision.allowed()) {
    deny_new(Order(tp), decision);
    deny_new(Order(sl), decision);
    return deny_new(Order(entry), std::move(decision));
  }

  ManagedOrder& parent = insert(Order(entry));
  if (!entry.oca_group.empty()) {
    parent.oca_key = entry.oca_group;
    parent.oca_base = entry.quantity;
    oca_groups_[parent.oca_key].push_back(id);
  }
  const std::string exits_key = "bracket:" + id.value();
  for (const Order* exit : {&tp, &sl}) {
    ManagedOrder& child = insert(Order(*exit));
    child.oca_key = exits_key;
    parent.children.push_back(exit->client_order_id);
    oca_groups_[exits_key].push_back(exit->client_order_id);
  }
  apply(parent, OrderEvent::kSubmit, clock_.now());
  notify(parent, OrderStatus::kInitialized);
  for (const ClientOrderId& child_id : parent.children) {
    notify(*lookup(child_id), OrderStatus::kInitialized);
  }
  venue_.submit(parent.order);
  return {CommandStatus::kAccepted, parent.status, {}, {}};
}

CommandResult OrderManager::modify(const ClientOrderId& id, const OrderChanges& changes) {
  ManagedOrder* managed = lookup(id);
  if (managed == nullptr) {
    return refuse(id, OrderStatus::kInitialized, "modify of unknown order " + id.value());
  }
  if (auto legal = transition(managed->status, OrderEvent::kModifyRequest); !legal) {
    return refuse(id, managed->status, legal.error().message);
  }
  const auto deny = [&](std::string text) {
    managed->last_decision = RiskDecision::deny(DenialReason::kInvalidOrder, std::move(text));
    notify(*managed, managed->status);
    return CommandResult{CommandStatus::kDenied, managed->status, managed->last_decision, {}};
  };
  Order modified = managed->order;
  if (changes.quantity) {
    if (managed->order.parent_id) return deny("a bracket exit's quantity follows its entry");
    if (*changes.quantity <= managed->filled) {
      return deny("quantity " + changes.quantity->to_string() + " must exceed the filled " +
                  managed->filled.to_string());
    }
    modified.quantity = *changes.quantity;
  }
  if (changes.limit_price) modified.limit_price = changes.limit_price;
  if (changes.stop_price) modified.stop_price = changes.stop_price;
  if (modified == managed->order) return {CommandStatus::kUnchanged, managed->status, {}, {}};
  if (std::string problem = check_order(modified); !problem.empty()) return deny(problem);

  CommandResult result = send_modify(*managed, std::move(modified), /*validated=*/true);
  if (result.status == CommandStatus::kAccepted && changes.quantity && !managed->oca_key.empty()) {
    // The member's own size is what was asked; the other members' fills still come off it.
    managed->oca_base = *changes.quantity + others_filled(oca_members(managed->oca_key), *managed);
  }
  return result;
}

CommandResult OrderManager::send_modify(ManagedOrder& order, Order modified, bool validated) {
  if (auto legal = transition(order.status, OrderEvent::kModifyRequest); !legal) {
    return refuse(order.order.client_order_id, order.status, legal.error().message);
  }
  RiskDecision decision = validated ? risk_.check_validated(modified, RiskAction::kModify)
                                    : risk_.check(modified, RiskAction::kModify);
  if (!decision.allowed()) {
    order.last_decision = std::move(decision);
    notify(order, order.status);
    return {CommandStatus::kDenied, order.status, order.last_decision, {}};
  }
  const bool held = order.status == OrderStatus::kInitialized;
  if (!held && !order.before_modify) order.before_modify = std::make_unique<Order>(order.order);
  order.keep_original();
  order.order = std::move(modified);
  apply(order, OrderEvent::kModifyRequest, clock_.now());
  notify(order, order.status);
  if (!held) venue_.modify(order.order);
  return {CommandStatus::kAccepted, order.status, {}, {}};
}

CommandResult OrderManager::cancel(const ClientOrderId& id) {
  ManagedOrder* managed = lookup(id);
  if (managed == nullptr) {
    return refuse(id, OrderStatus::kInitialized, "cancel of unknown order " + id.value());
  }
  return send_cancel(*managed, /*ask_risk=*/true);
}

CommandResult OrderManager::send_cancel(ManagedOrder& order, bool ask_risk) {
  const OrderStatus previous = order.status;
  if (auto legal = transition(previous, OrderEvent::kCancelRequest); !legal) {
    return refuse(order.order.client_order_id, previous, legal.error().message);
  }
  if (previous == OrderStatus::kPendingCancel) return {CommandStatus::kUnchanged, previous, {}, {}};
  if (previous == OrderStatus::kInitialized) {
    apply(order, OrderEvent::kCancelRequest, clock_.now());
    notify(order, previous);
    after_finished(order);
    return {CommandStatus::kAccepted, order.status, {}, {}};
  }
  if (ask_risk) {
    RiskDecision decision = risk_.check(order.order, RiskAction::kCancel);
    if (!decision.allowed()) {
      order.last_decision = std::move(decision);
      notify(order, previous);
      return {CommandStatus::kDenied, previous, order.last_decision, {}};
    }
  }
  apply(order, OrderEvent::kCancelRequest, clock_.now());
  notify(order, previous);
  venue_.cancel(order.order.client_order_id);
  return {CommandStatus::kAccepted, order.status, {}, {}};
}

std::size_t OrderManager::cancel_all() {
  // A snapshot: cancelling changes open_ underneath.
  std::vector<ManagedOrder*> targets;
  targets.reserve(open_.size());
  for (ManagedOrder* order : open_)
    targets.push_back(order);
  std::size_t count = 0;
  for (ManagedOrder* order : targets) {
    if (is_terminal(order->status) || order->status == OrderStatus::kPendingCancel) continue;
    if (send_cancel(*order, /*ask_risk=*/false).status == CommandStatus::kAccepted) ++count;
  }
  return count;
}

// --- venue input -----------------------------------------------------------------------------

void OrderManager::on_status(const OrderStatusReport& report) {
  ManagedOrder* order = lookup(report.client_order_id);
  if (order == nullptr) {
    this->report(report.client_order_id,
                 "status report for unknown order " + report.client_order_id.value());
    return;
  }
  const OrderStatus previous = order->status;
  if (!apply(*order, event_of(report.state), report.time)) return;
  // Any report after a modify means the venue has taken it: nothing to restore any more.
  order->before_modify.reset();
  order->venue_filled = report.filled;
  bool changed = previous != order->status;
  if (report.broker_order_id.value() != 0 && order->broker_order_id != report.broker_order_id) {
    order->broker_order_id = report.broker_order_id;
    changed = true;
  }
  if (!report.reason.empty() && report.reason != order->last_reason) {
    order->last_reason = report.reason;
    changed = true;
  }
  if (!changed) return;  // a duplicate or stale report: an accepted no-op
  notify(*order, previous);
  if (previous != order->status && is_terminal(order->status)) after_finished(*order);
}

void OrderManager::on_execution(const ExecutionReport& report) {
  const Fill& fill = report.fill;
  ManagedOrder* order = lookup(fill.client_order_id);
  if (order == nullptr) {
    this->report(fill.client_order_id, "execution " + fill.execution_id.value() +
                                           " for unknown order " + fill.client_order_id.value());
    return;
  }
  // IB re-sends executions (on reconnect): one booked before is recognised by its id. The id is
  // hashed once, here; it is added only once the fill is accepted.
  const ExecutionLog::Probe execution = executions_.probe(fill.execution_id.value());
  if (execution.index() != ExecutionLog::kNotFound) return;
  const auto refuse_fill = [&](const std::string& what) {
    this->report(order->order.client_order_id, what);
  };
  const ClientOrderId& id = order->order.client_order_id;
  if (!fill.quantity.is_positive() || fill.side != order->order.side) {
    refuse_fill("execution " + fill.execution_id.value() +
                " has a non-positive quantity or the wrong side: refused");
    return;
  }
  const Quantity filled = order->filled + fill.quantity;
  // A reduction the venue has not confirmed may have lost the race against this fill.
  Quantity ceiling = order->order.quantity;
  if (order->before_modify && order->before_modify->quantity > ceiling) {
    ceiling = order->before_modify->quantity;
  }
  if (filled > ceiling) {
    refuse_fill("execution " + fill.execution_id.value() + " would fill " + filled.to_string() +
                " of " + order->order.quantity.to_string() + ": refused");
    return;
  }
  const OrderStatus previous = order->status;
  const OrderEvent event =
      filled >= order->order.quantity ? OrderEvent::kFullFill : OrderEvent::kPartialFill;
  if (!apply(*order, event, fill.time)) return;  // reported
  const std::uint32_t number = executions_.add(fill.execution_id.value(), execution);
  execution_records_.push_back(ExecutionRecord{order, std::nullopt, kNoFillTicket});
  if (filled > order->order.quantity) {
    this->report(id, "filled " + filled.to_string() + " above the reduced quantity " +
                         order->order.quantity.to_string() + ": the reduction lost the race");
    order->keep_original();
    order->order.quantity = filled;
  }
  order->filled = filled;
  order->filled_notional += notional(fill.price, fill.quantity);
  order->commission += fill.commission;
  ++order->execution_count;
  if (report.broker_order_id.value() != 0) order->broker_order_id = report.broker_order_id;
  if (!fill.commission.is_zero()) execution_records_[number].commission = fill.commission;
  // Stored by number: the listener may act on the fill and grow the records meanwhile.
  const FillTicket ticket = listener_.on_new_fill(*order, fill);
  execution_records_[number].ticket = ticket;
  notify(*order, previous);
  after_fill(*order);
  if (previous != order->status && is_terminal(order->status)) after_finished(*order);
}

void OrderManager::on_commission(const CommissionUpdate& update) {
  const std::string& execution_id = update.execution_id.value();
  const std::uint32_t number = executions_.find(execution_id);
  if (number == ExecutionLog::kNotFound) {
    report(ClientOrderId{}, "commission for unknown execution " + execution_id + ": dropped");
    return;
  }
  ExecutionRecord& record = execution_records_[number];
  if (record.commission) {
    if (*record.commission != update.commission) {
      report(record.order->order.client_order_id,
             "commission " + update.commission.to_string() + " for execution " +
                 update.execution_id.value() + " differs from the " +
                 record.commission->to_string() + " booked: dropped");
    }
    return;
  }
  record.commission = update.commission;
  ManagedOrder& order = *record.order;
  order.commission += update.commission;
  order.updated_at = update.time;
  listener_.on_fill_commission(update, record.ticket);
  notify(order, order.status);
}

void OrderManager::on_rejected(const CommandRejected& rejected) {
  ManagedOrder* order = lookup(rejected.client_order_id);
  if (order == nullptr) {
    report(rejected.client_order_id,
           "rejection for unknown order " + rejected.client_order_id.value());
    return;
  }
  const OrderStatus previous = order->status;
  const OrderEvent event = rejected.order_is_dead        ? OrderEvent::kVenueRejected
                           : order->filled.is_positive() ? OrderEvent::kCommandRefusedAfterFill
                                                         : OrderEvent::kCommandRefused;
  if (!apply(*order, event, rejected.time)) return;
  // About a finished order (a late refusal, a reject after Cancelled): nothing to change.
  if (is_terminal(previous) && previous == order->status) return;
  order->last_reason = std::to_string(rejected.code) + ": " + rejected.reason;
  // A refusal outside PendingCancel answers the latest modify: the venue kept the old order,
  // unless fills beyond the old quantity prove that it took the new one.
  if (!rejected.order_is_dead && previous != OrderStatus::kPendingCancel && order->before_modify) {
    if (order->before_modify->quantity > order->filled) {
      order->order = *order->before_modify;  // the original was kept by the modify
    } else {
      report(order->order.client_order_id, "modify refused but " + order->filled.to_string() +
                                               " filled exceeds the old quantity " +
                                               order->before_modify->quantity.to_string() +
                                               ": keeping the new order");
    }
    order->before_modify.reset();
  }
  notify(*order, previous);
  if (previous != order->status && is_terminal(order->status)) after_finished(*order);
}

}  // namespace ibtrade::engine
