#include "adapters/tws/client/client_session.hpp"

#include <algorithm>
#include <limits>

#include "adapters/tws/mapping.hpp"
#include "adapters/tws/wire/handshake.hpp"

namespace ibtrade::tws {

namespace {

using LogLevel = ClientListener::LogLevel;

std::string seconds_text(Nanoseconds span) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(span).count();
  return std::to_string(ms / 1000) + "." + std::to_string((ms % 1000) / 100) + " s";
}

// "20231207  09:35:01" and "20231207 09:35:01 America/New_York" -> "20231207 09:35:01", the
// form REQ_EXECUTIONS' time filter takes. Executions after it are asked for again, so a
// duplicate is possible and the owner de-duplicates by exec id.
std::string filter_time(const std::string& time) {
  std::string out;
  for (char c : time) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out.push_back(c);
  }
  if (out.size() > 17) out.resize(17);
  return out;
}

std::string historical_contract_key(const WireContract& c) {
  if (c.con_id != 0) return std::to_string(c.con_id);
  return c.symbol + " " + c.sec_type + " " + c.currency + " " + c.last_trade_date_or_contract_month;
}

}  // namespace

std::string_view to_string(ClientSession::State state) {
  switch (state) {
    case ClientSession::State::kIdle:
      return "idle";
    case ClientSession::State::kConnecting:
      return "connecting";
    case ClientSession::State::kAwaitingHello:
      return "awaiting server hello";
    case ClientSession::State::kAwaitingReady:
      return "awaiting next valid id";
    case ClientSession::State::kReady:
      return "ready";
    case ClientSession::State::kClosing:
      return "closing";
    case ClientSession::State::kWaitingToRetry:
      return "waiting to reconnect";
    case ClientSession::State::kStopped:
      return "stopped";
  }
  return "?";
}

ClientSession::ClientSession(ClientConfig config, ClientListener& listener, SessionPort& port,
                             const Clock& clock)
    : config_(std::move(config)),
      listener_(listener),
      port_(port),
      clock_(clock),
      client_id_(config_.client_id),
      pacer_(config_.messages_per_second),
      historical_(config_.historical),
      lines_(config_.market_data_lines),
      backoff_(config_.backoff),
      rng_(config_.jitter_seed) {}

// --- Lifecycle ------------------------------------------------------------------------------

void ClientSession::start() {
  if (state_ != State::kIdle) return;
  state_ = State::kConnecting;
  port_.connect_after(Nanoseconds::zero());
}

void ClientSession::stop(const std::string& reason) {
  if (state_ == State::kStopped) return;
  const bool open = state_ == State::kConnecting || state_ == State::kAwaitingHello ||
                    state_ == State::kAwaitingReady || state_ == State::kReady ||
                    state_ == State::kClosing || state_ == State::kWaitingToRetry;
  finish_stop(reason);
  if (open) port_.close(reason);
}

void ClientSession::finish_stop(const std::string& reason) {
  state_ = State::kStopped;
  log(LogLevel::kInfo, "TWS client stopped: " + reason);
  listener_.on_stopped(reason);
}

void ClientSession::connection_opened() {
  if (state_ == State::kStopped) {
    port_.close("client stopped");
    return;
  }
  state_ = State::kAwaitingHello;
  caps_ = kCapabilities178;
  info_ = ConnectionInfo{};
  have_next_id_ = false;
  have_accounts_ = false;
  client_id_refused_ = false;
  data_lost_ = false;
  ready_at_.reset();
  handshake_deadline_ = clock_.now() + config_.handshake_timeout;
  log(LogLevel::kInfo, "connected to TWS at " + config_.host + ":" + std::to_string(config_.port) +
                           "; announcing " + format_version_range(config_.hello));
  port_.send(encode_client_hello(config_.hello));  // raw bytes, not a paced message
  pump();
}

void ClientSession::frame_received(std::string_view payload) {
  switch (state_) {
    case State::kAwaitingHello:
      handle_hello(payload);
      break;
    case State::kAwaitingReady:
    case State::kReady: {
      auto message = decode_to_client_message(payload, caps_, config_.trailing);
      if (!message) {
        fail_connection("malformed message from TWS: " + message.error().message);
        return;
      }
      handle_message(std::move(*message));
      break;
    }
    default:
      return;  // closing or closed: what is still in the read buffer no longer counts
  }
  pump();
}

