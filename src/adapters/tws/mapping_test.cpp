// Mapping between wire values and core types: doubles rounded once to fixed point, unset to
// nullopt, orders/contracts/executions/positions/bars both ways.
#include "adapters/tws/mapping.hpp"

#include <limits>

#include <gtest/gtest.h>

#include "adapters/tws/messages/codec.hpp"
#include "adapters/tws/testing/doc_examples.hpp"
#include "adapters/tws/testing/doc_payload.hpp"

namespace ibtrade::tws {
namespace {

using testing::doc_payload;

Price px(std::string_view text) {
  return Price::parse(text).value();
}

PriceRounding cents() {
  return PriceRounding{px("0.01"), 2};
}

TEST(Mapping, PricesRoundOnceToTheTick) {
  EXPECT_EQ(to_price(150.23, cents()), px("150.23"));
  EXPECT_EQ(to_price(150.23, cents())->to_string(), "150.23");
  EXPECT_EQ(to_price(150.2549, cents()), px("150.25"));
  EXPECT_EQ(to_price(-1.0, cents()), px("-1"));
  // Exact halves go to the even tick.
  const PriceRounding quarters{px("0.25"), 2};
  EXPECT_EQ(to_price(0.125, quarters), px("0"));
  EXPECT_EQ(to_price(0.375, quarters), px("0.5"));
  EXPECT_EQ(to_price(0.625, quarters), px("0.5"));
}

TEST(Mapping, PricesRoundToAPrecisionWithoutATick) {
  EXPECT_EQ(to_price(1.23456789, PriceRounding{std::nullopt, 4})->to_string(), "1.2346");
  // Exact halves (in binary too) go to the even digit.
  EXPECT_EQ(to_price(0.125, PriceRounding{std::nullopt, 2}), px("0.12"));
  EXPECT_EQ(to_price(0.375, PriceRounding{std::nullopt, 2}), px("0.38"));
}

TEST(Mapping, UnsetAndGarbageDoublesAreNullopt) {
  EXPECT_EQ(to_price(kUnsetDouble, cents()), std::nullopt);
  EXPECT_EQ(to_price(std::numeric_limits<double>::infinity(), cents()), std::nullopt);
  EXPECT_EQ(to_price(std::numeric_limits<double>::quiet_NaN(), cents()), std::nullopt);
  EXPECT_EQ(to_price(std::optional<double>(), cents()), std::nullopt);
  EXPECT_EQ(to_price(1e12, cents()), std::nullopt);  // beyond the fixed-point range
  EXPECT_EQ(to_money(kUnsetDouble, 2), std::nullopt);
  EXPECT_EQ(to_money(std::optional<double>(1.005), 2), Money::parse("1.00").value());
  EXPECT_EQ(to_quantity(12.5, 0), Quantity::from_units(12));
}

TEST(Mapping, PricesGoOutAsTheirDecimalText) {
  for (std::string_view text : {"150.25", "0.01", "139.5", "1234.5678", "0.0001"}) {
    EXPECT_EQ(format_number(to_wire(px(text))).substr(0, text.size()), text);
    EXPECT_EQ(to_price(to_wire(px(text)), PriceRounding{std::nullopt, 4}), px(text));
  }
}

TEST(Mapping, ContractsBothWays) {
  Contract c = us_stock("AAPL", "NASDAQ");
  c.con_id = ConId{265598};
  const WireContract wire = to_wire_contract(c);
  EXPECT_EQ(wire.con_id, 265598);
  EXPECT_EQ(wire.sec_type, "STK");
  EXPECT_EQ(wire.exchange, "SMART");
  EXPECT_EQ(wire.primary_exchange, "NASDAQ");
  EXPECT_EQ(to_core_contract(wire).value(), c);
  WireContract unresolved = wire;
  unresolved.con_id = 0;
  EXPECT_EQ(to_core_contract(unresolved)->con_id, std::nullopt);
  WireContract bond = wire;
  bond.sec_type = "BOND";
  auto refused = to_core_contract(bond);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "security type 'BOND' is not supported");
}

Order limit_buy() {
  Order o;
  o.client_order_id = ClientOrderId{"c-1"};
  o.account_id = AccountId{""};
  o.contract = us_stock("AAPL");
  o.side = Side::kBuy;
  o.type = OrderType::kLimit;
  o.tif = TimeInForce::kDay;
  o.quantity = Quantity::from_units(100);
  o.limit_price = px("150.25");
  o.order_ref = "";
  return o;
}

TEST(Mapping, CoreLimitOrderBecomesTheDocsPlaceOrderBytes) {
  auto message = to_place_order(limit_buy(), PlaceOrderIds{BrokerOrderId{1001}, {}, true});
  ASSERT_TRUE(message.ok()) << message.error().message;
  message->order.order_ref.clear();  // the doc's example carries no order ref
  EXPECT_EQ(encode(*message), doc_payload(testing::kPlaceOrderLmt));
}

TEST(Mapping, EveryOrderTypeMapsToItsPriceFields) {
  const auto place = [](const Order& o) {
    auto m = to_place_order(o, PlaceOrderIds{BrokerOrderId{7}, BrokerOrderId{6}, false});
    EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().message);
    return m.ok() ? m->order : WireOrder{};
  };
  Order market = limit_buy();
  market.type = OrderType::kMarket;
  market.limit_price.reset();
  WireOrder w = place(market);
  EXPECT_EQ(w.order_type, "MKT");
  EXPECT_EQ(w.lmt_price, std::nullopt);
  EXPECT_EQ(w.aux_price, std::nullopt);
  EXPECT_EQ(w.parent_id, 6);
  EXPECT_EQ(w.transmit, false);
  EXPECT_EQ(w.order_ref, "c-1");  // our id travels as the order ref

