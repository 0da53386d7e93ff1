// ClientListener: the narrow interface through which the TWS client hands everything it hears
// to its owner: connection state, decoded messages (request ids already mapped back to the
// caller's handles), errors routed by what they concern, and silent subscriptions. Every call
// runs on the client's io thread; an owner on another thread hands the data over through a queue.
#pragma once

#include <string>
#include <vector>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/error_codes.hpp"
#include "adapters/tws/messages/dispatch.hpp"
#include "core/ids.hpp"

namespace ibtrade::tws {

// What a ready session looks like (after NEXT_VALID_ID and MANAGED_ACCTS).
struct ConnectionInfo {
  int server_version = 0;
  std::string connection_time;  // as TWS sent it
  int client_id = 0;
  std::vector<std::string> accounts;
  int next_order_id = 0;
};

// The state of TWS's own link to IB's servers (codes 1100, 1101, 1102).
enum class LinkState {
  kLost,              // 1100: no data until restored
  kRestoredDataLost,  // 1101: the client has re-subscribed market data with fresh ids
  kRestored,          // 1102: nothing lost
};

// An ERR_MSG from TWS (or one the client raises itself, with IB's client-side codes 502/504).
struct TwsError {
  int id = -1;  // the caller's handle, the order id, or -1 for the connection
  int code = 0;
  ErrorClass error_class = ErrorClass::kOther;
  std::string message;
  bool warning = false;  // the request or order it names stays alive

  friend bool operator==(const TwsError&, const TwsError&) = default;
};

// Client-side codes, as IB's own clients number them.
inline constexpr int kCodeCouldNotConnect = 502;
inline constexpr int kCodeNotConnected = 504;

class ClientListener {
 public:
  virtual ~ClientListener() = default;

  // The session is ready: reconciliation requests and restored subscriptions are already queued.
  virtual void on_connected(const ConnectionInfo& /*info*/) {}
  // The connection ended (the client reconnects unless it has stopped).
  virtual void on_disconnected(const std::string& /*reason*/) {}
  // The client gave up (stop(), or 326 under the configured policy); it will not reconnect.
  virtual void on_stopped(const std::string& /*reason*/) {}
  virtual void on_link_state(LinkState /*state*/) {}

  // Every decoded message except ERR_MSG, in arrival order. Request ids of subscriptions are
  // replaced by the caller's handle; data for an id that no longer belongs to anything is dropped.
  virtual void on_message(const ToClientMessage& /*message*/) {}

  // An error about one of our orders (id = order id), including orders that could not be sent.
  virtual void on_order_error(const TwsError& /*error*/) {}
  // An error about a request or subscription (id = handle); `ended` when the client dropped it.
  virtual void on_request_error(const TwsError& /*error*/, bool /*ended*/) {}
  // Connection-level errors that are not mere notices (pacing, farm down, unknown ids, ...).
  virtual void on_error(const TwsError& /*error*/) {}

  // A subscription sent nothing for longer than its allowance (reported once until data comes).
  virtual void on_subscription_silent(int /*handle*/) {}

  enum class LogLevel { kDebug, kInfo, kWarning, kError };
  virtual void on_log(LogLevel /*level*/, const std::string& /*text*/) {}
};

}  // namespace ibtrade::tws