void ClientSession::handle_hello(std::string_view payload) {
  auto hello = decode_server_hello(payload);
  if (!hello) {
    fail_connection("bad server hello: " + hello.error().message);
    return;
  }
  auto caps = accept_server_version(config_.hello, hello->server_version);
  if (!caps) {
    fail_connection("version negotiation failed: " + caps.error().message);
    return;
  }
  caps_ = *caps;
  info_.server_version = hello->server_version;
  info_.connection_time = hello->connection_time;
  info_.client_id = client_id_;
  state_ = State::kAwaitingReady;
  log(LogLevel::kInfo, "TWS speaks server version " + std::to_string(hello->server_version) +
                           "; starting the API as client id " + std::to_string(client_id_));
  enqueue(StartApi{client_id_, ""});
}

void ClientSession::fail_connection(const std::string& reason) {
  if (state_ != State::kAwaitingHello && state_ != State::kAwaitingReady &&
      state_ != State::kReady) {
    return;
  }
  state_ = State::kClosing;
  log(LogLevel::kError, "closing the TWS connection: " + reason);
  port_.close(reason);
}

void ClientSession::connection_closed(const std::string& reason) {
  const Timestamp now = clock_.now();
  if (ready_at_) backoff_.connection_lost(*ready_at_, now);
  ready_at_.reset();

  // Make the state consistent first, then tell the owner (who may call back in).
  std::vector<int> unsent_orders;
  for (const Outgoing& o : outbox_) {
    if (o.order_id) unsent_orders.push_back(*o.order_id);
  }
  outbox_.clear();
  for (int handle : subscriptions_.handles())
    watchdog_.forget(handle);
  subscriptions_.unbind_all();
  std::vector<int> lost_requests;
  for (const auto& [handle, kind] : open_requests_) {
    lost_requests.push_back(handle);
    if (kind == OneShot::kHistorical || kind == OneShot::kHistoricalKeepUp) historical_.finished();
    if (kind == OneShot::kSnapshot) lines_.release(handle);
  }
  open_requests_.clear();
  data_lost_ = false;
  next_watchdog_check_ = Timestamp::max();
  handshake_deadline_ = Timestamp::max();
  paused_until_ = Timestamp{};
  const bool stopped = state_ == State::kStopped;
  if (!stopped) state_ = State::kWaitingToRetry;

  log(LogLevel::kWarning, "TWS connection closed: " + reason);
  listener_.on_disconnected(reason);
  for (int id : unsent_orders) {
    listener_.on_order_error(TwsError{id, kCodeNotConnected, ErrorClass::kConnectivity,
                                      "order message not sent: the connection to TWS was lost "
                                      "first; reconcile with the open orders after reconnect",
                                      false});
  }
  for (int handle : lost_requests) {
    listener_.on_request_error(TwsError{handle, kCodeNotConnected, ErrorClass::kConnectivity,
                                        "request lost with the connection to TWS", false},
                               true);
  }
  if (state_ == State::kStopped) return;

  if (client_id_refused_) {
    client_id_refused_ = false;
    ++client_id_refusals_;
    const std::string what =
        "client id " + std::to_string(client_id_) + " is already in use (TWS error 326)";
    if (config_.client_id_policy == ClientIdPolicy::kStop) {
      finish_stop(what + "; the configured policy is to stop");
      return;
    }
    if (client_id_refusals_ >= config_.client_id_attempts) {
      finish_stop(what + "; gave up after " + std::to_string(client_id_refusals_) +
                  " refusals in a row");
      return;
    }
    if (!ever_ready_) {
      ++client_id_;
      log(LogLevel::kWarning, what + "; trying client id " + std::to_string(client_id_));
      schedule_reconnect(Nanoseconds::zero());
    } else {
      // Our orders are bound to this id: keep it. TWS usually still holds our dropped socket.
      log(LogLevel::kWarning, what + "; retrying the same id, which our orders are bound to");
      schedule_reconnect(backoff_.next_delay(rng_()));
    }
    return;
  }
  schedule_reconnect(backoff_.next_delay(rng_()));
}