  Order stop = market;
  stop.type = OrderType::kStop;
  stop.side = Side::kSell;
  stop.tif = TimeInForce::kGtc;
  stop.stop_price = px("140");
  w = place(stop);
  EXPECT_EQ(w.order_type, "STP");
  EXPECT_EQ(w.action, "SELL");
  EXPECT_EQ(w.tif, "GTC");
  EXPECT_EQ(w.aux_price, 140.0);

  Order stop_limit = stop;
  stop_limit.type = OrderType::kStopLimit;
  stop_limit.limit_price = px("139.5");
  w = place(stop_limit);
  EXPECT_EQ(w.order_type, "STP LMT");
  EXPECT_EQ(w.lmt_price, 139.5);
  EXPECT_EQ(w.aux_price, 140.0);

  Order trail = market;
  trail.type = OrderType::kTrailingStop;
  trail.side = Side::kSell;
  trail.trail_amount = px("0.5");
  trail.stop_price = px("149");
  w = place(trail);
  EXPECT_EQ(w.order_type, "TRAIL");
  EXPECT_EQ(w.aux_price, 0.5);
  EXPECT_EQ(w.trail_stop_price, 149.0);
  Order trail_pct = trail;
  trail_pct.trail_amount.reset();
  trail_pct.trail_percent = Percent::parse("1.5").value();
  w = place(trail_pct);
  EXPECT_EQ(w.aux_price, std::nullopt);
  EXPECT_EQ(w.trailing_percent, 1.5);

  Order moc = market;
  moc.type = OrderType::kMarketOnClose;
  EXPECT_EQ(place(moc).order_type, "MOC");
  Order loc = limit_buy();
  loc.type = OrderType::kLimitOnClose;
  loc.outside_rth = true;
  loc.oca_group = "g1";
  loc.order_ref = "mine";
  w = place(loc);
  EXPECT_EQ(w.order_type, "LOC");
  EXPECT_EQ(w.lmt_price, 150.25);
  EXPECT_TRUE(w.outside_rth);
  EXPECT_EQ(w.oca_group, "g1");
  EXPECT_EQ(w.order_ref, "mine");
}

// A sender reusing one message: whatever the previous order left (a trailing stop's fields, a
// parent, a limit price, an OCA group) must not leak into the next one.
TEST(Mapping, AReusedMessageEncodesLikeAFreshOne) {
  Order trail = limit_buy();
  trail.type = OrderType::kTrailingStop;
  trail.side = Side::kSell;
  trail.limit_price.reset();
  trail.trail_percent = Percent::parse("1.5").value();
  trail.stop_price = px("149");
  trail.oca_group = "g1";
  trail.outside_rth = true;
  Order market = limit_buy();
  market.type = OrderType::kMarket;
  market.limit_price.reset();
  market.client_order_id = ClientOrderId{"c-2"};

  PlaceOrder reused;
  ASSERT_TRUE(
      to_place_order(trail, PlaceOrderIds{BrokerOrderId{7}, BrokerOrderId{6}, false}, reused).ok());
  ASSERT_TRUE(to_place_order(market, PlaceOrderIds{BrokerOrderId{8}, {}, true}, reused).ok());
  auto fresh = to_place_order(market, PlaceOrderIds{BrokerOrderId{8}, {}, true});
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(reused, *fresh);
  EXPECT_EQ(encode(reused), encode(*fresh));
}

