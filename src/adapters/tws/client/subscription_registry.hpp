// SubscriptionRegistry: the streaming requests the caller holds open, each under a stable handle,
// with the request id it currently has on the wire. A reconnect (or 1101) gives a subscription a
// fresh wire id; incoming data is mapped back to the handle. Pure; single-threaded (io thread).
#pragma once

#include <map>
#include <optional>
#include <variant>
#include <vector>

#include "adapters/tws/messages/dispatch.hpp"

namespace ibtrade::tws {

// The requests that stream until cancelled and are restored after every reconnect.
using SubscriptionRequest = std::variant<ReqMktData, ReqRealTimeBars, ReqScannerSubscription,
                                         ReqAcctData, ReqAccountSummary>;

enum class SubscriptionKind {
  kMarketData,
  kRealTimeBars,
  kScanner,
  kAccountUpdates,
  kAccountSummary
};

SubscriptionKind kind_of(const SubscriptionRequest& request);
// Market data and real-time bars occupy one of IB's market-data lines.
bool takes_line(SubscriptionKind kind);

struct Subscription {
  int handle = 0;
  std::optional<int> wire_id;  // none while not sent on the current connection
  SubscriptionRequest request;
  int binds = 0;  // how many wire ids it has had
  SubscriptionKind kind() const { return kind_of(request); }
};

class SubscriptionRegistry {
 public:
  void add(int handle, SubscriptionRequest request);
  const Subscription* find(int handle) const;
  // The handle a wire request id currently belongs to.
  std::optional<int> handle_of(int wire_id) const;
  std::optional<Subscription> remove(int handle);
  // Gives `handle` the wire id `wire_id` (a previous one stops mapping) and returns the request
  // to send, with that id in place.
  SubscriptionRequest bind(int handle, int wire_id);
  // The connection is gone: no wire id means anything any more.
  void unbind_all();
  // Handles in creation order, optionally of some kinds only.
  std::vector<int> handles() const;
  std::vector<int> handles_of(std::initializer_list<SubscriptionKind> kinds) const;
  std::size_t size() const { return by_handle_.size(); }

 private:
  std::map<int, Subscription> by_handle_;
  std::map<int, int> handle_by_wire_;
};

// The message that ends `subscription` on the wire (it must be bound).
ToServerMessage cancel_message(const Subscription& subscription);

}  // namespace ibtrade::tws