void ClientSession::connect_failed(const std::string& reason) {
  if (state_ == State::kStopped) return;
  const std::string what = "could not connect to TWS at " + config_.host + ":" +
                           std::to_string(config_.port) + ": " + reason;
  log(LogLevel::kWarning, what);
  listener_.on_error(TwsError{-1, kCodeCouldNotConnect, ErrorClass::kConnectivity, what, false});
  if (state_ == State::kStopped) return;
  schedule_reconnect(backoff_.next_delay(rng_()));
}

void ClientSession::schedule_reconnect(Nanoseconds delay) {
  state_ = State::kWaitingToRetry;
  log(LogLevel::kInfo, "reconnecting to TWS in " + seconds_text(delay));
  port_.connect_after(delay);
}

void ClientSession::on_timer() {
  const Timestamp now = clock_.now();
  if ((state_ == State::kAwaitingHello || state_ == State::kAwaitingReady) &&
      now >= handshake_deadline_) {
    fail_connection("handshake timed out: no NEXT_VALID_ID and MANAGED_ACCTS within " +
                    seconds_text(config_.handshake_timeout));
    return;
  }
  if (state_ == State::kReady && now >= next_watchdog_check_) {
    next_watchdog_check_ = now + config_.watchdog_interval;
    for (auto id : watchdog_.silent(now)) {
      const int handle = static_cast<int>(id);
      log(LogLevel::kWarning, "subscription " + std::to_string(handle) + " went silent");
      listener_.on_subscription_silent(handle);
    }
  }
  pump();
}

// --- Incoming -------------------------------------------------------------------------------

void ClientSession::handle_message(ToClientMessage message) {
  const Timestamp now = clock_.now();
  if (const auto* error = std::get_if<ErrMsg>(&message)) {
    handle_error(*error);
    return;
  }
  // Request ids of subscriptions become the caller's handles; data for an id nothing owns any
  // more (a subscription re-sent under a fresh id, a cancelled request) is dropped.
  bool keep = true;
  std::visit(
      [&](auto& m) {
        if constexpr (requires { m.req_id; }) {
          if (auto handle = subscriptions_.handle_of(m.req_id)) {
            m.req_id = *handle;
            watchdog_.data(*handle, now);
          } else if (m.req_id >= 0 && !open_requests_.contains(m.req_id)) {
            keep = false;
          }
        }
      },
      message);
  if (!keep) {
    log(LogLevel::kDebug, "dropped " + message_name(message) + " for a request id nothing owns");
    return;
  }
  if (const auto* next = std::get_if<NextValidId>(&message)) {
    next_order_id_ = std::max(next_order_id_, next->order_id);
    have_next_id_ = true;
    info_.next_order_id = next_order_id_;
    maybe_ready();
  } else if (const auto* accounts = std::get_if<ManagedAccts>(&message)) {
    info_.accounts = accounts->accounts;
    have_accounts_ = !accounts->accounts.empty();
    maybe_ready();
  } else if (const auto* execution = std::get_if<ExecutionData>(&message)) {
    remember_execution_time(execution->execution.time);
  } else if (const auto* executions_end = std::get_if<ExecutionDataEnd>(&message)) {
    open_requests_.erase(executions_end->req_id);
  } else if (const auto* details_end = std::get_if<ContractDataEnd>(&message)) {
    open_requests_.erase(details_end->req_id);
  } else if (const auto* snapshot_end = std::get_if<TickSnapshotEnd>(&message)) {
    if (open_requests_.erase(snapshot_end->req_id) > 0) lines_.release(snapshot_end->req_id);
  } else if (const auto* bars = std::get_if<HistoricalData>(&message)) {
    auto it = open_requests_.find(bars->req_id);
    if (it != open_requests_.end()) {
      if (it->second == OneShot::kHistorical) {
        historical_.finished();
        open_requests_.erase(it);
      } else if (it->second == OneShot::kHistoricalKeepUp) {
        historical_.finished();
        it->second = OneShot::kHistoricalUpdates;
      }
    }
  }

  if (const auto* unknown = std::get_if<UnknownMessage>(&message)) {
    log(LogLevel::kDebug, "TWS sent message id " + std::to_string(unknown->id) +
                              ", which this client does not decode");
  }
  listener_.on_message(message);
}

void ClientSession::remember_execution_time(const std::string& time) {
  std::string t = filter_time(time);
  if (t > last_execution_time_) last_execution_time_ = std::move(t);
}

