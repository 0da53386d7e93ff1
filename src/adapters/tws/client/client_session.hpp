// ClientSession: the TWS client's logic without the socket. It runs the handshake, decides what to
// send after every (re)connect (open orders, executions since the last one seen, positions, every
// subscription under a fresh request id), routes errors by class, paces every outgoing message,
// and maps wire request ids back to the caller's handles. Pure: time comes from the injected
// Clock, I/O goes through a SessionPort. Single-threaded: every method runs on the thread that
// drives the transport (TwsClient's io thread).
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/client/client_config.hpp"
#include "adapters/tws/client/client_listener.hpp"
#include "adapters/tws/client/session_port.hpp"
#include "adapters/tws/client/subscription_registry.hpp"
#include "adapters/tws/messages/codec.hpp"
#include "adapters/tws/messages/dispatch.hpp"
#include "adapters/tws/session/data_watchdog.hpp"
#include "adapters/tws/session/historical_pacer.hpp"
#include "adapters/tws/session/line_budget.hpp"
#include "adapters/tws/session/message_pacer.hpp"
#include "adapters/tws/session/reconnect_backoff.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/order.hpp"
#include "core/result.hpp"

namespace ibtrade::tws {

class ClientSession {
 public:
  enum class State {
    kIdle,            // not started
    kConnecting,      // TCP connect under way
    kAwaitingHello,   // client hello sent
    kAwaitingReady,   // START_API sent; waiting for NEXT_VALID_ID and MANAGED_ACCTS
    kReady,           // requests flow
    kClosing,         // we asked the transport to close; waiting for it
    kWaitingToRetry,  // disconnected; a connect is scheduled
    kStopped,         // gave up or stopped by the owner
  };

  ClientSession(ClientConfig config, ClientListener& listener, SessionPort& port,
                const Clock& clock);

  // --- Driven by the transport ---------------------------------------------------------------
  void start();                          // first connect, now
  void stop(const std::string& reason);  // close and never reconnect
  void connection_opened();              // TCP is up: sends the client hello
  void frame_received(std::string_view payload);
  void connection_closed(const std::string& reason);
  void connect_failed(const std::string& reason);
  void on_timer();

  // --- Requests (io thread). Orders and one-shot requests need a ready session; subscriptions
  // may be made at any time and go out (again) on every connect. Handles are positive ints,
  // unique for the session's life; data for a handle arrives with req_id == handle.
  Result<BrokerOrderId> place_order(const Order& order,
                                    std::optional<BrokerOrderId> parent = std::nullopt,
                                    bool transmit = true);
  // Re-sends an order under its existing id, which modifies it at TWS.
  Status modify_order(BrokerOrderId id, const Order& order,
                      std::optional<BrokerOrderId> parent = std::nullopt, bool transmit = true);
  // A wire order as is (what core doesn't model); order_id 0 takes the next id.
  Result<BrokerOrderId> place_order(PlaceOrder message);
  Status cancel_order(BrokerOrderId id);
  Status cancel_all_orders();  // REQ_GLOBAL_CANCEL
  Status request_open_orders(bool all_clients = false);
  Status request_next_valid_id();
  Status request_current_time();
  Status request_managed_accounts();
  Status request_positions();
  Status cancel_positions();
  Status set_market_data_type(int market_data_type);  // remembered and re-sent on reconnect
  Status request_scanner_parameters();
  Result<int> request_executions(ExecutionFilter filter);
  Result<int> request_contract_details(WireContract contract);
  // Queued behind HistoricalPacer (never refused for pacing); sent when IB's rules allow.
  Result<int> request_historical_bars(ReqHistoricalData request);
  // Streaming (snapshot=false) takes a market-data line until cancelled; refused when none is
  // left. A snapshot is a one-shot request that holds a line until TICK_SNAPSHOT_END.
  Result<int> subscribe_market_data(ReqMktData request);
  Result<int> subscribe_real_time_bars(ReqRealTimeBars request);
  Result<int> subscribe_scanner(ScannerSubscription subscription, TagValueList filter_options);
  Result<int> subscribe_account_summary(std::string group, std::string tags);
  Result<int> subscribe_account_updates(std::string account);
  // Ends any subscription or open request (historical, contract details, ...).
  Status cancel(int handle);
  // Cancels a subscription on the wire and sends it again under a fresh id (e.g. after the
  // watchdog reported it silent).
  Status resubscribe(int handle);

