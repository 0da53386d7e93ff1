// Golden frames: typed messages built by hand encode to exactly the doc's bytes, and every doc
// example decodes and re-encodes byte for byte.
#include <gtest/gtest.h>

#include "adapters/tws/messages/codec.hpp"
#include "adapters/tws/messages/dispatch.hpp"
#include "adapters/tws/testing/doc_examples.hpp"
#include "adapters/tws/testing/doc_payload.hpp"

namespace ibtrade::tws {
namespace {

using testing::doc_payload;
using testing::field_count;
using testing::hex_bytes;

WireContract aapl_smart(std::string primary = "") {
  WireContract c;
  c.symbol = "AAPL";
  c.sec_type = "STK";
  c.exchange = "SMART";
  c.primary_exchange = std::move(primary);
  c.currency = "USD";
  return c;
}

TEST(Golden, StartApiBytes) {
  // protocol doc 1.5: clientId 7.
  EXPECT_EQ(encode_frame(StartApi{7, ""}), hex_bytes("00 00 00 08 | 37 31 00 32 00 37 00 00"));
}

TEST(Golden, PlaceOrderLimit) {
  PlaceOrder m;
  m.order_id = 1001;
  m.contract = aapl_smart();
  m.order.action = "BUY";
  m.order.total_quantity = Quantity::from_units(100);
  m.order.order_type = "LMT";
  m.order.lmt_price = 150.25;
  m.order.tif = "DAY";
  const std::string payload = encode(m);
  EXPECT_EQ(field_count(payload), 114u);
  EXPECT_EQ(payload, doc_payload(testing::kPlaceOrderLmt));
  EXPECT_EQ(encode_frame(m), testing::framed(doc_payload(testing::kPlaceOrderLmt)));
}

TEST(Golden, PlaceOrderMarket) {
  PlaceOrder m;
  m.order_id = 1002;
  m.contract = aapl_smart();
  m.order.action = "BUY";
  m.order.total_quantity = Quantity::from_units(100);
  m.order.order_type = "MKT";
  m.order.tif = "DAY";
  const std::string payload = encode(m);
  EXPECT_EQ(field_count(payload), 114u);
  EXPECT_EQ(payload, doc_payload(testing::kPlaceOrderMkt));
}

TEST(Golden, PlaceOrderStopAndStopLimitFromTheValueSheet) {
  // protocol doc 3.10 value sheet: #16 action .. #21 tif.
  PlaceOrder stop;
  stop.contract = aapl_smart();
  stop.order.action = "SELL";
  stop.order.total_quantity = Quantity::from_units(100);
  stop.order.order_type = "STP";
  stop.order.aux_price = 140.0;
  stop.order.tif = "GTC";
  const std::string stop_payload = encode(stop);
  FieldReader r(stop_payload, "PLACE_ORDER");
  for (int i = 0; i < 16; ++i)
    r.skip("x");
  EXPECT_EQ(r.string("action"), "SELL");
  EXPECT_EQ(r.string("totalQuantity"), "100");
  EXPECT_EQ(r.string("orderType"), "STP");
  EXPECT_EQ(r.string("lmtPrice"), "");
  EXPECT_EQ(r.string("auxPrice"), "140.0");
  EXPECT_EQ(r.string("tif"), "GTC");

  PlaceOrder stop_limit = stop;
  stop_limit.order.order_type = "STP LMT";
  stop_limit.order.lmt_price = 139.5;
  stop_limit.order.tif = "DAY";
  const std::string payload = encode(stop_limit);
  FieldReader s(payload, "PLACE_ORDER");
  for (int i = 0; i < 18; ++i)
    s.skip("x");
  EXPECT_EQ(s.string("orderType"), "STP LMT");
  EXPECT_EQ(s.string("lmtPrice"), "139.5");
  EXPECT_EQ(s.string("auxPrice"), "140.0");
}

TEST(Golden, ReqMktDataWithGenericTick258) {
  ReqMktData m;
  m.req_id = 1;
  m.contract = aapl_smart("NASDAQ");
  m.generic_tick_list = "258";
  const std::string payload = encode(m);
  EXPECT_EQ(field_count(payload), 20u);
  EXPECT_EQ(payload, doc_payload(testing::kReqMktData258));
}

TEST(Golden, ReqHistoricalData) {
  ReqHistoricalData m;
  m.req_id = 3;
  m.contract = aapl_smart("NASDAQ");
  m.end_date_time = "";
  m.bar_size_setting = "1 day";
  m.duration = "2 D";
  m.use_rth = true;
  m.what_to_show = "TRADES";
  m.format_date = 1;
  const std::string payload = encode(m);
  EXPECT_EQ(field_count(payload), 23u);
  EXPECT_EQ(payload, doc_payload(testing::kReqHistoricalData));
}

TEST(Golden, ReqScannerSubscriptionWithFilterTags) {
  ReqScannerSubscription m;
  m.req_id = 5;
  m.subscription.number_of_rows = 50;
  m.subscription.instrument = "STK";
  m.subscription.location_code = "STK.US.MAJOR";
  m.subscription.scan_code = "TOP_PERC_GAIN";
  m.filter_options = {{"priceAbove", "5"}, {"marketCapAbove1e6", "100"}};
  EXPECT_EQ(encode(m), doc_payload("22|5|50|STK|STK.US.MAJOR|TOP_PERC_GAIN||||||||||||||0||||"
                                   "priceAbove=5;marketCapAbove1e6=100;|"));
}

TEST(Golden, OpenOrderAsTheSimulatorSendsIt) {
  OpenOrder m;
  m.order_id = 1001;
  m.contract = aapl_smart();
  m.contract.con_id = 265598;
  m.contract.local_symbol = "AAPL";
  m.contract.trading_class = "NMS";
  WireOrder& o = m.order;
  o.action = "BUY";
  o.total_quantity = Quantity::from_units(100);
  o.order_type = "LMT";
  o.lmt_price = 150.25;
  o.aux_price = 0.0;
  o.tif = "DAY";
  o.account = "DU111111";
  o.client_id = 7;
  o.perm_id = 123456789;
  o.oca_type = 3;
  o.cash_qty = 0.0;
  const std::string unset = "1.7976931348623157E308";
  WireOrderState& s = m.state;
  s.status = "Submitted";
  for (std::string* margin :
       {&s.init_margin_before, &s.maint_margin_before, &s.equity_with_loan_before,
        &s.init_margin_change, &s.maint_margin_change, &s.equity_with_loan_change,
        &s.init_margin_after, &s.maint_margin_after, &s.equity_with_loan_after}) {
    *margin = unset;
  }
  const std::string payload = encode(m);
  EXPECT_EQ(field_count(payload), 127u);
  EXPECT_EQ(payload, doc_payload(testing::kOpenOrderLmt));
}

TEST(Golden, OpenOrderFromTheDocDecodes) {
  auto m = decode<OpenOrder>(doc_payload(testing::kOpenOrderLmt));
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->order_id, 1001);
  EXPECT_EQ(m->contract.con_id, 265598);
  EXPECT_EQ(m->contract.trading_class, "NMS");
  EXPECT_EQ(m->order.total_quantity, Quantity::from_units(100));
  EXPECT_EQ(m->order.lmt_price, 150.25);
  EXPECT_EQ(m->order.aux_price, 0.0);
  EXPECT_EQ(m->order.client_id, 7);
  EXPECT_EQ(m->order.perm_id, 123456789);
  EXPECT_EQ(m->order.display_size, std::nullopt);  // 2147483647
  EXPECT_EQ(m->order.oca_type, 3);
  EXPECT_EQ(m->order.exempt_code, -1);
  EXPECT_EQ(m->order.trigger_price, std::nullopt);
  EXPECT_EQ(m->order.duration, std::nullopt);
  EXPECT_EQ(m->order.compete_against_best_offset, std::nullopt);
  EXPECT_EQ(m->state.status, "Submitted");
  EXPECT_EQ(m->state.commission, std::nullopt);
}

TEST(Golden, RealTwsOpenOrderWithNoneDeltaNeutralType) {
  // TWS sends "None" for deltaNeutralOrderType, so eight delta-neutral fields follow #62; a
  // decoder that skips that branch misreads everything after it.
  std::string pipes(testing::kOpenOrderLmt);
  const std::string before = "|0||3|0|0||0|0||0|||0|0|";  // ...parentId..continuousUpdate...
  const std::size_t at = pipes.find(before);
  ASSERT_NE(at, std::string::npos);
  // #59 volatility "", #60 volatilityType 0, #61 "None", #62 "", then the eight fields.
  const std::string with_none = "|0||3|0|0||0|0||0|None||0|||||0|0||0|0|";
  pipes.replace(at, before.size(), with_none);
  auto m = decode<OpenOrder>(doc_payload(pipes));
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->order.delta_neutral_order_type, "None");
  EXPECT_EQ(m->state.status, "Submitted");
  EXPECT_EQ(m->order.perm_id, 123456789);
}

