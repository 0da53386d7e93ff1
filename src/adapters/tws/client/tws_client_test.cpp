// TwsClient over real loopback sockets against FakeTwsServer (the real handshake and codecs):
// readiness, exact order bytes, reconnect with reconciliation and restored subscriptions, the
// 326 policy, pacing, a malformed stream, and the watchdog. Waits are on conditions, with
// generous timeouts for a loaded machine.
#include "adapters/tws/client/tws_client.hpp"

#include <condition_variable>
#include <future>
#include <mutex>

#include <gtest/gtest.h>

#include "adapters/tws/mapping.hpp"
#include "adapters/tws/testing/doc_examples.hpp"
#include "adapters/tws/testing/doc_payload.hpp"
#include "adapters/tws/testing/fake_tws_server.hpp"

namespace ibtrade::tws {
namespace {

using namespace std::chrono_literals;
using testing::doc_payload;
using testing::FakeTwsServer;

constexpr auto kTimeout = 30s;

class WallClock final : public Clock {
 public:
  Timestamp now() const override {
    return std::chrono::time_point_cast<Nanoseconds>(std::chrono::system_clock::now());
  }
};

// Records what the client reports; waits block the test thread until a condition holds.
struct Events final : ClientListener {
  mutable std::mutex mutex;
  std::condition_variable changed;
  std::vector<ConnectionInfo> connected;
  std::vector<std::string> disconnected;
  std::vector<std::string> stopped;
  std::vector<ToClientMessage> messages;
  std::vector<int> silent;

  template <class F>
  void record(F&& f) {
    {
      std::lock_guard lock(mutex);
      f();
    }
    changed.notify_all();
  }
  void on_connected(const ConnectionInfo& info) override {
    record([&] { connected.push_back(info); });
  }
  void on_disconnected(const std::string& reason) override {
    record([&] { disconnected.push_back(reason); });
  }
  void on_stopped(const std::string& reason) override {
    record([&] { stopped.push_back(reason); });
  }
  void on_message(const ToClientMessage& message) override {
    record([&] { messages.push_back(message); });
  }
  void on_subscription_silent(int handle) override {
    record([&] { silent.push_back(handle); });
  }
  // `condition` runs under the lock.
  bool wait(const std::function<bool()>& condition) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, kTimeout, condition);
  }
  template <class M>
  std::vector<M> of() const {
    std::lock_guard lock(mutex);
    std::vector<M> out;
    for (const auto& m : messages) {
      if (const M* x = std::get_if<M>(&m)) out.push_back(*x);
    }
    return out;
  }
};

ClientConfig config_for(const FakeTwsServer& server) {
  ClientConfig c;
  c.host = "127.0.0.1";
  c.port = server.port();
  c.client_id = 7;
  c.backoff.first = 50ms;
  c.backoff.cap = 200ms;
  return c;
}

// Runs `f` on the client's io thread and returns its result.
template <class F>
auto on_io(TwsClient& client, F f) {
  using R = decltype(f(std::declval<ClientSession&>()));
  auto promise = std::make_shared<std::promise<R>>();
  auto future = promise->get_future();
  client.post([promise, f](ClientSession& s) { promise->set_value(f(s)); });
  if (future.wait_for(kTimeout) != std::future_status::ready) {
    ADD_FAILURE() << "the io thread did not run the work";
    std::abort();
  }
  return future.get();
}

WireContract aapl() {
  WireContract c;
  c.symbol = "AAPL";
  c.sec_type = "STK";
  c.exchange = "SMART";
  c.currency = "USD";
  return c;
}

