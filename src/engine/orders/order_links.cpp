// Bracket and OCA sizing: the part of the order manager that turns one order's fills into
// commands for the orders linked to it.
#include <string>
#include <vector>

#include "engine/orders/order_manager.hpp"

namespace ibtrade::engine {

std::vector<ManagedOrder*> OrderManager::oca_members(const std::string& oca_key) {
  std::vector<ManagedOrder*> members;
  auto it = oca_groups_.find(oca_key);
  if (it == oca_groups_.end()) return members;
  members.reserve(it->second.size());
  for (const ClientOrderId& id : it->second)
    members.push_back(lookup(id));
  return members;
}

Quantity OrderManager::others_filled(const std::vector<ManagedOrder*>& members,
                                     const ManagedOrder& self) const {
  Quantity total;
  for (const ManagedOrder* member : members) {
    if (member != &self) total += member->filled;
  }
  return total;
}

void OrderManager::carry_fill_to_links(ManagedOrder& order) {
  // A bracket entry: its exits always equal its filled quantity, less what the other exit took.
  if (!order.children.empty()) {
    bool carried = false;
    for (const ClientOrderId& id : order.children) {
      ManagedOrder& child = *lookup(id);
      child.oca_base = order.filled;
      carried =
          carried || !(is_terminal(child.status) || child.status == OrderStatus::kPendingCancel);
    }
    resize_oca_group(lookup(order.children.front())->oca_key);
    if (!carried) {
      report(order.order.client_order_id,
             "entry filled " + order.filled.to_string() +
                 " after its bracket exits finished: the excess has no exit");
    }
  }
  if (order.oca_key.empty()) return;
  if (order.status != OrderStatus::kFilled) {
    resize_oca_group(order.oca_key);
    return;
  }
  // A complete fill cancels the rest of the group (and, for a bracket exit, what is left of the
  // entry: the trade is over, more entry fills would have no exit).
  for (ManagedOrder* member : oca_members(order.oca_key)) {
    if (member != &order && !is_terminal(member->status) &&
        member->status != OrderStatus::kPendingCancel) {
      send_cancel(*member, /*ask_risk=*/false);
    }
  }
  if (order.order.parent_id) {
    ManagedOrder* parent = lookup(*order.order.parent_id);
    if (parent != nullptr && is_working(parent->status) &&
        parent->status != OrderStatus::kPendingCancel) {
      send_cancel(*parent, /*ask_risk=*/false);
    }
  }
}

void OrderManager::resize_oca_group(const std::string& oca_key) {
  const std::vector<ManagedOrder*> members = oca_members(oca_key);
  for (ManagedOrder* member : members) {
    if (is_terminal(member->status) || member->status == OrderStatus::kPendingCancel) continue;
    if (member->status == OrderStatus::kInitialized && !member->oca_base.is_positive()) continue;
    const Quantity target = member->oca_base - others_filled(members, *member);
    if (target <= member->filled) {
      // Nothing left for this member: the others took it all.
      send_cancel(*member, /*ask_risk=*/false);
      continue;
    }
    if (member->status == OrderStatus::kInitialized) {
      activate_child(*member, target);
      continue;
    }
    if (target == member->order.quantity) continue;
    Order resized = member->order;
    resized.quantity = target;
    const bool reducing = target < member->order.quantity;
    const CommandResult result = send_modify(*member, std::move(resized), /*validated=*/false);
    if (result.status == CommandStatus::kDenied) {
      report(member->order.client_order_id,
             "resizing to " + target.to_string() + " denied: " + result.decision.text +
                 (reducing ? "; cancelled instead" : "; the difference has no exit"));
      if (reducing) send_cancel(*member, /*ask_risk=*/false);
    }
  }
}

void OrderManager::activate_child(ManagedOrder& child, Quantity quantity) {
  const OrderStatus previous = child.status;
  child.keep_original();
  child.order.quantity = quantity;
  RiskDecision decision = RiskDecision::allow();
  if (std::string problem = check_order(child.order); !problem.empty()) {
    decision = RiskDecision::deny(DenialReason::kInvalidOrder, problem);
  } else {
    decision = risk_.check_validated(child.order, RiskAction::kSubmit);
  }
  if (!decision.allowed()) {
    child.last_decision = decision;
    apply(child, OrderEvent::kDeny, clock_.now());
    notify(child, previous);
    report(child.order.client_order_id,
           "bracket exit denied: " + decision.text + "; " + quantity.to_string() + " has no exit");
    return;
  }
  apply(child, OrderEvent::kActivateChild, clock_.now());
  notify(child, previous);
  venue_.submit(child.order);
}

void OrderManager::finish_children(ManagedOrder& order) {
  // An entry that ends with nothing filled takes its held exits with it; one with fills leaves
  // them working at its filled quantity.
  if (order.children.empty() || order.filled.is_positive()) return;
  for (const ClientOrderId& id : order.children) {
    ManagedOrder& child = *lookup(id);
    if (child.status == OrderStatus::kInitialized) send_cancel(child, /*ask_risk=*/false);
  }
}

}  // namespace ibtrade::engine
