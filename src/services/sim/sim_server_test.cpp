// `ibtrade sim` over real loopback sockets: handshake and client ids, orders with IB's message
// sequences, market data, bars, contracts, scanner, pacing, malformed input and every fault.
#include "services/sim/sim_server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include "services/sim/contract_book.hpp"
#include "services/sim/csv_bar_source.hpp"
#include "services/sim/sim_test_support.hpp"

namespace ibtrade::sim {
namespace {

using testing::TestClient;

tws::WireContract us_stock_contract(const std::string& symbol) {
  tws::WireContract c;
  c.symbol = symbol;
  c.sec_type = "STK";
  c.exchange = "SMART";
  c.currency = "USD";
  return c;
}

class SimServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<SimServer>(testing::calendar(), testing::fast_options());
    ASSERT_TRUE(server_->start().ok());
  }
  unsigned short port() const { return server_->port(); }
  std::string symbol(std::size_t i = 0) const { return server_->market().universe().at(i).symbol; }
  static tws::WireContract stock(const std::string& symbol) { return us_stock_contract(symbol); }
  tws::PlaceOrder order(int id, const std::string& action, int quantity, const std::string& type,
                        std::optional<double> limit = std::nullopt) const {
    tws::PlaceOrder m;
    m.order_id = id;
    m.contract = stock(symbol());
    m.order.action = action;
    m.order.total_quantity = Quantity::from_units(quantity);
    m.order.order_type = type;
    m.order.lmt_price = limit;
    m.order.tif = "DAY";
    return m;
  }
  // The current price of symbol 0, from a market-data snapshot.
  double last_price(TestClient& client, int req_id) {
    tws::ReqMktData req;
    req.req_id = req_id;
    req.contract = stock(symbol());
    req.snapshot = true;
    client.send(req);
    auto last = client.wait_for<tws::TickPrice>([&](const tws::TickPrice& t) {
      return t.req_id == req_id && t.tick_type == tws::kTickLast;
    });
    return last && last->price ? *last->price : 0.0;
  }

  std::unique_ptr<SimServer> server_;
};