// Each doc example decodes through the dispatcher into the message it names, then encodes back
// to the same bytes.
TEST(Golden, EveryClientMessageExampleRoundTripsByteForByte) {
  for (const auto& example : testing::kToServerExamples) {
    const std::string payload = doc_payload(example.pipes);
    auto message = decode_to_server_message(payload);
    ASSERT_TRUE(message.ok()) << example.pipes << ": " << message.error().message;
    EXPECT_EQ(message_name(*message), example.name);
    EXPECT_EQ(encode_message(*message), payload) << example.pipes;
  }
}

TEST(Golden, EveryServerMessageExampleRoundTripsByteForByte) {
  for (const auto& example : testing::kToClientExamples) {
    const std::string payload = doc_payload(example.pipes);
    auto message = decode_to_client_message(payload);
    ASSERT_TRUE(message.ok()) << example.pipes << ": " << message.error().message;
    EXPECT_EQ(message_name(*message), example.name);
    EXPECT_EQ(encode_message(*message), payload) << example.pipes;
  }
}

TEST(Golden, ExactFieldCountsOfStrictMessages) {
  // protocol doc 2.7: clients unpack these by count.
  const std::pair<std::string_view, std::size_t> counts[] = {
      {"TICK_PRICE", 7},      {"TICK_SIZE", 5},         {"PORTFOLIO_VALUE", 20},
      {"POSITION_DATA", 16},  {"COMMISSION_REPORT", 8}, {"ORDER_STATUS", 12},
      {"EXECUTION_DATA", 32}, {"REAL_TIME_BARS", 11},   {"CONTRACT_DATA", 42},
      {"OPEN_ORDER", 127},
  };
  for (const auto& [name, count] : counts) {
    bool found = false;
    for (const auto& example : testing::kToClientExamples) {
      if (example.name != name) continue;
      found = true;
      auto message = decode_to_client_message(doc_payload(example.pipes));
      ASSERT_TRUE(message.ok()) << message.error().message;
      EXPECT_EQ(field_count(encode_message(*message)), count) << name;
    }
    EXPECT_TRUE(found) << name;
  }
}