  // --- Queries ---------------------------------------------------------------------------------
  State state() const { return state_; }
  bool ready() const { return state_ == State::kReady; }
  int client_id() const { return client_id_; }
  const Capabilities& capabilities() const { return caps_; }
  const ConnectionInfo& connection() const { return info_; }
  bool data_lost() const { return data_lost_; }
  // Messages waiting for the pacer.
  std::size_t queued() const { return outbox_.size(); }
  std::size_t lines_in_use() const { return lines_.used(); }
  std::size_t subscriptions() const { return subscriptions_.size(); }
  // The time filter the next reconciliation sends ("" before the first execution).
  const std::string& last_execution_time() const { return last_execution_time_; }
  // The wire id a subscription has now (tests, logs).
  std::optional<int> wire_id(int handle) const;

 private:
  // kHistorical ends with its HISTORICAL_DATA; kHistoricalKeepUp then becomes kHistoricalUpdates,
  // open until cancelled.
  enum class OneShot {
    kExecutions,
    kContractDetails,
    kHistorical,
    kHistoricalKeepUp,
    kHistoricalUpdates,
    kSnapshot
  };
  struct Outgoing {
    std::string frame;
    std::optional<int> order_id;  // PLACE_ORDER / CANCEL_ORDER: reported if never sent
  };
  struct PendingHistorical {
    int handle = 0;
    ReqHistoricalData request;
    HistoricalKey key;
  };

  template <class M>
  void enqueue(const M& message, std::optional<int> order_id = std::nullopt) {
    outbox_.push_back(Outgoing{encode_frame(message, caps_), order_id});
  }
  void enqueue_any(const ToServerMessage& message);
  Status require_ready(std::string_view what) const;
  int next_request_id() { return next_request_id_++; }
  Result<int> add_subscription(SubscriptionRequest request);
  void send_subscription(int handle);
  void end_subscription(int handle);
  void pump();

  void handle_hello(std::string_view payload);
  void handle_message(ToClientMessage message);
  void handle_error(const ErrMsg& error);
  void maybe_ready();
  void become_ready();
  void fail_connection(const std::string& reason);
  void close_request(int handle);
  void schedule_reconnect(Nanoseconds delay);
  void finish_stop(const std::string& reason);
  void log(ClientListener::LogLevel level, const std::string& text) {
    listener_.on_log(level, text);
  }
  Nanoseconds silence_for(SubscriptionKind kind) const;
  void remember_execution_time(const std::string& time);

  ClientConfig config_;
  ClientListener& listener_;
  SessionPort& port_;
  const Clock& clock_;

  State state_ = State::kIdle;
  int client_id_;
  int client_id_refusals_ = 0;
  bool client_id_refused_ = false;  // 326 on the current connection
  bool ever_ready_ = false;
  Capabilities caps_ = kCapabilities178;
  ConnectionInfo info_;
  bool have_next_id_ = false;
  bool have_accounts_ = false;
  Timestamp handshake_deadline_ = Timestamp::max();
  std::optional<Timestamp> ready_at_;  // this connection's
  bool data_lost_ = false;

  MessagePacer pacer_;
  std::deque<Outgoing> outbox_;
  Timestamp paused_until_{};
  HistoricalPacer historical_;
  std::deque<PendingHistorical> historical_queue_;
  Timestamp historical_paused_until_{};
  LineBudget lines_;
  DataWatchdog watchdog_;
  Timestamp next_watchdog_check_ = Timestamp::max();
  ReconnectBackoff backoff_;
  std::mt19937_64 rng_;

  int next_order_id_ = 0;
  int next_request_id_ = 1;
  std::set<int> orders_;  // order ids placed in this session's life, to route their errors
  SubscriptionRegistry subscriptions_;
  std::map<int, OneShot> open_requests_;  // handle (== wire id) -> kind
  std::optional<int> market_data_type_;
  std::string last_execution_time_;
};

std::string_view to_string(ClientSession::State state);

}  // namespace ibtrade::tws