void ClientSession::maybe_ready() {
  if (state_ == State::kAwaitingReady && have_next_id_ && have_accounts_) become_ready();
}

void ClientSession::become_ready() {
  const Timestamp now = clock_.now();
  state_ = State::kReady;
  ever_ready_ = true;
  client_id_refusals_ = 0;
  handshake_deadline_ = Timestamp::max();
  ready_at_ = now;
  backoff_.connected();
  info_.client_id = client_id_;
  info_.next_order_id = next_order_id_;

  // Reconciliation on every (re)connect, before anything the owner adds: what is working, what
  // filled while we were away, what we hold; then every subscription under a fresh id.
  if (market_data_type_) enqueue(ReqMarketDataType{*market_data_type_});
  if (config_.all_open_orders) {
    enqueue(ReqAllOpenOrders{});
  } else {
    enqueue(ReqOpenOrders{});
  }
  const int executions = next_request_id();
  open_requests_[executions] = OneShot::kExecutions;
  ExecutionFilter filter;
  filter.time = last_execution_time_;
  enqueue(ReqExecutions{executions, filter});
  enqueue(ReqPositions{});
  for (int handle : subscriptions_.handles())
    send_subscription(handle);
  if (config_.watchdog_interval > Nanoseconds::zero()) {
    next_watchdog_check_ = now + config_.watchdog_interval;
  }
  log(LogLevel::kInfo, "TWS session ready: client id " + std::to_string(client_id_) +
                           ", next order id " + std::to_string(next_order_id_) + ", " +
                           std::to_string(subscriptions_.size()) + " subscriptions restored");
  listener_.on_connected(info_);
}

void ClientSession::handle_error(const ErrMsg& e) {
  const Timestamp now = clock_.now();
  const ErrorClass error_class = classify_error(e.code);
  TwsError error{e.id, e.code, error_class, e.message, is_warning(e.code)};
  const std::string text = "TWS " + std::string(to_string(error_class)) + " " +
                           std::to_string(e.code) + " (id " + std::to_string(e.id) +
                           "): " + e.message;

  if (e.code == 326) {
    client_id_refused_ = true;
    fail_connection("client id " + std::to_string(client_id_) +
                    " is already in use (TWS error 326)");
    return;
  }
  switch (error_class) {
    case ErrorClass::kInfo:
      log(LogLevel::kInfo, text);
      return;
    case ErrorClass::kConnectivity:
      switch (e.code) {
        case 1100:
          data_lost_ = true;
          log(LogLevel::kWarning, text);
          listener_.on_link_state(LinkState::kLost);
          return;
        case 1101:
          data_lost_ = false;
          log(LogLevel::kWarning, text + "; re-subscribing market data");
          if (ready()) {
            for (int handle : subscriptions_.handles_of(
                     {SubscriptionKind::kMarketData, SubscriptionKind::kRealTimeBars})) {
              send_subscription(handle);
            }
          }
          listener_.on_link_state(LinkState::kRestoredDataLost);
          return;
        case 1102:
          data_lost_ = false;
          log(LogLevel::kInfo, text);
          listener_.on_link_state(LinkState::kRestored);
          return;
        case 1300:
        case kCodeNotConnected:
        case 507:
        case 509:
          fail_connection(text);
          return;
        default:
          log(LogLevel::kWarning, text);
          listener_.on_error(error);
          return;
      }
    case ErrorClass::kPacing:
      log(LogLevel::kWarning, text);
      if (e.code == 100) {
        // IB drops a client after three violations: hold everything back for a while.
        paused_until_ = now + config_.pacing_violation_pause;
        listener_.on_error(error);
        return;
      }
      historical_paused_until_ = now + config_.historical_violation_pause;
      break;  // 162 / 420 name a request: routed below
    default:
      log(error.warning ? LogLevel::kInfo : LogLevel::kWarning, text);
      break;
  }

  // Route by what the id names. Order and request ids are separate namespaces at TWS, so an
  // order-class code goes to the order first.
  const bool is_order = orders_.contains(e.id);
  if (error_class == ErrorClass::kOrder && e.id >= 0) {
    listener_.on_order_error(error);
    return;
  }
  if (auto handle = e.id >= 0 ? subscriptions_.handle_of(e.id) : std::nullopt) {
    error.id = *handle;
    if (!error.warning) end_subscription(*handle);
    listener_.on_request_error(error, !error.warning);
    return;
  }
  if (e.id >= 0 && open_requests_.contains(e.id)) {
    if (!error.warning) close_request(e.id);
    listener_.on_request_error(error, !error.warning);
    return;
  }
  if (is_order) {
    listener_.on_order_error(error);
    return;
  }
  listener_.on_error(error);
}