TEST(Mapping, InvalidOrdersAndIdsAreRefused) {
  Order bad = limit_buy();
  bad.limit_price.reset();
  auto refused = to_place_order(bad, PlaceOrderIds{BrokerOrderId{1}, {}, true});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "LMT order needs a limit price");
  auto too_big = to_place_order(limit_buy(), PlaceOrderIds{BrokerOrderId{1LL << 40}, {}, true});
  ASSERT_FALSE(too_big.ok());
  EXPECT_NE(too_big.error().message.find("32-bit"), std::string::npos);
}

TEST(Mapping, SimulatorReadsEveryOrderTypeBack) {
  std::vector<Order> orders;
  Order lmt = limit_buy();
  lmt.order_ref = "c-1";
  orders.push_back(lmt);
  Order mkt = lmt;
  mkt.type = OrderType::kMarket;
  mkt.limit_price.reset();
  orders.push_back(mkt);
  Order stp = mkt;
  stp.type = OrderType::kStop;
  stp.stop_price = px("140");
  orders.push_back(stp);
  Order stp_lmt = stp;
  stp_lmt.type = OrderType::kStopLimit;
  stp_lmt.limit_price = px("139.5");
  orders.push_back(stp_lmt);
  Order trail = mkt;
  trail.type = OrderType::kTrailingStop;
  trail.trail_amount = px("0.5");
  trail.stop_price = px("149");
  orders.push_back(trail);
  Order moc = mkt;
  moc.type = OrderType::kMarketOnClose;
  orders.push_back(moc);
  Order loc = lmt;
  loc.type = OrderType::kLimitOnClose;
  loc.outside_rth = true;
  orders.push_back(loc);
  Order gtc = lmt;
  gtc.tif = TimeInForce::kGtc;
  gtc.oca_group = "g1";
  orders.push_back(gtc);
  for (const Order& original : orders) {
    auto message = to_place_order(original, PlaceOrderIds{BrokerOrderId{9}, {}, true});
    ASSERT_TRUE(message.ok()) << message.error().message;
    // Through the wire, as the simulator receives it.
    auto received = decode<PlaceOrder>(encode(*message));
    ASSERT_TRUE(received.ok()) << received.error().message;
    auto back = to_core_order(*received, cents());
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, original) << to_ib_code(original.type);
  }
}

TEST(Mapping, SimulatorRefusesWhatCoreDoesNotModel) {
  auto base = decode<PlaceOrder>(doc_payload(testing::kPlaceOrderLmt)).value();
  const auto error_of = [&](auto change) {
    PlaceOrder m = base;
    change(m);
    auto r = to_core_order(m, cents());
    return r.ok() ? std::string("(ok)") : r.error().message;
  };
  EXPECT_EQ(error_of([](PlaceOrder&) {}), "(ok)");
  EXPECT_EQ(error_of([](PlaceOrder& m) { m.order.order_type = "REL"; }),
            "PLACE_ORDER 1001: order type 'REL' is not supported");
  EXPECT_EQ(error_of([](PlaceOrder& m) { m.order.action = "SSHORT"; }),
            "PLACE_ORDER 1001: action 'SSHORT' is not supported (BUY or SELL)");
  EXPECT_EQ(error_of([](PlaceOrder& m) { m.order.tif = "GTD"; }),
            "PLACE_ORDER 1001: time in force 'GTD' is not supported");
  EXPECT_EQ(error_of([](PlaceOrder& m) { m.order.algo_strategy = "Adaptive"; }),
            "PLACE_ORDER 1001: algo orders are not supported");
  EXPECT_EQ(error_of([](PlaceOrder& m) { m.contract.sec_type = "BAG"; }),
            "PLACE_ORDER 1001: combo (BAG) orders are not supported");
  EXPECT_EQ(error_of([](PlaceOrder& m) { m.order.lmt_price.reset(); }),
            "PLACE_ORDER 1001: LMT order needs a limit price");
  // An empty tif is TWS's default, DAY; an empty order ref gets an id from the order id.
  PlaceOrder defaults = base;
  defaults.order.tif.clear();
  auto order = to_core_order(defaults, cents());
  ASSERT_TRUE(order.ok());
  EXPECT_EQ(order->tif, TimeInForce::kDay);
  EXPECT_EQ(order->client_order_id, ClientOrderId{"tws-1001"});
}

