// Drives our TWS client (TwsClient, adapters/tws/client) through the byte comparison's fixed
// request list against a recording server: `cpp_requests <port>`. stoqey_requests.js makes the
// same requests with the same values through @stoqey/ib; compare_requests.js compares what the
// recording server received.
//
// Everything goes through the client's own API: the hello and START_API from the session, orders
// as core Orders through ClientSession::place_order(Order, parent, transmit) (so the order
// mapping is compared too), every other request through its typed method, cancels through the
// handles the client returned. The client adds its reconciliation after connecting (open orders,
// executions, positions); compare_requests.js checks and skips those.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "adapters/tws/client/tws_client.hpp"
#include "adapters/tws/mapping.hpp"
#include "core/order.hpp"

namespace {

using namespace ibtrade;
using namespace ibtrade::tws;
using namespace std::chrono_literals;

constexpr int kClientId = 7;  // as stoqey_requests.js
constexpr const char* kAccount = "DU1234567";
constexpr auto kTimeout = 15s;

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "cpp_requests: %s\n", message.c_str());
  std::exit(1);
}

class WallClock final : public Clock {
 public:
  Timestamp now() const override {
    return std::chrono::time_point_cast<Nanoseconds>(std::chrono::system_clock::now());
  }
};

// Hands on_connected to the main thread; anything unexpected (an error, a drop before we stop)
// fails the run. The recording server answers nothing after START_API, so nothing is expected.
class Listener final : public ClientListener {
 public:
  void on_connected(const ConnectionInfo& info) override {
    std::lock_guard lock(mutex_);
    connected_ = info;
    changed_.notify_all();
  }
  void on_disconnected(const std::string& reason) override { fail("disconnected: " + reason); }
  void on_order_error(const TwsError& e) override { fail("order error " + describe(e)); }
  void on_request_error(const TwsError& e, bool) override { fail("request error " + describe(e)); }
  void on_error(const TwsError& e) override { fail("error " + describe(e)); }
  void on_log(LogLevel level, const std::string& text) override {
    if (!stopping_ && (level == LogLevel::kWarning || level == LogLevel::kError)) {
      std::fprintf(stderr, "cpp_requests: client log: %s\n", text.c_str());
    }
  }

  ConnectionInfo wait_connected() {
    std::unique_lock lock(mutex_);
    if (!changed_.wait_for(lock, kTimeout, [&] { return connected_.has_value() || failed_; })) {
      die("no on_connected within 15 s");
    }
    if (failed_) die("failed before connecting");
    return *connected_;
  }
  void stopping() { stopping_ = true; }
  bool failed() {
    std::lock_guard lock(mutex_);
    return failed_;
  }

