// Domain value types: wire codes, validation and strong ids.
#include <unordered_set>

#include <gtest/gtest.h>

#include "core/contract.hpp"
#include "core/execution.hpp"
#include "core/market_data.hpp"
#include "core/order.hpp"

namespace ibtrade {
namespace {

TEST(Contract, IbCodesRoundTrip) {
  for (SecType t : {SecType::kStock, SecType::kOption, SecType::kFuture, SecType::kForex,
                    SecType::kIndex, SecType::kCfd, SecType::kCombo}) {
    EXPECT_EQ(sec_type_from_ib_code(to_ib_code(t)), t);
  }
  EXPECT_EQ(to_ib_code(SecType::kForex), "CASH");
  EXPECT_FALSE(sec_type_from_ib_code("stk"));
  Contract c = us_stock("AAPL", "NASDAQ");
  c.con_id = ConId{265598};
  EXPECT_EQ(c.describe(), "AAPL STK SMART/NASDAQ USD conId 265598");
}

TEST(Order, IbCodesRoundTrip) {
  for (OrderType t :
       {OrderType::kMarket, OrderType::kLimit, OrderType::kStop, OrderType::kStopLimit,
        OrderType::kTrailingStop, OrderType::kMarketOnClose, OrderType::kLimitOnClose}) {
    EXPECT_EQ(order_type_from_ib_code(to_ib_code(t)), t);
  }
  for (TimeInForce t :
       {TimeInForce::kDay, TimeInForce::kGtc, TimeInForce::kIoc, TimeInForce::kOpg}) {
    EXPECT_EQ(tif_from_ib_code(to_ib_code(t)), t);
  }
  EXPECT_EQ(to_ib_code(OrderType::kStopLimit), "STP LMT");
  EXPECT_EQ(side_from_ib_code("SELL"), Side::kSell);
  EXPECT_FALSE(side_from_ib_code("SSHORT"));
  EXPECT_EQ(opposite(Side::kBuy), Side::kSell);
}

Order base_order(OrderType type) {
  Order o;
  o.client_order_id = ClientOrderId{"macd-vwap-1"};
  o.contract = us_stock("MSFT");
  o.type = type;
  o.quantity = Quantity::from_units(100);
  return o;
}

TEST(Order, ValidationByType) {
  const Price p = Price::parse("10.25").value();
  struct Case {
    const char* name;
    Order order;
    const char* problem;  // empty: valid
  };
  std::vector<Case> cases;
  cases.push_back({"market", base_order(OrderType::kMarket), ""});
  {
    Order o = base_order(OrderType::kLimit);
    cases.push_back({"limit without price", o, "needs a limit price"});
    o.limit_price = p;
    cases.push_back({"limit", o, ""});
    o.limit_price = Price::parse("-1").value();
    cases.push_back({"negative limit", o, "limit price must be positive"});
  }
  {
    Order o = base_order(OrderType::kMarket);
    o.limit_price = p;
    cases.push_back({"market with limit", o, "must not carry a limit price"});
    o = base_order(OrderType::kMarket);
    o.quantity = Quantity{};
    cases.push_back({"zero qty", o, "quantity must be positive"});
    o = base_order(OrderType::kMarket);
    o.client_order_id = ClientOrderId{};
    cases.push_back({"no id", o, "no client order id"});
  }
  {
    Order o = base_order(OrderType::kStopLimit);
    o.limit_price = p;
    cases.push_back({"stop limit without stop", o, "needs a stop price"});
    o.stop_price = p;
    cases.push_back({"stop limit", o, ""});
  }
  {
    Order o = base_order(OrderType::kTrailingStop);
    cases.push_back({"trail without distance", o, "exactly one of"});
    o.trail_percent = Percent::parse("1.5").value();
    cases.push_back({"trail percent", o, ""});
    o.trail_amount = Price::parse("0.5").value();
    cases.push_back({"trail both", o, "exactly one of"});
    o.trail_percent.reset();
    cases.push_back({"trail amount", o, ""});
    o.trail_amount.reset();
    o.trail_percent = Percent::from_units(100);
    cases.push_back({"trail 100%", o, "(0, 100)"});
  }
  {
    Order o = base_order(OrderType::kMarketOnClose);
    o.tif = TimeInForce::kGtc;
    cases.push_back({"MOC GTC", o, "must be DAY"});
    o = base_order(OrderType::kStop);
    o.stop_price = p;
    o.tif = TimeInForce::kOpg;
    cases.push_back({"OPG stop", o, "OPG time in force"});
  }
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string problem = check_order(c.order);
    if (std::string(c.problem).empty()) {
      EXPECT_EQ(problem, "");
    } else {
      EXPECT_NE(problem.find(c.problem), std::string::npos) << problem;
    }
  }
}

TEST(Ids, AreDistinctHashableAndOrdered) {
  static_assert(!std::is_convertible_v<BrokerOrderId, PermId>);
  static_assert(!std::is_constructible_v<ClientOrderId, BrokerOrderId>);
  std::unordered_set<ClientOrderId> ids{ClientOrderId{"a"}, ClientOrderId{"b"}, ClientOrderId{"a"}};
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_LT(BrokerOrderId{1}, BrokerOrderId{2});
}

TEST(Bar, Invariants) {
  Bar bar{Timestamp{},
          Price::parse("10").value(),
          Price::parse("11").value(),
          Price::parse("9").value(),
          Price::parse("10.5").value(),
          Quantity::from_units(100)};
  EXPECT_EQ(check_bar(bar), "");
  Bar bad = bar;
  bad.low = Price::parse("11.5").value();
  EXPECT_NE(check_bar(bad).find("below low"), std::string::npos);
  bad = bar;
  bad.close = Price::parse("12").value();
  EXPECT_NE(check_bar(bad).find("close 12 is outside"), std::string::npos);
  bad = bar;
  bad.volume = Quantity::from_units(-1);
  EXPECT_NE(check_bar(bad).find("negative"), std::string::npos);
}

}  // namespace
}  // namespace ibtrade