TEST(TwsClient, HandshakeNegotiatesStartsTheApiAndBecomesReady) {
  FakeTwsServer server;
  server.set_server_max_version(176);
  Events events;
  WallClock clock;
  TwsClient client(config_for(server), events, clock);
  client.start();
  ASSERT_TRUE(events.wait([&] { return !events.connected.empty(); }));
  {
    std::lock_guard lock(events.mutex);
    EXPECT_EQ(events.connected[0].server_version, 176);
    EXPECT_EQ(events.connected[0].client_id, 7);
    EXPECT_EQ(events.connected[0].accounts, std::vector<std::string>{"DU1234567"});
    EXPECT_EQ(events.connected[0].next_order_id, 1001);
  }
  EXPECT_EQ(on_io(client, [](ClientSession& s) { return s.capabilities().server_version; }), 176);
  ASSERT_TRUE(server.wait_until([&] { return server.count_locked<ReqPositions>() == 1; }));
  const auto received = server.received();
  ASSERT_GE(received.size(), 4u);
  EXPECT_EQ(received[0].payload, doc_payload("71|2|7|"));  // START_API, client id 7
  EXPECT_TRUE(std::holds_alternative<ReqOpenOrders>(received[1].message));
  EXPECT_TRUE(std::holds_alternative<ReqExecutions>(received[2].message));
  EXPECT_TRUE(std::holds_alternative<ReqPositions>(received[3].message));

  // Replies come back through the listener.
  ASSERT_TRUE(on_io(client, [](ClientSession& s) { return s.request_current_time().ok(); }));
  ASSERT_TRUE(server.wait_until([&] { return server.count_locked<ReqCurrentTime>() == 1; }));
  server.send(CurrentTime{1767600000});
  ASSERT_TRUE(events.wait([&] {
    for (const auto& m : events.messages)
      if (std::holds_alternative<CurrentTime>(m)) return true;
    return false;
  }));
  client.stop();
  std::lock_guard lock(events.mutex);
  EXPECT_EQ(events.stopped.size(), 1u);
}

TEST(TwsClient, PlacingAnOrderSendsTheExactBytes) {
  FakeTwsServer server;
  Events events;
  WallClock clock;
  TwsClient client(config_for(server), events, clock);
  client.start();
  ASSERT_TRUE(events.wait([&] { return !events.connected.empty(); }));

  // The protocol doc's PLACE_ORDER example, byte for byte.
  const PlaceOrder doc = decode<PlaceOrder>(doc_payload(testing::kPlaceOrderLmt)).value();
  ASSERT_EQ(doc.order_id, 1001);
  auto id = on_io(client, [doc](ClientSession& s) { return s.place_order(doc); });
  ASSERT_TRUE(id.ok()) << id.error().message;
  ASSERT_TRUE(server.wait_until([&] { return server.count_locked<PlaceOrder>() == 1; }));
  auto received = server.received();
  EXPECT_EQ(received.back().payload, doc_payload(testing::kPlaceOrderLmt));

  // A core order takes the next id; a bracket child carries its parent and transmit.
  Order order;
  order.client_order_id = ClientOrderId{"c-2"};
  order.contract = us_stock("AAPL");
  order.side = Side::kSell;
  order.type = OrderType::kStop;
  order.tif = TimeInForce::kGtc;
  order.quantity = Quantity::from_units(100);
  order.stop_price = Price::parse("140").value();
  order.outside_rth = true;
  order.oca_group = "bracket-1";
  auto child = on_io(client, [order](ClientSession& s) {
    return s.place_order(order, BrokerOrderId{1001}, false);
  });
  ASSERT_TRUE(child.ok()) << child.error().message;
  EXPECT_EQ(child->value(), 1002);
  const PlaceOrder expected =
      to_place_order(order, PlaceOrderIds{BrokerOrderId{1002}, BrokerOrderId{1001}, false}).value();
  ASSERT_TRUE(server.wait_until([&] { return server.count_locked<PlaceOrder>() == 2; }));
  received = server.received();
  EXPECT_EQ(received.back().payload, encode(expected));
  const PlaceOrder& got = std::get<PlaceOrder>(received.back().message);
  EXPECT_EQ(got.order.parent_id, 1001);
  EXPECT_EQ(got.order.transmit, false);
  EXPECT_EQ(got.order.order_type, "STP");
  EXPECT_EQ(got.order.oca_group, "bracket-1");
  EXPECT_TRUE(got.order.outside_rth);

  ASSERT_TRUE(
      on_io(client, [](ClientSession& s) { return s.cancel_order(BrokerOrderId{1002}).ok(); }));
  ASSERT_TRUE(server.wait_until([&] { return server.count_locked<CancelOrder>() == 1; }));
  EXPECT_EQ(server.received().back().payload, doc_payload("4|1|1002|"));
}