TEST(Mapping, ExecutionsBothWays) {
  std::string_view pipes;
  for (const auto& e : testing::kToClientExamples) {
    if (e.name == "EXECUTION_DATA") pipes = e.pipes;
  }
  auto message = decode<ExecutionData>(doc_payload(pipes));
  ASSERT_TRUE(message.ok());
  const Timestamp time{std::chrono::seconds{1701959701}};
  auto execution = to_core_execution(*message, cents(), time);
  ASSERT_TRUE(execution.ok()) << execution.error().message;
  EXPECT_EQ(execution->execution_id, ExecutionId{"0000e0d5.6571d3f1.01.01"});
  EXPECT_EQ(execution->broker_order_id, BrokerOrderId{1001});
  EXPECT_EQ(execution->perm_id, PermId{123456789});
  EXPECT_EQ(execution->side, Side::kBuy);
  EXPECT_EQ(execution->quantity, Quantity::from_units(100));
  EXPECT_EQ(execution->price, px("150.25"));
  EXPECT_EQ(execution->average_price, px("150.25"));
  EXPECT_EQ(execution->exchange, "ISLAND");
  EXPECT_EQ(execution->contract.con_id, ConId{265598});
  EXPECT_EQ(execution->time, time);

  const ExecutionData out = to_execution_data(*execution, -1, 1001, "20231207  09:35:01");
  auto again = to_core_execution(out, cents(), time);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *execution);

  ExecutionData sold = *message;
  sold.execution.side = "SLD";
  EXPECT_EQ(to_core_execution(sold, cents(), time)->side, Side::kSell);
  sold.execution.side = "BUY";
  EXPECT_FALSE(to_core_execution(sold, cents(), time).ok());
}

TEST(Mapping, CommissionsKeepUnsetPnlUnset) {
  CommissionReport message{"e1", 1.0, "USD", std::nullopt, std::nullopt, 0};
  auto report = to_core_commission(message, 4);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->commission, Money::parse("1").value());
  EXPECT_EQ(report->realized_pnl, std::nullopt);
  message.realized_pnl = 12.3456789;
  EXPECT_EQ(to_core_commission(message, 4)->realized_pnl, Money::parse("12.3457").value());
  EXPECT_EQ(to_commission_message(*to_core_commission(message, 4)).realized_pnl, 12.3457);
}

TEST(Mapping, PositionsAndAccountValues) {
  auto message = decode<PositionData>(
      doc_payload("61|3|DU111111|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|-100|150.25"));
  ASSERT_TRUE(message.ok());
  auto position = to_core_position(*message, cents());
  ASSERT_TRUE(position.ok()) << position.error().message;
  EXPECT_EQ(position->quantity, Quantity::from_units(-100));
  EXPECT_EQ(position->average_cost, px("150.25"));
  EXPECT_EQ(position->contract.primary_exchange, "NASDAQ");
  EXPECT_EQ(position->contract.exchange, "SMART");
  EXPECT_EQ(position->account_id, AccountId{"DU111111"});

  auto value = to_core_account_value(AcctValue{"NetLiquidation", "100000.00", "USD", "DU1"});
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(value->value, Money::parse("100000").value());
  EXPECT_EQ(value->key, "NetLiquidation");
  EXPECT_FALSE(to_core_account_value(AcctValue{"AccountType", "INDIVIDUAL", "", "DU1"}));
  EXPECT_TRUE(to_core_account_value(AccountSummary{1, "DU1", "BuyingPower", "400000.50", "USD"}));
}

TEST(Mapping, Bars) {
  RealTimeBars rt{
      2, 1701950000, 150.1, 150.3, 150.0, 150.2, Quantity::from_units(1200), std::nullopt, 15};
  auto bar = to_core_bar(rt, cents());
  ASSERT_TRUE(bar.ok()) << bar.error().message;
  EXPECT_EQ(bar->time, Timestamp{std::chrono::seconds{1701950000}});
  EXPECT_EQ(bar->open, px("150.1"));
  EXPECT_EQ(bar->volume, Quantity::from_units(1200));
  rt.high = 149.0;  // below the open
  EXPECT_FALSE(to_core_bar(rt, cents()).ok());

  HistoricalBar midpoint{"20231206",   149.0, 151.0, 148.5, 150.5, Quantity::from_units(-1),
                         std::nullopt, -1};
  auto daily = to_core_bar(midpoint, Timestamp{}, cents());
  ASSERT_TRUE(daily.ok());
  EXPECT_EQ(daily->volume, Quantity());  // -1 (no volume for non-TRADES data) becomes 0
}

}  // namespace
}  // namespace ibtrade::tws
