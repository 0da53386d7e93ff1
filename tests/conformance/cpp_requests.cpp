// Sends the byte comparison's fixed request list through our TWS adapter's typed messages
// (adapters/tws/messages + codec.hpp's encode_frame; orders through mapping's to_place_order)
// over a real socket: `cpp_requests <port>`. stoqey_requests.js sends the same requests with the
// same values through @stoqey/ib; compare_requests.js compares what a recording server received.
// Single-threaded, blocking I/O: a test driver, not a client.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "adapters/tws/mapping.hpp"
#include "adapters/tws/messages/account.hpp"
#include "adapters/tws/messages/bars.hpp"
#include "adapters/tws/messages/codec.hpp"
#include "adapters/tws/messages/contracts.hpp"
#include "adapters/tws/messages/executions.hpp"
#include "adapters/tws/messages/market_data.hpp"
#include "adapters/tws/messages/orders.hpp"
#include "adapters/tws/messages/scanner.hpp"
#include "adapters/tws/messages/session.hpp"
#include "adapters/tws/wire/frame.hpp"
#include "adapters/tws/wire/handshake.hpp"
#include "core/order.hpp"

namespace {

using namespace ibtrade;
using namespace ibtrade::tws;

constexpr int kClientId = 7;
constexpr const char* kAccount = "DU1234567";

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "cpp_requests: %s\n", message.c_str());
  std::exit(1);
}

class Connection {
 public:
  explicit Connection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) die("socket() failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      die("cannot connect to 127.0.0.1:" + std::to_string(port));
    }
  }
  ~Connection() { ::close(fd_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) die("send() failed");
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  template <WireMessage M>
  void send(const M& message) {
    send(encode_frame(message, caps_));
  }

  std::string next_frame() {
    for (;;) {
      auto payload = decoder_.next();
      if (!payload) die(payload.error().message);
      if (*payload) return std::move(**payload);
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) die("connection closed during the handshake");
      decoder_.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
    }
  }

  // Client hello, server hello, START_API, then NEXT_VALID_ID and MANAGED_ACCTS.
  void handshake() {
    const ClientHello hello;
    send(encode_client_hello(hello));
    const auto server = decode_server_hello(next_frame());
    if (!server) die(server.error().message);
    auto caps = accept_server_version(hello, server->server_version);
    if (!caps) die(caps.error().message);
    caps_ = *caps;
    send(StartApi{kClientId, ""});
    bool next_id = false;
    bool accounts = false;
    while (!next_id || !accounts) {
      const std::string payload = next_frame();
      next_id = next_id || decode<NextValidId>(payload, caps_).ok();
      accounts = accounts || decode<ManagedAccts>(payload, caps_).ok();
    }
  }

  void finish() { ::shutdown(fd_, SHUT_WR); }

 private:
  int fd_ = -1;
  FrameDecoder decoder_;
  Capabilities caps_ = kCapabilities178;
};

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

PlaceOrder place(const Order& o, std::int64_t id) {
  auto message = to_place_order(o, PlaceOrderIds{BrokerOrderId{id}, std::nullopt, true});
  if (!message) die(message.error().message);
  return *message;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) die("usage: cpp_requests <port>");
  Connection c(std::atoi(argv[1]));
  c.handshake();

  const WireContract aapl = to_wire_contract(us_stock("AAPL", "NASDAQ"));
  c.send(ReqIds{1});
  c.send(ReqCurrentTime{});
  c.send(ReqManagedAccts{});
  c.send(ReqAccountSummary{9001, "All", "NetLiquidation,BuyingPower,TotalCashValue"});
  c.send(ReqPositions{});

  Order lmt = order("conf-lmt", Side::kBuy, "100", OrderType::kLimit, TimeInForce::kDay);
  lmt.limit_price = price("150.25");
  c.send(place(lmt, 1000));
  c.send(place(order("conf-mkt", Side::kSell, "50", OrderType::kMarket, TimeInForce::kDay), 1001));
  Order stp = order("conf-stp", Side::kSell, "100", OrderType::kStop, TimeInForce::kGtc);
  stp.stop_price = price("140");
  c.send(place(stp, 1002));
  Order stp_lmt =
      order("conf-stp-lmt", Side::kSell, "100", OrderType::kStopLimit, TimeInForce::kDay);
  stp_lmt.limit_price = price("139.5");
  stp_lmt.stop_price = price("140.5");
  c.send(place(stp_lmt, 1003));
  Order trail =
      order("conf-trail", Side::kSell, "100", OrderType::kTrailingStop, TimeInForce::kDay);
  trail.trail_amount = price("2.5");
  trail.stop_price = price("147.75");
  c.send(place(trail, 1004));
  Order trail_pct =
      order("conf-trail-pct", Side::kSell, "100", OrderType::kTrailingStop, TimeInForce::kGtc);
  trail_pct.trail_percent = *Percent::parse("1.5");
  trail_pct.outside_rth = true;
  c.send(place(trail_pct, 1005));
  c.send(place(order("conf-moc", Side::kBuy, "100", OrderType::kMarketOnClose, TimeInForce::kDay),
               1006));
  Order loc = order("conf-loc", Side::kBuy, "100", OrderType::kLimitOnClose, TimeInForce::kDay);
  loc.limit_price = price("151.1");
  c.send(place(loc, 1007));

  c.send(CancelOrder{1000, ""});
  c.send(ReqGlobalCancel{});
  c.send(ReqOpenOrders{});
  c.send(ReqAllOpenOrders{});
  c.send(ReqExecutions{9002, ExecutionFilter{kClientId, kAccount, "20260302 09:30:00", "AAPL",
                                             "STK", "SMART", "BUY"}});
  c.send(ReqMarketDataType{3});
  ReqMktData market_data;
  market_data.req_id = 9003;
  market_data.contract = aapl;
  market_data.generic_tick_list = "258";
  c.send(market_data);
  ReqRealTimeBars bars;
  bars.req_id = 9004;
  bars.contract = aapl;
  bars.bar_size = 5;
  bars.what_to_show = "TRADES";
  bars.use_rth = true;
  c.send(bars);
  ReqHistoricalData history;
  history.req_id = 9005;
  history.contract = aapl;
  history.end_date_time = "20260302 16:00:00 US/Eastern";
  history.duration = "2 D";
  history.bar_size_setting = "1 day";
  history.what_to_show = "TRADES";
  history.use_rth = true;
  history.format_date = 1;
  history.keep_up_to_date = false;
  c.send(history);
  c.send(ReqContractData{9006, to_wire_contract(us_stock("AAPL"))});
  ReqScannerSubscription scanner;
  scanner.req_id = 9007;
  scanner.subscription.number_of_rows = 50;
  scanner.subscription.instrument = "STK";
  scanner.subscription.location_code = "STK.US.MAJOR";
  scanner.subscription.scan_code = "TOP_PERC_GAIN";
  scanner.filter_options = {
      {"priceAbove", "5"}, {"volumeAbove", "500000"}, {"marketCapAbove1e6", "300"}};
  c.send(scanner);
  c.send(ReqScannerParameters{});

  c.send(CancelScannerSubscription{9007});
  c.send(CancelHistoricalData{9005});
  c.send(CancelRealTimeBars{9004});
  c.send(CancelMktData{9003});
  c.send(CancelPositions{});
  c.send(CancelAccountSummary{9001});
  c.finish();
  return 0;
}