TEST_F(SimServerTest, TwoClientsConnectAndADuplicateClientIdGets326AndIsClosed) {
  TestClient a(port(), 1);
  TestClient b(port(), 2);
  for (TestClient* c : {&a, &b}) {
    EXPECT_EQ(c->server_version(), 178);
    auto accounts = c->wait_for<tws::ManagedAccts>();
    ASSERT_TRUE(accounts);
    EXPECT_EQ(accounts->accounts, std::vector<std::string>{"DU1234567"});
    ASSERT_TRUE(c->wait_for<tws::NextValidId>());
    EXPECT_TRUE(c->wait_error(2104, -1));
  }
  TestClient dup(port(), 1);
  EXPECT_TRUE(dup.wait_error(326, -1));
  EXPECT_TRUE(dup.wait_closed());
  // The first client with that id is untouched.
  a.send(tws::ReqCurrentTime{});
  auto time = a.wait_for<tws::CurrentTime>();
  ASSERT_TRUE(time);
  EXPECT_GT(time->epoch_seconds, 1'700'000'000);
}

TEST_F(SimServerTest, NegotiatesDownTo178AndRefusesClientsAbove) {
  TestClient stoqey(port(), 5, "v100..193");
  EXPECT_EQ(stoqey.server_version(), 178);
  EXPECT_TRUE(stoqey.wait_for<tws::NextValidId>());
  TestClient too_new(port(), std::nullopt, "v179..200");
  EXPECT_TRUE(too_new.wait_closed());
}

TEST_F(SimServerTest, MarketOrderGoesPreSubmittedSubmittedPartialFillsFilledWithCommissions) {
  TestClient c(port(), 7);
  auto next = c.wait_for<tws::NextValidId>();
  ASSERT_TRUE(next);
  const int id = next->order_id;
  // Larger than the displayed size (500), so it fills in parts over several quotes.
  c.send(order(id, "BUY", 1200, "MKT"));
  auto filled = c.wait_for<tws::OrderStatus>(
      [&](const tws::OrderStatus& s) { return s.order_id == id && s.status == "Filled"; });
  ASSERT_TRUE(filled);
  EXPECT_EQ(filled->filled, Quantity::from_units(1200));
  EXPECT_TRUE(filled->remaining.is_zero());
  EXPECT_GT(filled->avg_fill_price, 0.0);
  const auto executions = c.wait_count<tws::ExecutionData>(
      2, [&](const tws::ExecutionData& e) { return e.order_id == id; });
  ASSERT_GE(executions.size(), 2u);
  const auto commissions = c.wait_count<tws::CommissionReport>(executions.size());
  ASSERT_EQ(commissions.size(), executions.size());
  for (std::size_t i = 0; i < executions.size(); ++i) {
    EXPECT_EQ(executions[i].req_id, -1);
    EXPECT_EQ(executions[i].execution.side, "BOT");
    EXPECT_EQ(executions[i].execution.account, "DU1234567");
    EXPECT_EQ(commissions[i].exec_id, executions[i].execution.exec_id);
    EXPECT_GE(commissions[i].commission, 1.0);  // IBKR Fixed minimum per order
  }
  // IB's order of events for this order.
  std::vector<std::string> seen;
  for (const auto& m : c.messages()) {
    if (const auto* s = std::get_if<tws::OrderStatus>(&m); s && s->order_id == id) {
      seen.push_back("status:" + s->status);
    } else if (const auto* o = std::get_if<tws::OpenOrder>(&m); o && o->order_id == id) {
      seen.push_back("open:" + o->state.status);
    } else if (const auto* e = std::get_if<tws::ExecutionData>(&m); e && e->order_id == id) {
      seen.push_back("exec");
    }
  }
  ASSERT_GE(seen.size(), 6u);
  EXPECT_EQ(seen[0], "open:PreSubmitted");
  EXPECT_EQ(seen[1], "status:PreSubmitted");
  EXPECT_EQ(seen[2], "open:Submitted");
  EXPECT_EQ(seen[3], "status:Submitted");
  EXPECT_EQ(seen[4], "exec");
  EXPECT_EQ(seen.back(), "open:Filled");
  EXPECT_NE(std::find(seen.begin(), seen.end(), "status:Submitted"), seen.end());
  const auto partial = c.wait_for<tws::OrderStatus>([&](const tws::OrderStatus& s) {
    return s.order_id == id && s.status == "Submitted" && s.filled.is_positive();
  });
  EXPECT_TRUE(partial) << "a partial fill reports Submitted with filled > 0";

  // The executions, the position and the account reflect the fills.
  c.send(tws::ReqExecutions{42, {}});
  ASSERT_TRUE(c.wait_for<tws::ExecutionDataEnd>());
  EXPECT_EQ(c.wait_count<tws::ExecutionData>(executions.size() * 2).size(), executions.size() * 2);
  c.send(tws::ReqPositions{});
  auto position = c.wait_for<tws::PositionData>();
  ASSERT_TRUE(position);
  EXPECT_EQ(position->contract.symbol, symbol());
  EXPECT_EQ(position->position, Quantity::from_units(1200));
  ASSERT_TRUE(c.wait_for<tws::PositionEnd>());
  c.send(tws::ReqAcctData{true, ""});
  ASSERT_TRUE(c.wait_for<tws::AcctDownloadEnd>());
  EXPECT_TRUE(c.wait_for<tws::AcctValue>(
      [](const tws::AcctValue& v) { return v.value.find("SIMULATED") != std::string::npos; }));
  EXPECT_TRUE(c.wait_for<tws::PortfolioValue>());
  EXPECT_TRUE(c.wait_for<tws::AcctUpdateTime>());
  c.send(tws::ReqAccountSummary{9, "All", "NetLiquidation,BuyingPower"});
  ASSERT_TRUE(c.wait_for<tws::AccountSummaryEnd>());
  EXPECT_EQ(c.wait_count<tws::AccountSummary>(2).size(), 2u);
  c.send(tws::ReqAccountUpdatesMulti{11, "DU1234567", "", true});
  EXPECT_TRUE(c.wait_for<tws::AccountUpdateMultiEnd>());
}

TEST_F(SimServerTest, LimitOrderRestsIsListedAndCancelsWithIbsErrors) {
  TestClient c(port(), 3);
  auto next = c.wait_for<tws::NextValidId>();
  ASSERT_TRUE(next);
  const int id = next->order_id;
  const double price = last_price(c, 900);
  ASSERT_GT(price, 0.0);
  // Far below the market: it works without filling.
  c.send(order(id, "BUY", 100, "LMT", std::floor(price * 50.0) / 100.0));
  ASSERT_TRUE(c.wait_for<tws::OrderStatus>(
      [&](const tws::OrderStatus& s) { return s.order_id == id && s.status == "Submitted"; }));
  c.send(tws::ReqOpenOrders{});
  ASSERT_TRUE(c.wait_for<tws::OpenOrderEnd>());
  auto listed =
      c.wait_count<tws::OpenOrder>(3, [&](const tws::OpenOrder& o) { return o.order_id == id; });
  EXPECT_EQ(listed.back().state.status, "Submitted");
  EXPECT_EQ(listed.back().order.account, "DU1234567");

  c.send(tws::CancelOrder{id, ""});
  ASSERT_TRUE(c.wait_for<tws::OrderStatus>(
      [&](const tws::OrderStatus& s) { return s.order_id == id && s.status == "Cancelled"; }));
  EXPECT_TRUE(c.wait_error(202, id));

  // Errors IB would send.
  c.send(tws::CancelOrder{id + 50, ""});
  EXPECT_TRUE(c.wait_error(10147, id + 50));
  c.send(order(id, "BUY", 100, "LMT", 1.0));  // an id already used
  EXPECT_TRUE(c.wait_error(103, id));
  auto unknown = order(id + 1, "BUY", 100, "MKT");
  unknown.contract = stock("NOSUCH");
  c.send(unknown);
  EXPECT_TRUE(c.wait_error(200, id + 1));
  c.send(order(id + 2, "BUY", 100'000'000, "MKT"));  // far beyond the buying power
  auto rejected = c.wait_error(201, id + 2);
  ASSERT_TRUE(rejected);
  EXPECT_NE(rejected->message.find("Order rejected - reason:"), std::string::npos);
  c.send(order(id + 3, "BUY", 100, "REL"));
  EXPECT_TRUE(c.wait_error(201, id + 3));
}

TEST_F(SimServerTest, GlobalCancelEndsEveryWorkingOrder) {
  TestClient c(port(), 4);
  auto next = c.wait_for<tws::NextValidId>();
  ASSERT_TRUE(next);
  const double price = last_price(c, 901);
  c.send(order(next->order_id, "BUY", 10, "LMT", std::floor(price * 50.0) / 100.0));
  c.send(order(next->order_id + 1, "BUY", 10, "LMT", std::floor(price * 40.0) / 100.0));
  ASSERT_EQ(c.wait_count<tws::OrderStatus>(
                 2, [](const tws::OrderStatus& s) { return s.status == "Submitted"; })
                .size(),
            2u);
  c.send(tws::ReqGlobalCancel{});
  EXPECT_EQ(c.wait_count<tws::OrderStatus>(
                 2, [](const tws::OrderStatus& s) { return s.status == "Cancelled"; })
                .size(),
            2u);
}

TEST_F(SimServerTest, MarketDataTicksIncludingFundamentalRatios) {
  TestClient c(port(), 1);
  ASSERT_TRUE(c.wait_for<tws::NextValidId>());
  tws::ReqMktData req;
  req.req_id = 5;
  req.contract = stock(symbol(1));
  req.generic_tick_list = "233,258";
  c.send(req);
  ASSERT_TRUE(c.wait_for<tws::TickReqParams>());
  ASSERT_TRUE(c.wait_for<tws::MarketDataType>());
  for (int type : {tws::kTickBid, tws::kTickAsk, tws::kTickLast, tws::kTickHigh, tws::kTickLow}) {
    auto tick = c.wait_for<tws::TickPrice>(
        [&](const tws::TickPrice& t) { return t.req_id == 5 && t.tick_type == type; });
    ASSERT_TRUE(tick) << "tick type " << type;
    EXPECT_GT(*tick->price, 0.0);
  }
  auto bid = c.wait_for<tws::TickPrice>([](const tws::TickPrice& t) { return t.tick_type == 1; });
  auto ask = c.wait_for<tws::TickPrice>([](const tws::TickPrice& t) { return t.tick_type == 2; });
  EXPECT_LT(*bid->price, *ask->price);
  EXPECT_TRUE(bid->size && bid->size->is_positive());
  EXPECT_TRUE(c.wait_for<tws::TickSize>(
      [](const tws::TickSize& t) { return t.tick_type == tws::kTickVolume; }));
  auto ratios = c.wait_for<tws::TickString>(
      [](const tws::TickString& t) { return t.tick_type == tws::kTickFundamentalRatios; });
  ASSERT_TRUE(ratios);
  EXPECT_NE(ratios->value.find("MKTCAP="), std::string::npos);
  EXPECT_NE(ratios->value.find("PEEXCLXOR="), std::string::npos);
  // The stream goes on as market time moves.
  EXPECT_GE(c.wait_count<tws::TickSize>(
                 3, [](const tws::TickSize& t) { return t.tick_type == tws::kTickVolume; })
                .size(),
            3u);
  c.send(tws::CancelMktData{5});

  req.req_id = 6;
  req.contract = stock("NOSUCH");
  c.send(req);
  EXPECT_TRUE(c.wait_error(200, 6));
}

TEST_F(SimServerTest, RealTimeBarsStreamEveryFiveMarketSeconds) {
  TestClient c(port(), 1);
  ASSERT_TRUE(c.wait_for<tws::NextValidId>());
  tws::ReqRealTimeBars req;
  req.req_id = 8;
  req.contract = stock(symbol());
  c.send(req);
  auto bars = c.wait_count<tws::RealTimeBars>(3);
  ASSERT_GE(bars.size(), 3u);
  EXPECT_EQ(bars[1].time - bars[0].time, 5);
  EXPECT_EQ(bars[2].time - bars[1].time, 5);
  for (const auto& b : bars) {
    EXPECT_LE(b.low, b.open);
    EXPECT_LE(b.low, b.close);
    EXPECT_GE(b.high, b.open);
    EXPECT_GE(b.high, b.close);
    EXPECT_TRUE(b.volume);
  }
  c.send(tws::CancelRealTimeBars{8});
}

TEST_F(SimServerTest, HistoricalBarsAndContractDetails) {
  TestClient c(port(), 1);
  ASSERT_TRUE(c.wait_for<tws::NextValidId>());
  tws::ReqHistoricalData daily;
  daily.req_id = 20;
  daily.contract = stock(symbol());
  daily.bar_size_setting = "1 day";
  daily.duration = "10 D";
  c.send(daily);
  auto days =
      c.wait_for<tws::HistoricalData>([](const tws::HistoricalData& h) { return h.req_id == 20; });
  ASSERT_TRUE(days);
  ASSERT_GE(days->bars.size(), 5u);
  EXPECT_EQ(days->bars.front().date.size(), 8u);  // yyyyMMdd
  EXPECT_LT(days->bars.front().date, days->bars.back().date);

  tws::ReqHistoricalData minutes = daily;
  minutes.req_id = 21;
  minutes.bar_size_setting = "5 mins";
  minutes.duration = "2 D";
  minutes.format_date = 2;
  c.send(minutes);
  auto intraday =
      c.wait_for<tws::HistoricalData>([](const tws::HistoricalData& h) { return h.req_id == 21; });
  ASSERT_TRUE(intraday);
  ASSERT_GE(intraday->bars.size(), 70u);  // the previous session alone has 78
  EXPECT_EQ(std::stoll(intraday->bars[1].date) - std::stoll(intraday->bars[0].date), 300);

  tws::ReqContractData details;
  details.req_id = 30;
  details.contract = stock(symbol(2));
  c.send(details);
  auto data = c.wait_for<tws::ContractData>();
  ASSERT_TRUE(data);
  EXPECT_EQ(data->details.contract.symbol, symbol(2));
  EXPECT_GT(data->details.contract.con_id, 0);
  EXPECT_NE(data->details.long_name.find("SIMULATED"), std::string::npos);
  EXPECT_TRUE(c.wait_for<tws::ContractDataEnd>());
  details.req_id = 31;
  details.contract = stock("NOSUCH");
  c.send(details);
  EXPECT_TRUE(c.wait_error(200, 31));
  daily.req_id = 22;
  daily.contract = stock("NOSUCH");
  c.send(daily);
  EXPECT_TRUE(c.wait_error(200, 22));
}

TEST_F(SimServerTest, ScannerParametersAndSubscriptions) {
  TestClient c(port(), 1);
  ASSERT_TRUE(c.wait_for<tws::NextValidId>());
  c.send(tws::ReqScannerParameters{});
  auto params = c.wait_for<tws::ScannerParameters>();
  ASSERT_TRUE(params);
  EXPECT_NE(params->xml.find("<ScanParameterResponse>"), std::string::npos);
  EXPECT_NE(params->xml.find("TOP_PERC_GAIN"), std::string::npos);

  tws::ReqScannerSubscription scan;
  scan.req_id = 50;
  scan.subscription.number_of_rows = 5;
  scan.subscription.instrument = "STK";
  scan.subscription.location_code = "STK.US.MAJOR";
  scan.subscription.scan_code = "MOST_ACTIVE";
  scan.filter_options = {{"priceAbove", "0.5"}, {"marketCapAbove1e6", "1"}};
  c.send(scan);
  auto rows = c.wait_for<tws::ScannerData>(
      [](const tws::ScannerData& d) { return d.req_id == 50 && !d.rows.empty(); });
  ASSERT_TRUE(rows);
  EXPECT_LE(rows->rows.size(), 5u);
  for (std::size_t i = 0; i < rows->rows.size(); ++i) {
    EXPECT_EQ(rows->rows[i].rank, static_cast<int>(i));
    EXPECT_FALSE(rows->rows[i].contract.symbol.empty());
  }
  c.send(tws::CancelScannerSubscription{50});
  scan.req_id = 51;
  scan.subscription.scan_code = "TOP_PERC_GAIN";
  scan.filter_options = {{"priceAbove", "1000000"}};
  c.send(scan);
  auto none =
      c.wait_for<tws::ScannerData>([](const tws::ScannerData& d) { return d.req_id == 51; });
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->rows.empty());
  scan.req_id = 52;
  scan.subscription.scan_code = "NO_SUCH_SCAN";
  c.send(scan);
  EXPECT_TRUE(c.wait_error(321, 52));
}