// --- Outgoing -------------------------------------------------------------------------------

void ClientSession::enqueue_any(const ToServerMessage& message) {
  std::visit(
      [this](const auto& m) {
        if constexpr (WireMessage<std::remove_cvref_t<decltype(m)>>) enqueue(m);
      },
      message);
}

Status ClientSession::require_ready(std::string_view what) const {
  if (ready()) return {};
  return make_error("not connected to TWS (" + std::string(to_string(state_)) + "): cannot " +
                    std::string(what));
}

void ClientSession::pump() {
  const Timestamp now = clock_.now();
  Timestamp wake = Timestamp::max();
  if (state_ == State::kReady) {
    for (auto it = historical_queue_.begin(); it != historical_queue_.end();) {
      if (now < historical_paused_until_) {
        wake = std::min(wake, historical_paused_until_);
        break;
      }
      const Timestamp at = historical_.earliest(it->key, now);
      if (at > now) {
        if (at != Timestamp::max()) wake = std::min(wake, at);
        ++it;
        continue;
      }
      ReqHistoricalData request = it->request;
      request.req_id = it->handle;
      open_requests_[it->handle] =
          request.keep_up_to_date ? OneShot::kHistoricalKeepUp : OneShot::kHistorical;
      historical_.sent(it->key, now);
      enqueue(request);
      it = historical_queue_.erase(it);
    }
  }
  if (state_ == State::kAwaitingReady || state_ == State::kReady) {
    while (!outbox_.empty()) {
      const Timestamp at = std::max(pacer_.next_slot(now), paused_until_);
      if (at > now) {
        wake = std::min(wake, at);
        break;
      }
      std::string frame = std::move(outbox_.front().frame);
      outbox_.pop_front();
      pacer_.sent(now);
      port_.send(std::move(frame));
    }
  }
  if (state_ == State::kReady) wake = std::min(wake, next_watchdog_check_);
  if (state_ == State::kAwaitingHello || state_ == State::kAwaitingReady) {
    wake = std::min(wake, handshake_deadline_);
  }
  if (wake != Timestamp::max()) port_.wake_at(wake);
}

Nanoseconds ClientSession::silence_for(SubscriptionKind kind) const {
  switch (kind) {
    case SubscriptionKind::kMarketData:
      return config_.market_data_silence;
    case SubscriptionKind::kRealTimeBars:
      return config_.real_time_bars_silence;
    case SubscriptionKind::kScanner:
      return config_.scanner_silence;
    default:
      return Nanoseconds::zero();  // account streams go quiet when nothing changes
  }
}

void ClientSession::send_subscription(int handle) {
  const Subscription* s = subscriptions_.find(handle);
  if (s == nullptr) return;
  // The first time the wire id is the handle itself; afterwards always a fresh one, so late
  // data for the old id can't be mistaken for the new subscription's.
  const int wire = s->binds == 0 ? handle : next_request_id();
  const SubscriptionRequest request = subscriptions_.bind(handle, wire);
  std::visit([this](const auto& r) { enqueue(r); }, request);
  const Nanoseconds allowance = silence_for(kind_of(request));
  if (allowance > Nanoseconds::zero()) watchdog_.watch(handle, allowance, clock_.now());
}

void ClientSession::end_subscription(int handle) {
  subscriptions_.remove(handle);
  lines_.release(handle);
  watchdog_.forget(handle);
}

void ClientSession::close_request(int handle) {
  auto it = open_requests_.find(handle);
  if (it == open_requests_.end()) return;
  if (it->second == OneShot::kHistorical || it->second == OneShot::kHistoricalKeepUp) {
    historical_.finished();
  }
  if (it->second == OneShot::kSnapshot) lines_.release(handle);
  open_requests_.erase(it);
}