TEST(Golden, DecodedValuesOfServerExamples) {
  auto status =
      decode<OrderStatus>(doc_payload("3|1001|Submitted|0|100|0.0|123456789|0|0.0|7||0.0"));
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->remaining, Quantity::from_units(100));
  EXPECT_EQ(status->perm_id, 123456789);
  EXPECT_EQ(status->client_id, 7);

  auto tick = decode<TickPrice>(doc_payload("1|6|1|1|150.24|300|1"));
  ASSERT_TRUE(tick.ok());
  EXPECT_EQ(tick->tick_type, kTickBid);
  EXPECT_EQ(tick->price, 150.24);
  EXPECT_EQ(tick->size, Quantity::from_units(300));
  EXPECT_EQ(tick->attr_mask & TickPrice::kCanAutoExecute, TickPrice::kCanAutoExecute);

  auto commission = decode<CommissionReport>(doc_payload(
      "59|1|0000e0d5.6571d3f1.01.01|1.0|USD|1.7976931348623157E308|1.7976931348623157E308|"));
  ASSERT_TRUE(commission.ok()) << commission.error().message;
  EXPECT_EQ(commission->commission, 1.0);
  EXPECT_EQ(commission->realized_pnl, std::nullopt);
  EXPECT_EQ(commission->yield_redemption_date, 0);

  std::string_view history_pipes;
  for (const auto& example : testing::kToClientExamples) {
    if (example.name == "HISTORICAL_DATA") history_pipes = example.pipes;
  }
  auto history = decode<HistoricalData>(doc_payload(history_pipes));
  ASSERT_TRUE(history.ok()) << history.error().message;
  ASSERT_EQ(history->bars.size(), 2u);
  EXPECT_EQ(history->bars[1].date, "20231207");
  EXPECT_EQ(history->bars[1].close, 151.5);
  EXPECT_EQ(history->bars[1].wap, Price::parse("151.2").value());
  EXPECT_EQ(history->bars[1].bar_count, 4000);

  auto accounts = decode<ManagedAccts>(doc_payload("15|1|DU111111,DU222222,"));
  ASSERT_TRUE(accounts.ok());
  EXPECT_EQ(accounts->accounts, (std::vector<std::string>{"DU111111", "DU222222"}));

  auto error = decode<ErrMsg>(doc_payload("4|2|-1|2104|Market data farm connection is OK:usfarm|"));
  ASSERT_TRUE(error.ok());
  EXPECT_EQ(error->id, kNoRequestId);
  EXPECT_EQ(error->code, 2104);
}