TEST_F(SimServerTest, MoreThanFiftyMessagesASecondGetError100) {
  TestClient c(port(), 1);
  ASSERT_TRUE(c.wait_for<tws::NextValidId>());
  std::string burst;
  for (int i = 0; i < 80; ++i)
    burst += tws::encode_frame(tws::encode_message(tws::ToServerMessage(tws::ReqCurrentTime{})));
  c.send_raw(burst);
  auto pacing = c.wait_error(100, -1);
  ASSERT_TRUE(pacing);
  EXPECT_FALSE(c.closed());
}

TEST_F(SimServerTest, AMalformedMessageClosesOnlyThatConnection) {
  TestClient good(port(), 1);
  TestClient bad(port(), 2);
  ASSERT_TRUE(good.wait_for<tws::NextValidId>());
  ASSERT_TRUE(bad.wait_for<tws::NextValidId>());
  using namespace std::string_view_literals;
  bad.send_raw(tws::encode_frame("3\0not-a-number\0"sv));  // a truncated PLACE_ORDER
  EXPECT_TRUE(bad.wait_closed());
  good.send(tws::ReqCurrentTime{});
  EXPECT_TRUE(good.wait_for<tws::CurrentTime>());
  EXPECT_FALSE(good.closed());
  // The freed client id can connect again.
  TestClient again(port(), 2);
  EXPECT_TRUE(again.wait_for<tws::NextValidId>());
}

