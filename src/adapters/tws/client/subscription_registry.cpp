#include "adapters/tws/client/subscription_registry.hpp"

#include <cassert>

namespace ibtrade::tws {

SubscriptionKind kind_of(const SubscriptionRequest& request) {
  struct {
    SubscriptionKind operator()(const ReqMktData&) const { return SubscriptionKind::kMarketData; }
    SubscriptionKind operator()(const ReqRealTimeBars&) const {
      return SubscriptionKind::kRealTimeBars;
    }
    SubscriptionKind operator()(const ReqScannerSubscription&) const {
      return SubscriptionKind::kScanner;
    }
    SubscriptionKind operator()(const ReqAcctData&) const {
      return SubscriptionKind::kAccountUpdates;
    }
    SubscriptionKind operator()(const ReqAccountSummary&) const {
      return SubscriptionKind::kAccountSummary;
    }
  } visitor;
  return std::visit(visitor, request);
}

bool takes_line(SubscriptionKind kind) {
  return kind == SubscriptionKind::kMarketData || kind == SubscriptionKind::kRealTimeBars;
}

void SubscriptionRegistry::add(int handle, SubscriptionRequest request) {
  by_handle_[handle] = Subscription{handle, std::nullopt, std::move(request), 0};
}

const Subscription* SubscriptionRegistry::find(int handle) const {
  auto it = by_handle_.find(handle);
  return it == by_handle_.end() ? nullptr : &it->second;
}

std::optional<int> SubscriptionRegistry::handle_of(int wire_id) const {
  auto it = handle_by_wire_.find(wire_id);
  if (it == handle_by_wire_.end()) return std::nullopt;
  return it->second;
}

std::optional<Subscription> SubscriptionRegistry::remove(int handle) {
  auto it = by_handle_.find(handle);
  if (it == by_handle_.end()) return std::nullopt;
  Subscription out = std::move(it->second);
  by_handle_.erase(it);
  if (out.wire_id) handle_by_wire_.erase(*out.wire_id);
  return out;
}

SubscriptionRequest SubscriptionRegistry::bind(int handle, int wire_id) {
  auto it = by_handle_.find(handle);
  assert(it != by_handle_.end());
  Subscription& s = it->second;
  if (s.wire_id) handle_by_wire_.erase(*s.wire_id);
  s.wire_id = wire_id;
  ++s.binds;
  handle_by_wire_[wire_id] = handle;
  std::visit(
      [wire_id](auto& request) {
        if constexpr (requires { request.req_id; }) request.req_id = wire_id;
      },
      s.request);
  return s.request;
}

void SubscriptionRegistry::unbind_all() {
  for (auto& [handle, s] : by_handle_)
    s.wire_id.reset();
  handle_by_wire_.clear();
}

std::vector<int> SubscriptionRegistry::handles() const {
  std::vector<int> out;
  out.reserve(by_handle_.size());
  for (const auto& [handle, s] : by_handle_)
    out.push_back(handle);
  return out;
}

std::vector<int> SubscriptionRegistry::handles_of(
    std::initializer_list<SubscriptionKind> kinds) const {
  std::vector<int> out;
  for (const auto& [handle, s] : by_handle_) {
    for (SubscriptionKind k : kinds) {
      if (s.kind() == k) {
        out.push_back(handle);
        break;
      }
    }
  }
  return out;
}

ToServerMessage cancel_message(const Subscription& subscription) {
  assert(subscription.wire_id);
  const int id = subscription.wire_id.value_or(0);
  struct {
    int id;
    ToServerMessage operator()(const ReqMktData&) const { return CancelMktData{id}; }
    ToServerMessage operator()(const ReqRealTimeBars&) const { return CancelRealTimeBars{id}; }
    ToServerMessage operator()(const ReqScannerSubscription&) const {
      return CancelScannerSubscription{id};
    }
    ToServerMessage operator()(const ReqAcctData& r) const { return ReqAcctData{false, r.account}; }
    ToServerMessage operator()(const ReqAccountSummary&) const { return CancelAccountSummary{id}; }
  } visitor{id};
  return std::visit(visitor, subscription.request);
}

}  // namespace ibtrade::tws