TEST(TwsClient, ReconnectsAfterADropReconcilesAndRestoresSubscriptions) {
  FakeTwsServer server;
  Events events;
  WallClock clock;
  TwsClient client(config_for(server), events, clock);
  client.start();
  ASSERT_TRUE(events.wait([&] { return !events.connected.empty(); }));

  struct Handles {
    int md, rt, scan, acct;
  };
  const Handles h = on_io(client, [](ClientSession& s) {
    ReqMktData md;
    md.contract = aapl();
    md.generic_tick_list = "258";
    ReqRealTimeBars bars;
    bars.contract = aapl();
    ScannerSubscription scan;
    scan.instrument = "STK";
    scan.location_code = "STK.US.MAJOR";
    scan.scan_code = "TOP_PERC_GAIN";
    return Handles{s.subscribe_market_data(md).value(), s.subscribe_real_time_bars(bars).value(),
                   s.subscribe_scanner(scan, {{"priceAbove", "5"}}).value(),
                   s.subscribe_account_updates("DU1234567").value()};
  });
  ASSERT_TRUE(server.wait_until([&] { return server.count_locked<ReqAcctData>(1) == 1; }));
  ExecutionData fill;
  fill.order_id = 1001;
  fill.contract = aapl();
  fill.execution.exec_id = "0001.01";
  fill.execution.time = "20260105  10:15:00";
  fill.execution.side = "BOT";
  fill.execution.shares = Quantity::from_units(10);
  server.send(fill);
  ASSERT_TRUE(events.wait([&] {
    for (const auto& m : events.messages)
      if (std::holds_alternative<ExecutionData>(m)) return true;
    return false;
  }));

  server.drop();  // as the daily restart does
  ASSERT_TRUE(events.wait([&] { return events.connected.size() == 2; }));
  ASSERT_TRUE(server.wait_until([&] {
    return server.count_locked<ReqAcctData>(2) == 1 && server.count_locked<ReqMktData>(2) == 1;
  }));
  EXPECT_EQ(server.connections(), 2);
  {
    std::lock_guard lock(events.mutex);
    EXPECT_EQ(events.disconnected.size(), 1u);
  }
  EXPECT_EQ(server.messages<ReqOpenOrders>(2).size(), 1u);
  EXPECT_EQ(server.messages<ReqPositions>(2).size(), 1u);
  ASSERT_EQ(server.messages<ReqExecutions>(2).size(), 1u);
  EXPECT_EQ(server.messages<ReqExecutions>(2)[0].filter.time, "20260105 10:15:00");
  const ReqMktData md = server.messages<ReqMktData>(2).at(0);
  EXPECT_NE(md.req_id, h.md);  // a fresh id
  EXPECT_EQ(md.generic_tick_list, "258");
  EXPECT_NE(server.messages<ReqRealTimeBars>(2).at(0).req_id, h.rt);
  const auto scan = server.messages<ReqScannerSubscription>(2).at(0);
  EXPECT_NE(scan.req_id, h.scan);
  EXPECT_EQ(scan.filter_options, (TagValueList{{"priceAbove", "5"}}));
  EXPECT_EQ(server.messages<ReqAcctData>(2).at(0).account, "DU1234567");
  (void)h.acct;

  // Ticks under the new id reach the owner under the handle.
  server.send(TickPrice{md.req_id, kTickLast, 151.5, std::nullopt, 0});
  ASSERT_TRUE(events.wait([&] {
    for (const auto& m : events.messages)
      if (std::holds_alternative<TickPrice>(m)) return true;
    return false;
  }));
  EXPECT_EQ(events.of<TickPrice>().at(0).req_id, h.md);
}

TEST(TwsClient, ClientIdInUseMovesToTheNextId) {
  FakeTwsServer server;
  server.set_busy_client_ids({7});
  Events events;
  WallClock clock;
  TwsClient client(config_for(server), events, clock);
  client.start();
  ASSERT_TRUE(events.wait([&] { return !events.connected.empty(); }));
  std::lock_guard lock(events.mutex);
  EXPECT_EQ(events.connected[0].client_id, 8);
  EXPECT_EQ(server.client_ids(), (std::vector<int>{7, 8}));
}

TEST(TwsClient, ClientIdInUseWithTheStopPolicyStopsWithAClearError) {
  FakeTwsServer server;
  server.set_busy_client_ids({7});
  Events events;
  WallClock clock;
  ClientConfig config = config_for(server);
  config.client_id_policy = ClientIdPolicy::kStop;
  TwsClient client(config, events, clock);
  client.start();
  ASSERT_TRUE(events.wait([&] { return !events.stopped.empty(); }));
  EXPECT_EQ(on_io(client, [](ClientSession& s) { return s.state(); }),
            ClientSession::State::kStopped);
  EXPECT_EQ(server.connections(), 1);
  std::lock_guard lock(events.mutex);
  EXPECT_TRUE(events.connected.empty());
}