TEST_F(SimServerTest, FaultDropClosesEveryConnection) {
  TestClient a(port(), 1);
  TestClient b(port(), 2);
  ASSERT_TRUE(a.wait_for<tws::NextValidId>());
  ASSERT_TRUE(b.wait_for<tws::NextValidId>());
  EXPECT_EQ(server_->drop_all_connections(), 2u);
  EXPECT_TRUE(a.wait_closed());
  EXPECT_TRUE(b.wait_closed());
  TestClient c(port(), 1);
  EXPECT_TRUE(c.wait_for<tws::NextValidId>());
}

// Whether a TCP connect to the port is refused (nothing listens there).
bool refused(unsigned short port) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  asio::error_code ec;
  socket.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
  return ec == asio::error::connection_refused;
}

TEST_F(SimServerTest, FaultRestartWindowClosesThePortThenListensAgain) {
  TestClient a(port(), 1);
  ASSERT_TRUE(a.wait_for<tws::NextValidId>());
  server_->refuse_connections_for(std::chrono::seconds(2));
  EXPECT_TRUE(a.wait_closed());
  // The Gateway is down: nothing listens on the port, a connect is refused.
  EXPECT_TRUE(refused(port()));
  EXPECT_TRUE(server_->status().refusing_connections);
  // Once the window is over it listens on the same port again: retry as a client would.
  const auto deadline = std::chrono::steady_clock::now() + testing::kTimeout;
  while (refused(port()) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // a client's retry pause
  EXPECT_FALSE(server_->status().refusing_connections);
  TestClient back(port(), 1);
  EXPECT_EQ(back.server_version(), 178);
  EXPECT_TRUE(back.wait_for<tws::ManagedAccts>());
}

TEST_F(SimServerTest, FaultStatusDelayReordersStatusBehindExecutions) {
  TestClient c(port(), 1);
  auto next = c.wait_for<tws::NextValidId>();
  ASSERT_TRUE(next);
  server_->set_status_delay(std::chrono::milliseconds(400));
  c.send(order(next->order_id, "BUY", 100, "MKT"));
  ASSERT_TRUE(
      c.wait_for<tws::OrderStatus>([](const tws::OrderStatus& s) { return s.status == "Filled"; }));
  std::size_t first_exec = 0;
  std::size_t first_status = 0;
  const auto all = c.messages();
  for (std::size_t i = all.size(); i-- > 0;) {
    if (std::holds_alternative<tws::ExecutionData>(all[i])) first_exec = i;
    if (std::holds_alternative<tws::OrderStatus>(all[i])) first_status = i;
  }
  EXPECT_LT(first_exec, first_status) << "the delayed statuses arrive after the execution";
  server_->set_status_delay(Nanoseconds::zero());
}

TEST_F(SimServerTest, FaultConnectivityOverHttpSends1100Then1102) {
  TestClient c(port(), 1);
  ASSERT_TRUE(c.wait_for<tws::NextValidId>());
  httplib::Client http("127.0.0.1", server_->http_port());
  http.set_read_timeout(testing::kTimeout);
  auto res = http.Post("/sim/faults/connectivity?ms=50", "", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(c.wait_error(1100, -1));
  EXPECT_TRUE(c.wait_error(1102, -1));
  auto status = http.Get("/sim/status");
  ASSERT_TRUE(status);
  EXPECT_NE(status->body.find("\"simulated\":true"), std::string::npos);
  auto bad = http.Post("/sim/faults/status-delay?ms=soon", "", "text/plain");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto delay = http.Post("/sim/faults/status-delay?ms=0", "", "text/plain");
  ASSERT_TRUE(delay);
  EXPECT_EQ(delay->status, 200);
  auto drop = http.Post("/sim/faults/drop", "", "text/plain");
  ASSERT_TRUE(drop);
  EXPECT_TRUE(c.wait_closed());
  auto restart = http.Post("/sim/faults/restart?seconds=0", "", "text/plain");
  ASSERT_TRUE(restart);
  EXPECT_EQ(restart->status, 200);
}

// `ibtrade sim --csv`: the same protocol over bars replayed from a CSV file.
TEST(SimServerCsvTest, TicksHistoricalBarsAndContractsForACsvSymbolOnly) {
  const auto& new_york = *date::locate_zone("America/New_York");
  const std::vector<CsvInput> inputs{
      {std::string(IBTRADE_DATA_DIR) + "/orcl-1995-2014-daily.csv", std::nullopt, std::nullopt}};
  auto bars =
      CsvBarSource::load(inputs, CsvLoadOptions{&testing::calendar(), &new_york, nullptr}, 7);
  ASSERT_TRUE(bars) << bars.error().message;
  SimOptions options = testing::fast_options();
  options.symbols = 3;  // the synthetic market behind the NASDAQ API only
  options.from = date::year_month_day{date::year{1995}, date::month{2}, date::day{1}};
  options.bars = std::move(*bars);
  SimServer server(testing::calendar(), options);
  ASSERT_TRUE(server.start().ok());
  TestClient c(server.port(), 1);
  ASSERT_TRUE(c.wait_for<tws::NextValidId>());

  tws::ReqMktData req;
  req.req_id = 5;
  req.contract = us_stock_contract("ORCL");
  c.send(req);
  // 1995-02-01: 2.13 high, 2.08 low on the cent tick.
  auto last = c.wait_for<tws::TickPrice>(
      [](const tws::TickPrice& t) { return t.req_id == 5 && t.tick_type == tws::kTickLast; });
  ASSERT_TRUE(last && last->price);
  EXPECT_GE(*last->price, 2.08 - 1e-9);
  EXPECT_LE(*last->price, 2.14 + 1e-9);
  EXPECT_GE(c.wait_count<tws::TickSize>(
                 2, [](const tws::TickSize& t) { return t.tick_type == tws::kTickVolume; })
                .size(),
            2u);

  tws::ReqHistoricalData daily;
  daily.req_id = 20;
  daily.contract = us_stock_contract("ORCL");
  daily.bar_size_setting = "1 day";
  daily.duration = "3 D";
  c.send(daily);
  auto days =
      c.wait_for<tws::HistoricalData>([](const tws::HistoricalData& h) { return h.req_id == 20; });
  ASSERT_TRUE(days);
  ASSERT_GE(days->bars.size(), 2u);
  // 1995-01-31,2.074074,2.129630,2.061728,2.104938,...,37908400, on the tick.
  const tws::HistoricalBar& jan31 = days->bars[1];
  EXPECT_EQ(days->bars[0].date, "19950130");
  EXPECT_EQ(jan31.date, "19950131");
  EXPECT_DOUBLE_EQ(jan31.open, 2.07);
  EXPECT_DOUBLE_EQ(jan31.high, 2.13);
  EXPECT_DOUBLE_EQ(jan31.low, 2.06);
  EXPECT_DOUBLE_EQ(jan31.close, 2.10);
  EXPECT_EQ(jan31.volume, Quantity::from_units(37'908'400));

  tws::ReqHistoricalData minutes = daily;
  minutes.req_id = 21;
  minutes.bar_size_setting = "5 mins";
  minutes.duration = "2 D";
  c.send(minutes);
  auto intraday =
      c.wait_for<tws::HistoricalData>([](const tws::HistoricalData& h) { return h.req_id == 21; });
  ASSERT_TRUE(intraday);
  EXPECT_GE(intraday->bars.size(), 78u);  // the previous session, built from its daily row

  tws::ReqContractData details;
  details.req_id = 30;
  details.contract = us_stock_contract("ORCL");
  c.send(details);
  auto data = c.wait_for<tws::ContractData>();
  ASSERT_TRUE(data);
  EXPECT_EQ(data->details.contract.con_id, ContractBook::kFirstConId);

  // The synthetic universe is not served over TWS in a replay: unknown, as IB says.
  for (int id : {40, 41}) {
    req.req_id = id;
    req.contract = us_stock_contract(id == 40 ? server.market().universe().at(0).symbol : "MSFT");
    c.send(req);
    EXPECT_TRUE(c.wait_error(200, id));
  }
  server.stop();
}

}  // namespace
}  // namespace ibtrade::sim