Result<int> ClientSession::add_subscription(SubscriptionRequest request) {
  const int handle = next_request_id();
  if (takes_line(kind_of(request)) && !lines_.acquire(handle)) {
    return make_error("market-data line budget exhausted: " + std::to_string(lines_.used()) +
                      " of " + std::to_string(lines_.lines()) +
                      " lines in use; cancel a subscription first");
  }
  subscriptions_.add(handle, std::move(request));
  if (ready()) send_subscription(handle);
  pump();
  return handle;
}

// --- Requests -------------------------------------------------------------------------------

Result<BrokerOrderId> ClientSession::place_order(const Order& order,
                                                 std::optional<BrokerOrderId> parent,
                                                 bool transmit) {
  if (auto ok = require_ready("place an order"); !ok) return ok.error();
  auto message =
      to_place_order(order, PlaceOrderIds{BrokerOrderId{next_order_id_}, parent, transmit});
  if (!message) return message.error();
  const int id = next_order_id_++;
  orders_.insert(id);
  enqueue(*message, id);
  pump();
  return BrokerOrderId{id};
}

Status ClientSession::modify_order(BrokerOrderId id, const Order& order,
                                   std::optional<BrokerOrderId> parent, bool transmit) {
  if (auto ok = require_ready("modify an order"); !ok) return ok;
  auto message = to_place_order(order, PlaceOrderIds{id, parent, transmit});
  if (!message) return message.error();
  orders_.insert(message->order_id);
  enqueue(*message, message->order_id);
  pump();
  return {};
}

Result<BrokerOrderId> ClientSession::place_order(PlaceOrder message) {
  if (auto ok = require_ready("place an order"); !ok) return ok.error();
  if (message.order_id == 0) message.order_id = next_order_id_;
  if (message.order_id >= next_order_id_) {
    if (message.order_id == std::numeric_limits<int>::max()) {
      return make_error("order id " + std::to_string(message.order_id) + " is the last one");
    }
    next_order_id_ = message.order_id + 1;
  }
  orders_.insert(message.order_id);
  enqueue(message, message.order_id);
  pump();
  return BrokerOrderId{message.order_id};
}

Status ClientSession::cancel_order(BrokerOrderId id) {
  if (auto ok = require_ready("cancel an order"); !ok) return ok;
  if (id.value() <= 0 || id.value() > std::numeric_limits<int>::max()) {
    return make_error("order id " + std::to_string(id.value()) + " does not fit the wire's int");
  }
  const int order_id = static_cast<int>(id.value());
  enqueue(CancelOrder{order_id, ""}, order_id);
  pump();
  return {};
}

Status ClientSession::cancel_all_orders() {
  if (auto ok = require_ready("cancel all orders"); !ok) return ok;
  enqueue(ReqGlobalCancel{});
  pump();
  return {};
}

Status ClientSession::request_open_orders(bool all_clients) {
  if (auto ok = require_ready("request open orders"); !ok) return ok;
  if (all_clients) {
    enqueue(ReqAllOpenOrders{});
  } else {
    enqueue(ReqOpenOrders{});
  }
  pump();
  return {};
}

Status ClientSession::request_next_valid_id() {
  if (auto ok = require_ready("request the next order id"); !ok) return ok;
  enqueue(ReqIds{1});
  pump();
  return {};
}

Status ClientSession::request_current_time() {
  if (auto ok = require_ready("request the current time"); !ok) return ok;
  enqueue(ReqCurrentTime{});
  pump();
  return {};
}

Status ClientSession::request_managed_accounts() {
  if (auto ok = require_ready("request managed accounts"); !ok) return ok;
  enqueue(ReqManagedAccts{});
  pump();
  return {};
}

Status ClientSession::request_positions() {
  if (auto ok = require_ready("request positions"); !ok) return ok;
  enqueue(ReqPositions{});
  pump();
  return {};
}

Status ClientSession::cancel_positions() {
  if (auto ok = require_ready("cancel positions"); !ok) return ok;
  enqueue(CancelPositions{});
  pump();
  return {};
}

Status ClientSession::set_market_data_type(int market_data_type) {
  if (market_data_type < kMarketDataLive || market_data_type > kMarketDataDelayedFrozen) {
    return make_error("market data type " + std::to_string(market_data_type) +
                      " is not one of 1 (live), 2 (frozen), 3 (delayed), 4 (delayed frozen)");
  }
  market_data_type_ = market_data_type;
  if (ready()) enqueue(ReqMarketDataType{market_data_type});
  pump();
  return {};
}