TEST(TwsClient, PacingSpreadsABurstAndDropsNothing) {
  FakeTwsServer server;
  Events events;
  WallClock clock;
  ClientConfig config = config_for(server);
  config.messages_per_second = 5;
  TwsClient client(config, events, clock);
  client.start();
  ASSERT_TRUE(events.wait([&] { return !events.connected.empty(); }));
  ASSERT_TRUE(on_io(client, [](ClientSession& s) {
    bool ok = true;
    for (int i = 0; i < 15; ++i)
      ok = s.request_current_time().ok() && ok;
    return ok;
  }));
  ASSERT_TRUE(server.wait_until([&] { return server.count_locked<ReqCurrentTime>() == 15; }));
  std::vector<std::chrono::steady_clock::time_point> times;
  for (const auto& r : server.received()) {
    if (std::holds_alternative<ReqCurrentTime>(r.message)) times.push_back(r.at);
  }
  // 19 messages after START_API at 5 a second can't all arrive within two seconds.
  EXPECT_GE(times.back() - times.front(), 1500ms);
}

// What was handed to the socket before stop() is written before the connection closes: an
// order placed just before a shutdown must reach the broker, not vanish in a cleared buffer.
TEST(TwsClient, StopWritesWhatIsAlreadyQueuedBeforeClosing) {
  FakeTwsServer server;
  Events events;
  WallClock clock;
  ClientConfig config = config_for(server);
  config.messages_per_second = 100'000;  // the pacer lets all of them through at once
  TwsClient client(config, events, clock);
  client.start();
  ASSERT_TRUE(events.wait([&] { return !events.connected.empty(); }));
  constexpr int kRequests = 400;
  client.post([](ClientSession& s) {
    for (int i = 0; i < kRequests; ++i)
      (void)s.request_current_time();
    (void)s.cancel_positions();
  });
  client.stop();  // right away: most of those bytes are still queued on the socket
  ASSERT_TRUE(server.wait_until([&] { return server.count_locked<CancelPositions>() == 1; }));
  EXPECT_EQ(server.messages<ReqCurrentTime>().size(), static_cast<std::size_t>(kRequests));
  std::lock_guard lock(events.mutex);
  EXPECT_EQ(events.stopped.size(), 1u);
}

TEST(TwsClient, AMalformedStreamClosesTheConnectionAndTheClientReconnects) {
  FakeTwsServer server;
  Events events;
  WallClock clock;
  TwsClient client(config_for(server), events, clock);
  client.start();
  ASSERT_TRUE(events.wait([&] { return !events.connected.empty(); }));

  server.send_raw(
      encode_frame(std::string_view("9\0"
                                    "1\0",
                                    4)));  // NEXT_VALID_ID, id cut off
  ASSERT_TRUE(events.wait([&] { return events.connected.size() == 2; }));
  {
    std::lock_guard lock(events.mutex);
    ASSERT_EQ(events.disconnected.size(), 1u);
    EXPECT_NE(events.disconnected[0].find("malformed message"), std::string::npos);
  }
  server.send_raw(std::string("\0\0\0\0", 4));  // a zero length can't be framing
  ASSERT_TRUE(events.wait([&] { return events.connected.size() == 3; }));
  {
    std::lock_guard lock(events.mutex);
    ASSERT_EQ(events.disconnected.size(), 2u);
    EXPECT_NE(events.disconnected[1].find("malformed stream"), std::string::npos);
  }
  EXPECT_TRUE(on_io(client, [](ClientSession& s) { return s.ready(); }));
}

TEST(TwsClient, TheWatchdogReportsASilentSubscription) {
  FakeTwsServer server;
  Events events;
  WallClock clock;
  ClientConfig config = config_for(server);
  config.market_data_silence = 300ms;
  config.watchdog_interval = 50ms;
  TwsClient client(config, events, clock);
  client.start();
  ASSERT_TRUE(events.wait([&] { return !events.connected.empty(); }));
  const int handle = on_io(client, [](ClientSession& s) {
    ReqMktData md;
    md.contract = aapl();
    return s.subscribe_market_data(md).value();
  });
  ASSERT_TRUE(events.wait([&] { return !events.silent.empty(); }));
  std::lock_guard lock(events.mutex);
  EXPECT_EQ(events.silent[0], handle);
}

}  // namespace
}  // namespace ibtrade::tws