TEST(Golden, ClientSpellingsOfUnsetAreAcceptedInPlaceOrder) {
  // ib_async sends #24 "O", #36 "0.0", #91-95 and #100 "", #108 "0", #109-110 "" (doc 3.10).
  std::string pipes(testing::kPlaceOrderLmt);
  const std::string py_unset = "1.7976931348623157e+308";
  for (std::size_t at = pipes.find(py_unset); at != std::string::npos; at = pipes.find(py_unset)) {
    pipes.erase(at, py_unset.size());
  }
  auto fields = std::vector<std::string>();
  {
    std::string current;
    for (char c : pipes) {
      if (c == '|') {
        fields.push_back(current);
        current.clear();
      } else {
        current += c;
      }
    }
    fields.push_back(current);
  }
  ASSERT_EQ(fields.size(), 114u);
  fields[24] = "O";
  fields[36] = "0.0";
  fields[108] = "0";
  fields[109] = "";
  fields[110] = "";
  std::string payload;
  for (const auto& f : fields)
    payload += f + '\0';
  auto m = decode<PlaceOrder>(payload);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->order.open_close, "O");
  EXPECT_EQ(m->order.trigger_price, std::nullopt);
  EXPECT_EQ(m->order.cash_qty, std::nullopt);
  EXPECT_EQ(m->order.use_price_mgmt_algo, false);
  EXPECT_EQ(m->order.duration, std::nullopt);
  EXPECT_EQ(m->order.lmt_price, 150.25);
}

TEST(Golden, StoqeyEmptyTransmitIsKeptAsUnset) {
  std::string pipes(testing::kPlaceOrderLmt);
  // #27 transmit: "...|0||1|0|..." -> "...|0|||0|..." (origin 0, orderRef "", transmit "").
  const std::string before = "|DAY||||0||1|0|";
  const std::size_t at = pipes.find(before);
  ASSERT_NE(at, std::string::npos);
  pipes.replace(at, before.size(), "|DAY||||0|||0|");
  auto m = decode<PlaceOrder>(doc_payload(pipes));
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->order.transmit, std::nullopt);
  EXPECT_EQ(encode(*m), doc_payload(pipes));
}

}  // namespace
}  // namespace ibtrade::tws