Status ClientSession::request_scanner_parameters() {
  if (auto ok = require_ready("request scanner parameters"); !ok) return ok;
  enqueue(ReqScannerParameters{});
  pump();
  return {};
}

Result<int> ClientSession::request_executions(ExecutionFilter filter) {
  if (auto ok = require_ready("request executions"); !ok) return ok.error();
  const int handle = next_request_id();
  open_requests_[handle] = OneShot::kExecutions;
  enqueue(ReqExecutions{handle, std::move(filter)});
  pump();
  return handle;
}

Result<int> ClientSession::request_contract_details(WireContract contract) {
  if (auto ok = require_ready("request contract details"); !ok) return ok.error();
  const int handle = next_request_id();
  open_requests_[handle] = OneShot::kContractDetails;
  enqueue(ReqContractData{handle, std::move(contract)});
  pump();
  return handle;
}

Result<int> ClientSession::request_historical_bars(ReqHistoricalData request) {
  if (auto ok = require_ready("request historical bars"); !ok) return ok.error();
  const int handle = next_request_id();
  HistoricalKey key{historical_contract_key(request.contract),
                    request.contract.exchange,
                    request.what_to_show,
                    request.end_date_time,
                    request.duration,
                    request.bar_size_setting};
  historical_queue_.push_back(PendingHistorical{handle, std::move(request), std::move(key)});
  pump();
  return handle;
}

Result<int> ClientSession::subscribe_market_data(ReqMktData request) {
  if (!request.snapshot) return add_subscription(std::move(request));
  if (auto ok = require_ready("request a snapshot"); !ok) return ok.error();
  const int handle = next_request_id();
  if (!lines_.acquire(handle)) {
    return make_error("market-data line budget exhausted: " + std::to_string(lines_.used()) +
                      " of " + std::to_string(lines_.lines()) + " lines in use");
  }
  request.req_id = handle;
  open_requests_[handle] = OneShot::kSnapshot;
  enqueue(request);
  pump();
  return handle;
}

Result<int> ClientSession::subscribe_real_time_bars(ReqRealTimeBars request) {
  return add_subscription(std::move(request));
}

Result<int> ClientSession::subscribe_scanner(ScannerSubscription subscription,
                                             TagValueList filter_options) {
  return add_subscription(
      ReqScannerSubscription{0, std::move(subscription), std::move(filter_options), {}});
}

Result<int> ClientSession::subscribe_account_summary(std::string group, std::string tags) {
  return add_subscription(ReqAccountSummary{0, std::move(group), std::move(tags)});
}

Result<int> ClientSession::subscribe_account_updates(std::string account) {
  return add_subscription(ReqAcctData{true, std::move(account)});
}

Status ClientSession::cancel(int handle) {
  if (const Subscription* s = subscriptions_.find(handle)) {
    if (s->wire_id && ready()) enqueue_any(cancel_message(*s));
    end_subscription(handle);
    pump();
    return {};
  }
  for (auto it = historical_queue_.begin(); it != historical_queue_.end(); ++it) {
    if (it->handle == handle) {
      historical_queue_.erase(it);
      return {};
    }
  }
  auto it = open_requests_.find(handle);
  if (it == open_requests_.end()) {
    return make_error("no subscription or open request has handle " + std::to_string(handle));
  }
  if (ready()) {
    switch (it->second) {
      case OneShot::kHistorical:
      case OneShot::kHistoricalKeepUp:
      case OneShot::kHistoricalUpdates:
        enqueue(CancelHistoricalData{handle});
        break;
      case OneShot::kSnapshot:
        enqueue(CancelMktData{handle});
        break;
      default:
        break;  // executions and contract details have no cancel message
    }
  }
  close_request(handle);
  pump();
  return {};
}

Status ClientSession::resubscribe(int handle) {
  const Subscription* s = subscriptions_.find(handle);
  if (s == nullptr) return make_error("no subscription has handle " + std::to_string(handle));
  if (ready()) {
    if (s->wire_id) enqueue_any(cancel_message(*s));
    send_subscription(handle);
    pump();
  }
  return {};
}

std::optional<int> ClientSession::wire_id(int handle) const {
  const Subscription* s = subscriptions_.find(handle);
  return s == nullptr ? std::nullopt : s->wire_id;
}

}  // namespace ibtrade::tws