 private:
  static std::string describe(const TwsError& e) {
    return std::to_string(e.code) + " (id " + std::to_string(e.id) + "): " + e.message;
  }
  void fail(const std::string& what) {
    if (stopping_) return;  // stop() ends the requests still open (504): expected
    std::fprintf(stderr, "cpp_requests: unexpected %s\n", what.c_str());
    std::lock_guard lock(mutex_);
    failed_ = true;
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<ConnectionInfo> connected_;
  bool failed_ = false;
  std::atomic<bool> stopping_ = false;
};

// Runs `work` on the client's io thread and waits for it: everything queued on the io thread
// before it has run by the time this returns.
template <class F>
auto on_io_thread(TwsClient& client, F work) {
  using R = decltype(work(std::declval<ClientSession&>()));
  std::promise<R> done;
  client.post([&](ClientSession& session) {
    if constexpr (std::is_void_v<R>) {
      work(session);
      done.set_value();
    } else {
      done.set_value(work(session));
    }
  });
  auto future = done.get_future();
  if (future.wait_for(kTimeout) != std::future_status::ready) die("io thread did not answer");
  return future.get();
}

Price price(const char* text) {
  return *Price::parse(text);
}
Quantity quantity(const char* text) {
  return *Quantity::parse(text);
}

Order order(const char* ref, Side side, const char* qty, OrderType type, TimeInForce tif) {
  Order o;
  o.client_order_id = ClientOrderId{ref};
  o.account_id = AccountId{kAccount};
  o.contract = us_stock("AAPL", "NASDAQ");
  o.side = side;
  o.quantity = quantity(qty);
  o.type = type;
  o.tif = tif;
  return o;
}

// The list, in stoqey_requests.js's order. Runs on the io thread; returns the first failure.
std::optional<std::string> make_requests(ClientSession& s) {
  auto check = [](const auto& result, const char* what) -> std::optional<std::string> {
    if (result) return std::nullopt;
    return std::string(what) + ": " + result.error().message;
  };
#define IBTRADE_TRY(expr, what) \
  if (auto failure = check((expr), what)) return failure
#define IBTRADE_HANDLE(name, expr, what) \
  const auto name##_result = (expr);     \
  IBTRADE_TRY(name##_result, what);      \
  const int name = *name##_result

  const WireContract aapl = to_wire_contract(us_stock("AAPL", "NASDAQ"));
  IBTRADE_TRY(s.request_next_valid_id(), "REQ_IDS");
  IBTRADE_TRY(s.request_current_time(), "REQ_CURRENT_TIME");
  IBTRADE_TRY(s.request_managed_accounts(), "REQ_MANAGED_ACCTS");
  IBTRADE_HANDLE(summary,
                 s.subscribe_account_summary("All", "NetLiquidation,BuyingPower,TotalCashValue"),
                 "REQ_ACCOUNT_SUMMARY");
  IBTRADE_TRY(s.request_positions(), "REQ_POSITIONS");

  // Order ids come from NEXT_VALID_ID (the recording server sends 1000), one per order, as
  // stoqey_requests.js numbers them.
  std::int64_t expected_id = 1000;
  auto place = [&](const Order& o) -> std::optional<std::string> {
    const std::string what = "PLACE_ORDER " + o.client_order_id.value();
    auto id = s.place_order(o, std::nullopt, true);
    if (!id) return what + ": " + id.error().message;
    if (id->value() != expected_id) {
      return what + ": order id " + std::to_string(id->value()) + ", expected " +
             std::to_string(expected_id);
    }
    ++expected_id;
    return std::nullopt;
  };
  Order lmt = order("conf-lmt", Side::kBuy, "100", OrderType::kLimit, TimeInForce::kDay);
  lmt.limit_price = price("150.25");
  if (auto failure = place(lmt)) return failure;
  if (auto failure =
          place(order("conf-mkt", Side::kSell, "50", OrderType::kMarket, TimeInForce::kDay))) {
    return failure;
  }
  Order stp = order("conf-stp", Side::kSell, "100", OrderType::kStop, TimeInForce::kGtc);
  stp.stop_price = price("140");
  if (auto failure = place(stp)) return failure;
  Order stp_lmt =
      order("conf-stp-lmt", Side::kSell, "100", OrderType::kStopLimit, TimeInForce::kDay);
  stp_lmt.limit_price = price("139.5");
  stp_lmt.stop_price = price("140.5");
  if (auto failure = place(stp_lmt)) return failure;
  Order trail =
      order("conf-trail", Side::kSell, "100", OrderType::kTrailingStop, TimeInForce::kDay);
  trail.trail_amount = price("2.5");
  trail.stop_price = price("147.75");
  if (auto failure = place(trail)) return failure;
  Order trail_pct =
      order("conf-trail-pct", Side::kSell, "100", OrderType::kTrailingStop, TimeInForce::kGtc);
  trail_pct.trail_percent = *Percent::parse("1.5");
  trail_pct.outside_rth = true;
  if (auto failure = place(trail_pct)) return failure;
  if (auto failure = place(
          order("conf-moc", Side::kBuy, "100", OrderType::kMarketOnClose, TimeInForce::kDay))) {
    return failure;
  }
  Order loc = order("conf-loc", Side::kBuy, "100", OrderType::kLimitOnClose, TimeInForce::kDay);
  loc.limit_price = price("151.1");
  if (auto failure = place(loc)) return failure;

  IBTRADE_TRY(s.cancel_order(BrokerOrderId{1000}), "CANCEL_ORDER");
  IBTRADE_TRY(s.cancel_all_orders(), "REQ_GLOBAL_CANCEL");
  IBTRADE_TRY(s.request_open_orders(false), "REQ_OPEN_ORDERS");
  IBTRADE_TRY(s.request_open_orders(true), "REQ_ALL_OPEN_ORDERS");
  IBTRADE_TRY(s.request_executions(ExecutionFilter{kClientId, kAccount, "20260302 09:30:00", "AAPL",
                                                   "STK", "SMART", "BUY"}),
              "REQ_EXECUTIONS");
  IBTRADE_TRY(s.set_market_data_type(3), "REQ_MARKET_DATA_TYPE");
  ReqMktData market_data;
  market_data.contract = aapl;
  market_data.generic_tick_list = "258";
  IBTRADE_HANDLE(ticks, s.subscribe_market_data(market_data), "REQ_MKT_DATA");
  ReqRealTimeBars bars;
  bars.contract = aapl;
  bars.bar_size = 5;
  bars.what_to_show = "TRADES";
  bars.use_rth = true;
  IBTRADE_HANDLE(real_time_bars, s.subscribe_real_time_bars(bars), "REQ_REAL_TIME_BARS");
  ReqHistoricalData history;
  history.contract = aapl;
  history.end_date_time = "20260302 16:00:00 US/Eastern";
  history.duration = "2 D";
  history.bar_size_setting = "1 day";
  history.what_to_show = "TRADES";
  history.use_rth = true;
  history.format_date = 1;
  history.keep_up_to_date = false;
  IBTRADE_HANDLE(historical, s.request_historical_bars(history), "REQ_HISTORICAL_DATA");
  IBTRADE_TRY(s.request_contract_details(to_wire_contract(us_stock("AAPL"))), "REQ_CONTRACT_DATA");
  ScannerSubscription scan;
  scan.number_of_rows = 50;
  scan.instrument = "STK";
  scan.location_code = "STK.US.MAJOR";
  scan.scan_code = "TOP_PERC_GAIN";
  IBTRADE_HANDLE(
      scanner,
      s.subscribe_scanner(
          scan, {{"priceAbove", "5"}, {"volumeAbove", "500000"}, {"marketCapAbove1e6", "300"}}),
      "REQ_SCANNER_SUBSCRIPTION");
  IBTRADE_TRY(s.request_scanner_parameters(), "REQ_SCANNER_PARAMETERS");

  IBTRADE_TRY(s.cancel(scanner), "CANCEL_SCANNER_SUBSCRIPTION");
  IBTRADE_TRY(s.cancel(historical), "CANCEL_HISTORICAL_DATA");
  IBTRADE_TRY(s.cancel(real_time_bars), "CANCEL_REAL_TIME_BARS");
  IBTRADE_TRY(s.cancel(ticks), "CANCEL_MKT_DATA");
  IBTRADE_TRY(s.cancel_positions(), "CANCEL_POSITIONS");
  IBTRADE_TRY(s.cancel(summary), "CANCEL_ACCOUNT_SUMMARY");
#undef IBTRADE_HANDLE
#undef IBTRADE_TRY
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) die("usage: cpp_requests <port>");
  const int port = std::atoi(argv[1]);
  if (port <= 0 || port > 65535) die(std::string("bad port: ") + argv[1]);

  ClientConfig config;
  config.host = "127.0.0.1";
  config.port = static_cast<std::uint16_t>(port);
  config.client_id = kClientId;
  config.client_id_policy = ClientIdPolicy::kStop;
  config.hello = ClientHello{};  // v100..178
  // The whole list goes out at once (IB's 50 a second would only stretch the run); the order
  // of the frames is the pacer's either way.
  config.messages_per_second = 1000;

  Listener listener;
  WallClock clock;
  TwsClient client(config, listener, clock);
  client.start();
  const ConnectionInfo info = listener.wait_connected();
  if (info.server_version != 178 || info.next_order_id != 1000) {
    die("unexpected session: server version " + std::to_string(info.server_version) +
        ", next order id " + std::to_string(info.next_order_id));
  }

  if (auto failure = on_io_thread(client, make_requests)) die(*failure);

  // Wait until the session's outbox is empty (nothing waits for the pacer or the historical
  // pacer); stop() then writes what the session handed the socket before it closes.
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  while (on_io_thread(client, [](ClientSession& s) { return s.queued(); }) != 0) {
    if (std::chrono::steady_clock::now() > deadline) die("requests still queued after 15 s");
    std::this_thread::sleep_for(1ms);
  }
  if (listener.failed()) die("the client reported a problem");

  listener.stopping();
  client.stop();  // the recording server sees the disconnect and ends the recording
  return 0;
}
