// ClientSession without sockets: the handshake, reconciliation after every connect, pacing,
// subscriptions restored under fresh ids, error routing, the 326 policy, historical pacing and
// the watchdog, driven by a TestClock and a port that records what the session asks for.
#include "adapters/tws/client/client_session.hpp"

#include <gtest/gtest.h>

#include "adapters/tws/wire/handshake.hpp"

namespace ibtrade::tws {
namespace {

using namespace std::chrono_literals;

struct RecordingPort final : SessionPort {
  std::vector<std::string> sent;
  std::vector<std::string> closes;
  std::vector<Nanoseconds> connects;
  std::optional<Timestamp> wake;
  void send(std::string bytes) override { sent.push_back(std::move(bytes)); }
  void close(std::string reason) override { closes.push_back(std::move(reason)); }
  void connect_after(Nanoseconds delay) override { connects.push_back(delay); }
  void wake_at(Timestamp at) override { wake = at; }
};

struct RecordingListener final : ClientListener {
  std::vector<ConnectionInfo> connected;
  std::vector<std::string> disconnected;
  std::vector<std::string> stopped;
  std::vector<LinkState> links;
  std::vector<ToClientMessage> messages;
  std::vector<TwsError> order_errors;
  std::vector<std::pair<TwsError, bool>> request_errors;
  std::vector<TwsError> errors;
  std::vector<int> silent;
  void on_connected(const ConnectionInfo& info) override { connected.push_back(info); }
  void on_disconnected(const std::string& reason) override { disconnected.push_back(reason); }
  void on_stopped(const std::string& reason) override { stopped.push_back(reason); }
  void on_link_state(LinkState state) override { links.push_back(state); }
  void on_message(const ToClientMessage& message) override { messages.push_back(message); }
  void on_order_error(const TwsError& e) override { order_errors.push_back(e); }
  void on_request_error(const TwsError& e, bool ended) override {
    request_errors.emplace_back(e, ended);
  }
  void on_error(const TwsError& e) override { errors.push_back(e); }
  void on_subscription_silent(int handle) override { silent.push_back(handle); }
};

WireContract aapl() {
  WireContract c;
  c.symbol = "AAPL";
  c.sec_type = "STK";
  c.exchange = "SMART";
  c.currency = "USD";
  return c;
}

ReqMktData market_data(std::string ticks = "258") {
  ReqMktData r;
  r.contract = aapl();
  r.generic_tick_list = std::move(ticks);
  return r;
}

struct Harness {
  TestClock clock{Timestamp{std::chrono::seconds(1'700'000'000)}};
  RecordingPort port;
  RecordingListener listener;
  ClientConfig config;
  std::unique_ptr<ClientSession> session;

  ClientSession& s() {
    if (!session) session = std::make_unique<ClientSession>(config, listener, port, clock);
    return *session;
  }
  void feed(const ToClientMessage& m) { s().frame_received(encode_message(m)); }
  void open(int version = 178) {
    s().connection_opened();
    s().frame_received(encode_server_hello({version, "20260105 09:30:00 EST"}).substr(4));
  }
  void connect(int next_id = 1001) {
    if (s().state() == ClientSession::State::kIdle) s().start();
    open();
    feed(ManagedAccts{{"DU1234567"}});
    feed(NextValidId{next_id});
  }
  // Messages sent from index `from` on (the hello, not a frame, is skipped).
  std::vector<ToServerMessage> sent(std::size_t from = 0) const {
    std::vector<ToServerMessage> out;
    for (std::size_t i = from; i < port.sent.size(); ++i) {
      if (port.sent[i].starts_with(kApiPrefix)) continue;
      auto m = decode_to_server_message(std::string_view(port.sent[i]).substr(4));
      EXPECT_TRUE(m.ok());
      if (m) out.push_back(*m);
    }
    return out;
  }
  template <class M>
  std::vector<M> sent_of(std::size_t from = 0) const {
    std::vector<M> out;
    for (const auto& m : sent(from)) {
      if (const M* x = std::get_if<M>(&m)) out.push_back(*x);
    }
    return out;
  }
};

TEST(ClientSession, HandshakeThenStartApiThenReconciliationWhenReady) {
  Harness h;
  h.config.client_id = 7;
  h.s().start();
  ASSERT_EQ(h.port.connects, std::vector<Nanoseconds>{Nanoseconds::zero()});
  h.s().connection_opened();
  ASSERT_EQ(h.port.sent.size(), 1u);
  EXPECT_EQ(h.port.sent[0], encode_client_hello({100, 178, ""}));
  h.s().frame_received(encode_server_hello({176, "20260105 09:30:00 EST"}).substr(4));
  EXPECT_EQ(h.s().capabilities().server_version, 176);
  ASSERT_EQ(h.sent().size(), 1u);
  EXPECT_EQ(std::get<StartApi>(h.sent()[0]).client_id, 7);
  EXPECT_EQ(h.s().state(), ClientSession::State::kAwaitingReady);

  h.feed(NextValidId{1001});
  EXPECT_FALSE(h.s().ready());  // also needs the accounts
  h.feed(ManagedAccts{{"DU1234567"}});
  ASSERT_TRUE(h.s().ready());
  ASSERT_EQ(h.listener.connected.size(), 1u);
  EXPECT_EQ(h.listener.connected[0].accounts, std::vector<std::string>{"DU1234567"});
  EXPECT_EQ(h.listener.connected[0].next_order_id, 1001);
  EXPECT_EQ(h.listener.connected[0].server_version, 176);
  const auto after = h.sent(2);
  ASSERT_EQ(after.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<ReqOpenOrders>(after[0]));
  EXPECT_EQ(std::get<ReqExecutions>(after[1]).filter.time, "");
  EXPECT_TRUE(std::holds_alternative<ReqPositions>(after[2]));
}

TEST(ClientSession, AServerVersionOutsideTheRangeClosesTheConnection) {
  Harness h;
  h.s().start();
  h.open(150);
  ASSERT_EQ(h.port.closes.size(), 1u);
  EXPECT_NE(h.port.closes[0].find("version"), std::string::npos);
  EXPECT_EQ(h.s().state(), ClientSession::State::kClosing);
  h.s().connection_closed(h.port.closes[0]);
  EXPECT_EQ(h.s().state(), ClientSession::State::kWaitingToRetry);
  EXPECT_EQ(h.port.connects.size(), 2u);
}

TEST(ClientSession, RequestsBeforeReadyAreRefusedButSubscriptionsWait) {
  Harness h;
  EXPECT_FALSE(h.s().request_current_time().ok());
  auto handle = h.s().subscribe_market_data(market_data());
  ASSERT_TRUE(handle.ok());
  h.connect();
  const auto md = h.sent_of<ReqMktData>();
  ASSERT_EQ(md.size(), 1u);
  EXPECT_EQ(md[0].req_id, *handle);  // the first wire id is the handle itself
  EXPECT_EQ(md[0].generic_tick_list, "258");
}

TEST(ClientSession, PacingQueuesBeyondTheLimitAndNeverDrops) {
  Harness h;
  h.config.messages_per_second = 10;
  h.connect();
  const std::size_t base = h.sent().size();  // START_API + 3 reconciliation messages
  ASSERT_EQ(base, 4u);
  for (int i = 0; i < 25; ++i)
    ASSERT_TRUE(h.s().request_current_time().ok());
  EXPECT_EQ(h.sent().size(), 10u);  // 10 in the first second
  EXPECT_EQ(h.s().queued(), 19u);
  ASSERT_TRUE(h.port.wake.has_value());
  EXPECT_EQ(*h.port.wake, h.clock.now() + 1s);
  h.clock.advance_to(*h.port.wake);
  h.s().on_timer();
  EXPECT_EQ(h.sent().size(), 20u);
  h.clock.advance_to(*h.port.wake);
  h.s().on_timer();
  EXPECT_EQ(h.sent().size(), 29u);
  EXPECT_EQ(h.s().queued(), 0u);
}

TEST(ClientSession, PacingViolationHoldsEverythingBack) {
  Harness h;
  h.config.pacing_violation_pause = 2s;
  h.config.watchdog_interval = 1h;
  h.connect();
  h.feed(ErrMsg{-1, 100, "Max rate of messages per second has been exceeded", ""});
  const std::size_t before = h.sent().size();
  ASSERT_TRUE(h.s().request_current_time().ok());
  EXPECT_EQ(h.sent().size(), before);
  EXPECT_EQ(*h.port.wake, h.clock.now() + 2s);
  h.clock.advance_by(2s);
  h.s().on_timer();
  EXPECT_EQ(h.sent().size(), before + 1);
  EXPECT_EQ(h.listener.errors.size(), 1u);
}

TEST(ClientSession, ReconnectRestoresSubscriptionsUnderFreshIdsMappedToHandles) {
  Harness h;
  h.connect();
  const int md = h.s().subscribe_market_data(market_data()).value();
  ReqRealTimeBars bars;
  bars.contract = aapl();
  const int rt = h.s().subscribe_real_time_bars(bars).value();
  ScannerSubscription scan;
  scan.instrument = "STK";
  scan.location_code = "STK.US.MAJOR";
  scan.scan_code = "TOP_PERC_GAIN";
  const int sc = h.s().subscribe_scanner(scan, {{"priceAbove", "5"}}).value();
  const int acct = h.s().subscribe_account_updates("DU1234567").value();
  ExecutionData fill;
  fill.order_id = 1001;
  fill.contract = aapl();
  fill.execution.exec_id = "e1";
  fill.execution.time = "20260105  09:35:01";
  fill.execution.side = "BOT";
  h.feed(fill);
  EXPECT_EQ(h.s().lines_in_use(), 2u);

  h.s().connection_closed("peer closed the connection");
  EXPECT_EQ(h.listener.disconnected.size(), 1u);
  EXPECT_EQ(h.s().wire_id(md), std::nullopt);
  ASSERT_EQ(h.port.connects.size(), 2u);
  EXPECT_LE(h.port.connects[1], h.config.backoff.first);

  const std::size_t from = h.port.sent.size();
  h.connect();
  ASSERT_EQ(h.listener.connected.size(), 2u);
  const auto again = h.sent(from);
  // START_API, then open orders, executions since the last one seen, positions, then the
  // subscriptions.
  ASSERT_GE(again.size(), 8u);
  EXPECT_TRUE(std::holds_alternative<ReqOpenOrders>(again[1]));
  EXPECT_EQ(std::get<ReqExecutions>(again[2]).filter.time, "20260105 09:35:01");
  EXPECT_TRUE(std::holds_alternative<ReqPositions>(again[3]));
  const int md_wire = h.sent_of<ReqMktData>(from).at(0).req_id;
  EXPECT_NE(md_wire, md);
  EXPECT_EQ(h.s().wire_id(md), md_wire);
  EXPECT_NE(h.sent_of<ReqRealTimeBars>(from).at(0).req_id, rt);
  EXPECT_EQ(h.sent_of<ReqScannerSubscription>(from).at(0).filter_options,
            (TagValueList{{"priceAbove", "5"}}));
  EXPECT_NE(h.s().wire_id(sc), sc);
  EXPECT_EQ(h.sent_of<ReqAcctData>(from).at(0).account, "DU1234567");
  EXPECT_TRUE(h.s().wire_id(acct).has_value());
  EXPECT_EQ(h.s().lines_in_use(), 2u);

  // Data under the new id reaches the owner under the handle; the old id is dead.
  h.listener.messages.clear();
  h.feed(TickPrice{md_wire, kTickLast, 150.25, std::nullopt, 0});
  h.feed(TickPrice{md, kTickLast, 99.0, std::nullopt, 0});
  ASSERT_EQ(h.listener.messages.size(), 1u);
  EXPECT_EQ(std::get<TickPrice>(h.listener.messages[0]).req_id, md);
  EXPECT_EQ(std::get<TickPrice>(h.listener.messages[0]).price, 150.25);

  // Cancelling sends the cancel under the current id and frees the line.
  const std::size_t before_cancel = h.port.sent.size();
  ASSERT_TRUE(h.s().cancel(md).ok());
  EXPECT_EQ(h.sent_of<CancelMktData>(before_cancel).at(0).req_id, md_wire);
  EXPECT_EQ(h.s().lines_in_use(), 1u);
}

TEST(ClientSession, LineBudgetRefusesOverBudget) {
  Harness h;
  h.config.market_data_lines = 1;
  h.connect();
  ASSERT_TRUE(h.s().subscribe_market_data(market_data()).ok());
  auto refused = h.s().subscribe_market_data(market_data());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("line budget"), std::string::npos);
  EXPECT_EQ(h.sent_of<ReqMktData>().size(), 1u);
}

TEST(ClientSession, ClientIdInUseTriesTheNextIdBeforeTheFirstSession) {
  Harness h;
  h.config.client_id = 7;
  h.s().start();
  h.open();
  h.feed(ErrMsg{-1, 326, "client id is already in use", ""});
  ASSERT_EQ(h.port.closes.size(), 1u);
  h.s().connection_closed("peer closed the connection");
  EXPECT_EQ(h.s().client_id(), 8);
  EXPECT_EQ(h.port.connects.back(), Nanoseconds::zero());
  h.connect();
  EXPECT_TRUE(h.s().ready());
  EXPECT_EQ(h.listener.connected.back().client_id, 8);
}

TEST(ClientSession, ClientIdInUseAfterASessionKeepsTheIdAndGivesUpAfterTheAttempts) {
  Harness h;
  h.config.client_id = 7;
  h.config.client_id_attempts = 2;
  h.connect();
  h.s().connection_closed("peer closed the connection");
  for (int attempt = 0; attempt < 2; ++attempt) {
    h.open();
    h.feed(ErrMsg{-1, 326, "client id is already in use", ""});
    h.s().connection_closed("peer closed the connection");
    EXPECT_EQ(h.s().client_id(), 7);
  }
  EXPECT_EQ(h.s().state(), ClientSession::State::kStopped);
  ASSERT_EQ(h.listener.stopped.size(), 1u);
  EXPECT_NE(h.listener.stopped[0].find("326"), std::string::npos);
  EXPECT_EQ(h.port.connects.size(), 3u);  // start, after the drop, after the first refusal
}

TEST(ClientSession, ClientIdInUseWithTheStopPolicyStops) {
  Harness h;
  h.config.client_id_policy = ClientIdPolicy::kStop;
  h.s().start();
  h.open();
  h.feed(ErrMsg{-1, 326, "client id is already in use", ""});
  h.s().connection_closed("peer closed the connection");
  EXPECT_EQ(h.s().state(), ClientSession::State::kStopped);
  EXPECT_EQ(h.port.connects.size(), 1u);
  EXPECT_EQ(h.listener.stopped.size(), 1u);
}

TEST(ClientSession, ConnectivityNoticesMarkDataLostAndResubscribeOn1101) {
  Harness h;
  h.connect();
  const int md = h.s().subscribe_market_data(market_data()).value();
  const int acct = h.s().subscribe_account_updates("DU1234567").value();
  h.feed(ErrMsg{-1, 1100, "Connectivity between IB and TWS has been lost.", ""});
  EXPECT_TRUE(h.s().data_lost());
  const std::size_t from = h.port.sent.size();
  h.feed(ErrMsg{-1, 1101, "Connectivity restored - data lost.", ""});
  EXPECT_FALSE(h.s().data_lost());
  ASSERT_EQ(h.sent_of<ReqMktData>(from).size(), 1u);
  EXPECT_NE(h.sent_of<ReqMktData>(from)[0].req_id, md);
  EXPECT_TRUE(h.sent_of<ReqAcctData>(from).empty());  // account updates were not lost
  EXPECT_EQ(h.s().wire_id(acct), acct);
  h.feed(ErrMsg{-1, 1102, "Connectivity restored - data maintained.", ""});
  EXPECT_EQ(h.listener.links,
            (std::vector<LinkState>{LinkState::kLost, LinkState::kRestoredDataLost,
                                    LinkState::kRestored}));
  EXPECT_EQ(h.listener.connected.size(), 1u);  // the connection itself stayed up
}

TEST(ClientSession, ErrorsAreRoutedByClass) {
  Harness h;
  h.connect(1);
  // Notices only log.
  h.feed(ErrMsg{-1, 2104, "Market data farm connection is OK:usfarm", ""});
  EXPECT_TRUE(h.listener.errors.empty());
  // An order rejection goes to the order.
  PlaceOrder order;
  order.contract = aapl();
  order.order.action = "BUY";
  order.order.order_type = "MKT";
  order.order.total_quantity = Quantity::from_units(1);
  const BrokerOrderId id = h.s().place_order(order).value();
  EXPECT_EQ(id.value(), 1);
  h.feed(ErrMsg{1, 201, "Order rejected - reason: no trading permissions", ""});
  ASSERT_EQ(h.listener.order_errors.size(), 1u);
  EXPECT_EQ(h.listener.order_errors[0].code, 201);
  // A warning leaves the subscription alive; a subscription error ends it and frees its line.
  const int md = h.s().subscribe_market_data(market_data()).value();
  h.feed(ErrMsg{md, 10167, "Displaying delayed market data.", ""});
  ASSERT_EQ(h.listener.request_errors.size(), 1u);
  EXPECT_FALSE(h.listener.request_errors[0].second);
  EXPECT_EQ(h.s().subscriptions(), 1u);
  h.feed(ErrMsg{md, 354, "Requested market data is not subscribed.", ""});
  ASSERT_EQ(h.listener.request_errors.size(), 2u);
  EXPECT_TRUE(h.listener.request_errors[1].second);
  EXPECT_EQ(h.listener.request_errors[1].first.id, md);
  EXPECT_EQ(h.s().subscriptions(), 0u);
  EXPECT_EQ(h.s().lines_in_use(), 0u);
  // An unknown contract ends the contract-details request.
  const int details = h.s().request_contract_details(aapl()).value();
  h.feed(ErrMsg{details, 200, "No security definition has been found", ""});
  ASSERT_EQ(h.listener.request_errors.size(), 3u);
  EXPECT_EQ(h.listener.request_errors[2].first.id, details);
  EXPECT_TRUE(h.listener.request_errors[2].second);
  EXPECT_FALSE(h.s().cancel(details).ok());  // already ended
}

TEST(ClientSession, HistoricalRequestsWaitForThePacer) {
  Harness h;
  h.config.watchdog_interval = 1h;
  h.connect();
  ReqHistoricalData request;
  request.contract = aapl();
  request.duration = "1 D";
  request.bar_size_setting = "1 min";
  const int first = h.s().request_historical_bars(request).value();
  const int second = h.s().request_historical_bars(request).value();  // identical
  auto sent = h.sent_of<ReqHistoricalData>();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].req_id, first);
  EXPECT_EQ(*h.port.wake, h.clock.now() + 15s);
  h.feed(HistoricalData{first, "a", "b", {}});
  h.clock.advance_by(15s);
  h.s().on_timer();
  sent = h.sent_of<ReqHistoricalData>();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[1].req_id, second);
  // A pacing violation (162) ends the request and holds the next ones back.
  h.feed(ErrMsg{second, 162, "Historical Market Data Service error message:pacing violation", ""});
  EXPECT_TRUE(h.listener.request_errors.back().second);
  request.duration = "2 D";
  ASSERT_TRUE(h.s().request_historical_bars(request).ok());
  EXPECT_EQ(h.sent_of<ReqHistoricalData>().size(), 2u);
  EXPECT_EQ(*h.port.wake, h.clock.now() + h.config.historical_violation_pause);
}

TEST(ClientSession, AMalformedMessageClosesTheConnectionWithAReason) {
  Harness h;
  h.connect();
  h.s().frame_received(
      std::string("9\0"
                  "1\0",
                  4));  // NEXT_VALID_ID without its id
  ASSERT_EQ(h.port.closes.size(), 1u);
  EXPECT_NE(h.port.closes[0].find("malformed message"), std::string::npos);
  // Anything still buffered is ignored; the close brings a reconnect.
  h.feed(NextValidId{5});
  h.s().connection_closed(h.port.closes[0]);
  EXPECT_EQ(h.port.connects.size(), 2u);
  h.connect();
  EXPECT_TRUE(h.s().ready());
}

TEST(ClientSession, TheWatchdogReportsASilentSubscriptionOnce) {
  Harness h;
  h.config.market_data_silence = 10s;
  h.config.watchdog_interval = 1s;
  h.connect();
  const int md = h.s().subscribe_market_data(market_data()).value();
  for (int i = 0; i < 9; ++i) {
    h.clock.advance_by(1s);
    h.s().on_timer();
  }
  h.feed(TickPrice{md, kTickLast, 1.0, std::nullopt, 0});
  for (int i = 0; i < 10; ++i) {
    h.clock.advance_by(1s);
    h.s().on_timer();
  }
  EXPECT_TRUE(h.listener.silent.empty());
  for (int i = 0; i < 5; ++i) {
    h.clock.advance_by(1s);
    h.s().on_timer();
  }
  EXPECT_EQ(h.listener.silent, std::vector<int>{md});
  ASSERT_TRUE(h.s().resubscribe(md).ok());
  EXPECT_NE(h.s().wire_id(md), md);
}

TEST(ClientSession, OrdersNotYetSentWhenTheConnectionDropsAreReported) {
  Harness h;
  h.config.messages_per_second = 4;  // START_API + 3 reconciliation messages fill the second
  h.connect();
  PlaceOrder order;
  order.contract = aapl();
  order.order.action = "BUY";
  order.order.order_type = "MKT";
  order.order.total_quantity = Quantity::from_units(1);
  const BrokerOrderId id = h.s().place_order(order).value();
  EXPECT_EQ(h.s().queued(), 1u);
  h.s().connection_closed("peer closed the connection");
  ASSERT_EQ(h.listener.order_errors.size(), 1u);
  EXPECT_EQ(h.listener.order_errors[0].id, id.value());
  EXPECT_EQ(h.listener.order_errors[0].code, kCodeNotConnected);
  // The reconciliation request for executions was in flight too.
  EXPECT_EQ(h.listener.request_errors.size(), 1u);
}

TEST(ClientSession, StopClosesAndNeverReconnects) {
  Harness h;
  h.connect();
  h.s().stop("owner");
  EXPECT_EQ(h.port.closes.size(), 1u);
  h.s().connection_closed("owner");
  EXPECT_EQ(h.port.connects.size(), 1u);
  EXPECT_EQ(h.listener.stopped.size(), 1u);
  EXPECT_EQ(h.listener.disconnected.size(), 1u);
}

}  // namespace
}  // namespace ibtrade::tws
