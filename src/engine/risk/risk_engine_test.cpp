#include "engine/risk/risk_engine.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/risk/fake_risk_view.hpp"

namespace ibtrade::engine {
namespace {

using namespace std::chrono_literals;
using testing::FakeRiskView;

Price px(const char* text) {
  return Price::parse(text).value();
}
Money usd(const char* text) {
  return Money::parse(text).value();
}
Quantity shares(std::int64_t n) {
  return Quantity::from_units(n);
}
Percent pct(const char* text) {
  return Percent::parse(text).value();
}

constexpr const char* kSym = "AAPL";
constexpr Timestamp kT0{std::chrono::hours(24 * 20'000)};  // 2024-10-04

Order make_order(Side side, std::int64_t quantity, OrderType type = OrderType::kLimit,
                 const char* limit = "100.00", const char* id = "o-1") {
  Order order;
  order.client_order_id = ClientOrderId{id};
  order.contract = us_stock(kSym);
  order.side = side;
  order.type = type;
  order.quantity = shares(quantity);
  if (type == OrderType::kLimit || type == OrderType::kStopLimit) order.limit_price = px(limit);
  if (type == OrderType::kStop || type == OrderType::kStopLimit) order.stop_price = px(limit);
  return order;
}
Order buy(std::int64_t quantity, const char* limit = "100.00") {
  return make_order(Side::kBuy, quantity, OrderType::kLimit, limit);
}
Order sell(std::int64_t quantity, const char* limit = "100.00") {
  return make_order(Side::kSell, quantity, OrderType::kLimit, limit);
}
Order market(Side side, std::int64_t quantity) {
  return make_order(side, quantity, OrderType::kMarket);
}
Order with_quantity(Order order, std::int64_t quantity) {
  order.quantity = shares(quantity);
  return order;
}
Order outside_rth(Order order) {
  order.outside_rth = true;
  return order;
}

// Each case runs on a fresh engine and view: AAPL last 100.00, regular session, flat book.
struct Case {
  const char* name;
  std::function<void(RiskLimits&, FakeRiskView&)> setup;
  Order order;
  RiskAction action;
  DenialReason expected;  // kNone: allowed
};

void run_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    FakeRiskView view;
    view.time = kT0;
    view.last[kSym] = px("100.00");
    RiskLimits limits;
    if (c.setup) c.setup(limits, view);
    RiskEngine engine(view, limits);
    const RiskDecision decision = engine.check(c.order, c.action);
    EXPECT_EQ(decision.reason, c.expected)
        << c.name << ": got " << to_string(decision.reason) << " (" << decision.text << ")";
    EXPECT_EQ(decision.text.empty(), c.expected == DenialReason::kNone) << c.name;
    if (!check_order(c.order).empty()) continue;
    // A valid order gets the same answer without validation (no order limit on: no look at
    // all), with the limits given at construction or set later.
    RiskEngine validated(view, limits);
    EXPECT_EQ(validated.check_validated(c.order, c.action).reason, c.expected) << c.name;
    RiskLimits none;
    none.enforce_trading_hours = false;
    ASSERT_FALSE(none.limits_orders());
    RiskEngine set_later(view, none);
    set_later.set_limits(limits);
    EXPECT_EQ(set_later.check_validated(c.order, c.action).reason, c.expected) << c.name;
  }
}

constexpr auto kSubmit = RiskAction::kSubmit;
constexpr auto kModify = RiskAction::kModify;
constexpr auto kNone = DenialReason::kNone;

TEST(RiskEngineLimits, EachDenialAtItsBoundary) {
  const auto order_value = [](RiskLimits& l, FakeRiskView&) {
    l.max_order_value = usd("50000.00");
  };
  const auto position = [](RiskLimits& l, FakeRiskView& v) {
    l.max_position = shares(1000);
    v.positions[kSym] = shares(500);
    v.open_quantity[{kSym, Side::kBuy}] = shares(200);
  };
  const auto short_position = [](RiskLimits& l, FakeRiskView& v) {
    l.max_position = shares(1000);
    v.positions[kSym] = shares(-500);
    v.open_quantity[{kSym, Side::kSell}] = shares(200);
  };
  const auto gross = [](RiskLimits& l, FakeRiskView& v) {
    l.max_gross_exposure = usd("100000.00");
    v.gross = usd("90000.00");
  };
  const auto open_orders = [](std::size_t open) {
    return [open](RiskLimits& l, FakeRiskView& v) {
      l.max_open_orders = 3;
      v.open_count = open;
    };
  };
  const auto collar = [](RiskLimits& l, FakeRiskView&) { l.price_collar = pct("5"); };
  const auto no_short = [](RiskLimits& l, FakeRiskView& v) {
    l.allow_short_selling = false;
    v.positions[kSym] = shares(500);
    v.open_quantity[{kSym, Side::kSell}] = shares(200);
  };
  const auto daily_loss = [](const char* pnl) {
    return [pnl](RiskLimits& l, FakeRiskView& v) {
      l.max_daily_loss = usd("1000.00");
      v.pnl = usd(pnl);
    };
  };
  const auto daily_loss_percent = [](const char* pnl) {
    return [pnl](RiskLimits& l, FakeRiskView& v) {
      l.max_daily_loss_percent = pct("1");
      v.account_equity = usd("100000.00");
      v.pnl = usd(pnl);
    };
  };

  run_cases({
      {"order value at the limit", order_value, buy(500, "100.00"), kSubmit, kNone},
      {"order value a tick over", order_value, buy(500, "100.01"), kSubmit,
       DenialReason::kMaxOrderValue},
      {"market order valued at last", order_value, market(Side::kBuy, 500), kSubmit, kNone},
      {"market order over at last",
       [&](RiskLimits& l, FakeRiskView& v) {
         order_value(l, v);
         v.last[kSym] = px("100.01");
       },
       market(Side::kBuy, 500), kSubmit, DenialReason::kMaxOrderValue},
      {"stop order valued at last",
       [&](RiskLimits& l, FakeRiskView& v) {
         order_value(l, v);
         v.last[kSym] = px("100.01");
       },
       make_order(Side::kSell, 500, OrderType::kStop, "90.00"), kSubmit,
       DenialReason::kMaxOrderValue},
      {"market order without a price",
       [&](RiskLimits& l, FakeRiskView& v) {
         order_value(l, v);
         v.last.clear();
       },
       market(Side::kBuy, 1), kSubmit, DenialReason::kNoPrice},
      {"no price needed when no limit values orders",
       [](RiskLimits&, FakeRiskView& v) { v.last.clear(); }, market(Side::kBuy, 1), kSubmit, kNone},

      {"long position at the limit", position, buy(300), kSubmit, kNone},
      {"long position a share over", position, buy(301), kSubmit, DenialReason::kMaxPosition},
      {"short position at the limit", short_position, sell(300), kSubmit, kNone},
      {"short position a share over", short_position, sell(301), kSubmit,
       DenialReason::kMaxPosition},
      {"reduction above the limit passes",
       [](RiskLimits& l, FakeRiskView& v) {
         l.max_position = shares(1000);
         v.positions[kSym] = shares(1500);
       },
       sell(100), kSubmit, kNone},
      {"per-symbol override tighter",
       [&](RiskLimits& l, FakeRiskView& v) {
         position(l, v);
         l.max_position_by_symbol[kSym] = shares(800);
       },
       buy(101), kSubmit, DenialReason::kMaxPosition},
      {"per-symbol override looser",
       [&](RiskLimits& l, FakeRiskView& v) {
         position(l, v);
         l.max_position_by_symbol[kSym] = shares(2000);
       },
       buy(1300), kSubmit, kNone},

      {"gross exposure at the limit", gross, buy(100, "100.00"), kSubmit, kNone},
      {"gross exposure a tick over", gross, buy(100, "100.01"), kSubmit,
       DenialReason::kMaxGrossExposure},
      {"reducing order passes above gross limit",
       [](RiskLimits& l, FakeRiskView& v) {
         l.max_gross_exposure = usd("100000.00");
         v.gross = usd("150000.00");
         v.positions[kSym] = shares(1500);
       },
       sell(100), kSubmit, kNone},

      {"open orders below the limit", open_orders(2), buy(1), kSubmit, kNone},
      {"open orders at the limit", open_orders(3), buy(1), kSubmit, DenialReason::kMaxOpenOrders},
      {"a modify adds no open order", open_orders(3), buy(1), kModify, kNone},

      {"limit at the collar above", collar, buy(1, "105.00"), kSubmit, kNone},
      {"limit a tick beyond above", collar, buy(1, "105.01"), kSubmit, DenialReason::kPriceCollar},
      {"limit at the collar below", collar, sell(1, "95.00"), kSubmit, kNone},
      {"limit a tick beyond below", collar, sell(1, "94.99"), kSubmit, DenialReason::kPriceCollar},
      {"stop beyond the collar", collar, make_order(Side::kSell, 1, OrderType::kStop, "94.99"),
       kSubmit, DenialReason::kPriceCollar},
      {"market order has nothing to collar", collar, market(Side::kBuy, 1), kSubmit, kNone},
      {"collar without a last price",
       [&](RiskLimits& l, FakeRiskView& v) {
         collar(l, v);
         v.last.clear();
       },
       buy(1), kSubmit, DenialReason::kNoPrice},

      {"sell down to flat", no_short, sell(300), kSubmit, kNone},
      {"sell a share short", no_short, sell(301), kSubmit, DenialReason::kShortSellingNotAllowed},
      {"short selling allowed by default",
       [](RiskLimits&, FakeRiskView& v) { v.positions[kSym] = shares(500); }, sell(501), kSubmit,
       kNone},

      {"daily loss at the limit", daily_loss("-1000.00"), buy(1), kSubmit, kNone},
      {"daily loss a cent over", daily_loss("-1000.01"), buy(1), kSubmit,
       DenialReason::kDailyLossLimit},
      {"daily loss percent at the limit", daily_loss_percent("-1000.00"), buy(1), kSubmit, kNone},
      {"daily loss percent a cent over", daily_loss_percent("-1000.01"), buy(1), kSubmit,
       DenialReason::kDailyLossLimit},
      {"tighter of money and percent",
       [](RiskLimits& l, FakeRiskView& v) {
         l.max_daily_loss = usd("5000.00");
         l.max_daily_loss_percent = pct("1");
         v.account_equity = usd("100000.00");
         v.pnl = usd("-1000.01");
       },
       buy(1), kSubmit, DenialReason::kDailyLossLimit},

      {"invalid order", nullptr, with_quantity(buy(1), 0), kSubmit, DenialReason::kInvalidOrder},
  });
}

TEST(RiskEngineLimits, DenialTextCarriesTheNumbers) {
  FakeRiskView view;
  RiskLimits limits;
  limits.max_order_value = usd("50000.00");
  RiskEngine engine(view, limits);
  const RiskDecision decision = engine.check(buy(600, "100.00"), kSubmit);
  EXPECT_EQ(decision.reason, DenialReason::kMaxOrderValue);
  EXPECT_EQ(decision.text, "order value 60000.00 exceeds max_order_value 50000.00");
  EXPECT_EQ(to_string(decision.reason), "max_order_value");
}

TEST(RiskEngineLimits, DeniedOrdersLeaveNoTrace) {
  FakeRiskView view;
  view.time = kT0;
  RiskLimits limits;
  limits.max_order_value = usd("50000.00");
  limits.max_orders_per_second = 1;
  RiskEngine engine(view, limits);
  EXPECT_EQ(engine.check(buy(600), kSubmit).reason, DenialReason::kMaxOrderValue);
  EXPECT_EQ(engine.check(buy(600), kSubmit).reason, DenialReason::kMaxOrderValue);
  EXPECT_TRUE(engine.check(buy(1), kSubmit).allowed());  // the denials did not fill the window
  EXPECT_EQ(engine.check(buy(1), kSubmit).reason, DenialReason::kOrderRate);
}

// ---- modify ----

TEST(RiskEngineModify, ChecksTheOrderAsModified) {
  // A working buy for 300 has filled 100 (now the position) and has 200 left; it is the only
  // working buy. Modifying it to 500 leaves 400: position 100 + 400 = 500, the limit.
  const auto setup = [](RiskLimits& l, FakeRiskView& v) {
    l.max_position = shares(500);
    l.max_open_orders = 1;
    v.open_count = 1;
    v.positions[kSym] = shares(100);
    v.open_quantity[{kSym, Side::kBuy}] = shares(200);
    v.working[ClientOrderId{"o-1"}] = OrderProgress{shares(100), shares(200)};
  };
  Order other = buy(400);
  other.client_order_id = ClientOrderId{"o-2"};
  run_cases({
      {"modify up to the limit", setup, buy(500), kModify, kNone},
      {"modify a share over", setup, buy(501), kModify, DenialReason::kMaxPosition},
      {"a new order counts the working one", setup, with_quantity(other, 200), kSubmit,
       DenialReason::kMaxOpenOrders},
      {"modify down", setup, buy(150), kModify, kNone},
      {"modify price beyond the collar",
       [&](RiskLimits& l, FakeRiskView& v) {
         setup(l, v);
         l.price_collar = pct("5");
       },
       buy(300, "105.01"), kModify, DenialReason::kPriceCollar},
      {"modify value over the max (whole order)",
       [&](RiskLimits& l, FakeRiskView& v) {
         setup(l, v);
         l.max_order_value = usd("30000.00");
       },
       buy(301), kModify, DenialReason::kMaxOrderValue},
  });

  // The same new order without the open-order cap: 100 + 200 working + 400 = 700 > 500.
  run_cases({{"a new order on top of the working one",
              [&](RiskLimits& l, FakeRiskView& v) {
                setup(l, v);
                l.max_open_orders.reset();
              },
              other, kSubmit, DenialReason::kMaxPosition}});
}

// ---- trading hours ----

TEST(RiskEngineHours, SessionsOutsideRthAndConfig) {
  struct HoursCase {
    Session session;
    bool outside_rth;
    bool allow_extended;
    bool enforce;
    DenialReason expected;
  };
  const std::vector<HoursCase> cases{
      {Session::kRegular, false, false, true, kNone},
      {Session::kRegular, true, false, true, kNone},
      {Session::kPreMarket, false, false, true, DenialReason::kOutsideTradingHours},
      {Session::kPreMarket, false, true, true, DenialReason::kOutsideTradingHours},
      {Session::kPreMarket, true, false, true, DenialReason::kOutsideTradingHours},
      {Session::kPreMarket, true, true, true, kNone},
      {Session::kPostMarket, false, true, true, DenialReason::kOutsideTradingHours},
      {Session::kPostMarket, true, true, true, kNone},
      {Session::kClosed, true, true, true, DenialReason::kOutsideTradingHours},
      {Session::kClosed, false, false, true, DenialReason::kOutsideTradingHours},
      {Session::kClosed, false, false, false, kNone},
      {Session::kPreMarket, false, false, false, kNone},
  };
  for (const HoursCase& c : cases) {
    FakeRiskView view;
    view.current_session = c.session;
    RiskLimits limits;
    limits.allow_extended_hours = c.allow_extended;
    limits.enforce_trading_hours = c.enforce;
    RiskEngine engine(view, limits);
    const Order order = c.outside_rth ? outside_rth(buy(1)) : buy(1);
    for (const RiskAction action : {kSubmit, kModify}) {
      EXPECT_EQ(engine.check(order, action).reason, c.expected)
          << to_string(c.session) << " outside_rth=" << c.outside_rth
          << " allow_extended=" << c.allow_extended << " enforce=" << c.enforce;
    }
    // Cancels do not depend on the session.
    EXPECT_TRUE(engine.check(order, RiskAction::kCancel).allowed());
  }
}

// ---- rate windows ----

TEST(RiskEngineRates, OrderWindowSlidesOverOneSecond) {
  FakeRiskView view;
  RiskLimits limits;
  limits.max_orders_per_second = 2;
  RiskEngine engine(view, limits);
  struct Step {
    Nanoseconds at;
    RiskAction action;
    DenialReason expected;
  };
  const std::vector<Step> steps{
      {0ms, kSubmit, kNone},
      {500ms, kModify, kNone},  // modifies count as orders
      {900ms, kSubmit, DenialReason::kOrderRate},
      {999'999'999ns, kSubmit, DenialReason::kOrderRate},  // the first is still inside
      {1000ms, kSubmit, kNone},                            // exactly 1 s later it has left
      {1400ms, kSubmit, DenialReason::kOrderRate},
      {1500ms, kSubmit, kNone},
      {1500ms, RiskAction::kCancel, kNone},  // cancels have their own window
  };
  for (const Step& step : steps) {
    view.time = kT0 + step.at;
    EXPECT_EQ(engine.check(buy(1), step.action).reason, step.expected)
        << "at " << step.at.count() << " ns";
  }
}

TEST(RiskEngineRates, CancelWindowSlidesAndHaltBypassesIt) {
  FakeRiskView view;
  RiskLimits limits;
  limits.max_cancels_per_second = 1;
  RiskEngine engine(view, limits);
  const Order order = buy(1);
  view.time = kT0;
  EXPECT_TRUE(engine.check(order, RiskAction::kCancel).allowed());
  view.time = kT0 + 999ms;
  EXPECT_EQ(engine.check(order, RiskAction::kCancel).reason, DenialReason::kCancelRate);
  view.time = kT0 + 1s;
  EXPECT_TRUE(engine.check(order, RiskAction::kCancel).allowed());
  EXPECT_TRUE(engine.check(buy(1), kSubmit).allowed());  // orders have their own window
  engine.halt("test");
  for (int i = 0; i < 5; ++i)
    EXPECT_TRUE(engine.check(order, RiskAction::kCancel).allowed());
}

// ---- trading state ----

TEST(RiskEngineState, ReducingAllowsOnlyReductions) {
  const auto state = [](std::int64_t position, std::int64_t open_buys, std::int64_t open_sells) {
    return [=](RiskLimits&, FakeRiskView& v) {
      v.positions[kSym] = shares(position);
      v.open_quantity[{kSym, Side::kBuy}] = shares(open_buys);
      v.open_quantity[{kSym, Side::kSell}] = shares(open_sells);
    };
  };
  const std::vector<Case> cases{
      {"sell all of a long", state(500, 0, 0), sell(500), kSubmit, kNone},
      {"sell part of a long", state(500, 0, 0), sell(1), kSubmit, kNone},
      {"sell past flat flips", state(500, 0, 0), sell(501), kSubmit, DenialReason::kReducingOnly},
      {"second sell that fits", state(500, 0, 200), sell(300), kSubmit, kNone},
      {"second sell that flips", state(500, 0, 200), sell(301), kSubmit,
       DenialReason::kReducingOnly},
      {"buy on a long", state(500, 0, 0), buy(1), kSubmit, DenialReason::kReducingOnly},
      {"buy all of a short", state(-500, 0, 0), buy(500), kSubmit, kNone},
      {"buy past flat flips", state(-500, 0, 0), buy(501), kSubmit, DenialReason::kReducingOnly},
      {"second buy that flips", state(-500, 400, 0), buy(101), kSubmit,
       DenialReason::kReducingOnly},
      {"sell on a short", state(-500, 0, 0), sell(1), kSubmit, DenialReason::kReducingOnly},
      {"anything when flat (buy)", state(0, 0, 0), buy(1), kSubmit, DenialReason::kReducingOnly},
      {"anything when flat (sell)", state(0, 0, 0), sell(1), kSubmit, DenialReason::kReducingOnly},
  };
  for (const Case& c : cases) {
    FakeRiskView view;
    view.last[kSym] = px("100.00");
    RiskLimits limits;
    c.setup(limits, view);
    RiskEngine engine(view, limits);
    ASSERT_TRUE(engine.reduce_only("test"));
    ASSERT_EQ(engine.state(), TradingState::kReducing);
    const RiskDecision decision = engine.check(c.order, c.action);
    EXPECT_EQ(decision.reason, c.expected) << c.name << ": " << decision.text;
    EXPECT_TRUE(engine.check(c.order, RiskAction::kCancel).allowed()) << c.name;
  }
}

TEST(RiskEngineState, ReducingModifyReplacesItsOwnQuantity) {
  // Long 500, one working sell for 300 (nothing filled). Modifying it to 500 still only flattens.
  FakeRiskView view;
  view.positions[kSym] = shares(500);
  view.open_quantity[{kSym, Side::kSell}] = shares(300);
  view.working[ClientOrderId{"o-1"}] = OrderProgress{shares(0), shares(300)};
  RiskEngine engine(view, RiskLimits{});
  engine.reduce_only("flatten");
  EXPECT_TRUE(engine.check(sell(500), kModify).allowed());
  EXPECT_EQ(engine.check(sell(501), kModify).reason, DenialReason::kReducingOnly);
  EXPECT_EQ(engine.check(sell(201), kSubmit).reason, DenialReason::kReducingOnly);
}

TEST(RiskEngineState, HaltDeniesAllButCancelsNotifiesAndResetResumes) {
  FakeRiskView view;
  view.time = kT0;
  std::vector<std::string> halts;
  std::vector<RiskTransition> audit;
  RiskEngine* self = nullptr;
  std::vector<bool> cancels_during_halt;
  RiskHooks hooks;
  hooks.on_halt = [&](const std::string& reason) {
    halts.push_back(reason);
    // The kernel cancels every open order from inside the notice.
    cancels_during_halt.push_back(self->check(buy(1), RiskAction::kCancel).allowed());
  };
  hooks.on_transition = [&](const RiskTransition& t) { audit.push_back(t); };
  RiskEngine engine(view, RiskLimits{}, hooks);
  self = &engine;

  EXPECT_TRUE(engine.check(buy(1), kSubmit).allowed());
  view.time = kT0 + 1s;
  EXPECT_TRUE(engine.halt("operator kill switch"));
  EXPECT_EQ(engine.state(), TradingState::kHalted);
  EXPECT_EQ(halts, std::vector<std::string>{"operator kill switch"});
  EXPECT_EQ(cancels_during_halt, std::vector<bool>{true});

  const RiskDecision submit = engine.check(buy(1), kSubmit);
  EXPECT_EQ(submit.reason, DenialReason::kHalted);
  EXPECT_NE(submit.text.find("operator kill switch"), std::string::npos);
  EXPECT_EQ(engine.check(sell(1), kModify).reason, DenialReason::kHalted);
  EXPECT_EQ(engine.check(with_quantity(buy(1), 0), kSubmit).reason, DenialReason::kHalted);
  EXPECT_TRUE(engine.check(buy(1), RiskAction::kCancel).allowed());

  EXPECT_FALSE(engine.halt("again"));  // already halted: no second notice
  EXPECT_EQ(halts.size(), 1U);
  EXPECT_FALSE(engine.reduce_only("no way out but reset"));
  EXPECT_FALSE(engine.reset("to halted", TradingState::kHalted));

  view.time = kT0 + 2s;
  EXPECT_TRUE(engine.reset("operator resumed"));
  EXPECT_EQ(engine.state(), TradingState::kActive);
  EXPECT_TRUE(engine.check(buy(1), kSubmit).allowed());
  EXPECT_FALSE(engine.reset("already active"));

  const std::vector<RiskTransition> expected{
      {kT0 + 1s, TradingState::kActive, TradingState::kHalted, "operator kill switch"},
      {kT0 + 2s, TradingState::kHalted, TradingState::kActive, "operator resumed"},
  };
  EXPECT_EQ(engine.transitions(), expected);
  EXPECT_EQ(audit, expected);
}

TEST(RiskEngineState, TransitionsBetweenAllStates) {
  FakeRiskView view;
  RiskEngine engine(view, RiskLimits{});
  EXPECT_TRUE(engine.reduce_only("r"));
  EXPECT_FALSE(engine.reduce_only("r again"));
  EXPECT_TRUE(engine.halt("h"));
  EXPECT_TRUE(engine.reset("to reducing", TradingState::kReducing));
  EXPECT_EQ(engine.state(), TradingState::kReducing);
  EXPECT_TRUE(engine.reset("to active"));
  EXPECT_EQ(engine.state(), TradingState::kActive);
  ASSERT_EQ(engine.transitions().size(), 4U);
  EXPECT_EQ(engine.transitions()[2].from, TradingState::kHalted);
  EXPECT_EQ(engine.transitions()[2].to, TradingState::kReducing);
  EXPECT_EQ(to_string(TradingState::kReducing), "reducing");
}

// ---- daily loss ----

TEST(RiskEngineDailyLoss, ContinuousCheckHaltsWithoutAnOrder) {
  FakeRiskView view;
  view.time = kT0;
  RiskLimits limits;
  limits.max_daily_loss = usd("1000.00");
  std::vector<std::string> halts;
  RiskHooks hooks;
  hooks.on_halt = [&](const std::string& reason) { halts.push_back(reason); };
  RiskEngine engine(view, limits, hooks);

  view.pnl = usd("-1000.00");
  engine.update();
  EXPECT_EQ(engine.state(), TradingState::kActive);
  view.pnl = usd("-1000.01");
  engine.update();
  EXPECT_EQ(engine.state(), TradingState::kHalted);
  ASSERT_EQ(halts.size(), 1U);
  EXPECT_EQ(halts[0], "daily loss 1000.01 exceeds max_daily_loss 1000.00");
  engine.update();
  EXPECT_EQ(halts.size(), 1U);
  EXPECT_EQ(engine.check(buy(1), kSubmit).reason, DenialReason::kHalted);

  // Reset while the loss stands: the next check halts again.
  EXPECT_TRUE(engine.reset("operator"));
  engine.update();
  EXPECT_EQ(engine.state(), TradingState::kHalted);
  EXPECT_EQ(halts.size(), 2U);

  // Reset to REDUCING to flatten: the loss limit does not halt again; reductions pass.
  view.positions[kSym] = shares(100);
  EXPECT_TRUE(engine.reset("flatten", TradingState::kReducing));
  engine.update();
  EXPECT_EQ(engine.state(), TradingState::kReducing);
  EXPECT_TRUE(engine.check(sell(100), kSubmit).allowed());
  EXPECT_EQ(engine.check(buy(1), kSubmit).reason, DenialReason::kReducingOnly);
}

TEST(RiskEngineDailyLoss, PercentIsOfEquityAtTheStartOfTheDay) {
  FakeRiskView view;
  RiskLimits limits;
  limits.max_daily_loss_percent = pct("2");
  RiskEngine engine(view, limits);
  view.account_equity = usd("50000.00");
  engine.start_trading_day();             // limit 1000.00
  view.account_equity = usd("10000.00");  // intraday equity does not move the limit
  view.pnl = usd("-1000.00");
  engine.update();
  EXPECT_EQ(engine.state(), TradingState::kActive);
  view.pnl = usd("-1000.01");
  EXPECT_EQ(engine.check(buy(1), kSubmit).reason, DenialReason::kDailyLossLimit);
  EXPECT_EQ(engine.state(), TradingState::kHalted);

  // Next day: the kernel resets its daily PnL and tells the engine; HALTED stays until reset.
  view.account_equity = usd("49000.00");
  view.pnl = usd("-600.00");
  engine.start_trading_day();  // limit 980.00
  EXPECT_EQ(engine.state(), TradingState::kHalted);
  EXPECT_TRUE(engine.reset("new day"));
  EXPECT_TRUE(engine.check(buy(1), kSubmit).allowed());
  view.pnl = usd("-980.01");
  engine.update();
  EXPECT_EQ(engine.state(), TradingState::kHalted);
}

// ---- properties ----

// Seeds that once failed are added here and always run.
constexpr std::array<std::uint32_t, 0> kRegressionSeeds{};

// Whatever the book, an order REDUCING allows never moves the worst-case position away from zero
// nor across it.
TEST(RiskEngineProperty, ReducingNeverIncreasesOrFlips) {
  std::vector<std::uint32_t> seeds(kRegressionSeeds.begin(), kRegressionSeeds.end());
  for (std::uint32_t s = 1; s <= 200; ++s)
    seeds.push_back(s);
  for (const std::uint32_t seed : seeds) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::int64_t> pos(-1000, 1000);
    std::uniform_int_distribution<std::int64_t> open(0, 600);
    std::uniform_int_distribution<std::int64_t> qty(1, 1200);
    FakeRiskView view;
    const std::int64_t position = pos(rng);
    const std::int64_t open_buys = open(rng);
    const std::int64_t open_sells = open(rng);
    view.positions[kSym] = shares(position);
    view.open_quantity[{kSym, Side::kBuy}] = shares(open_buys);
    view.open_quantity[{kSym, Side::kSell}] = shares(open_sells);
    RiskEngine engine(view, RiskLimits{});
    engine.reduce_only("property");
    for (int i = 0; i < 20; ++i) {
      const Side side = (rng() & 1U) != 0 ? Side::kBuy : Side::kSell;
      const std::int64_t q = qty(rng);
      if (!engine.check(side == Side::kBuy ? buy(q) : sell(q), kSubmit).allowed()) continue;
      const std::int64_t worst =
          side == Side::kBuy ? position + open_buys + q : position - open_sells - q;
      ASSERT_TRUE(side == Side::kBuy ? (position < 0 && worst <= 0) : (position > 0 && worst >= 0))
          << "seed " << seed << ": position " << position << " open buys " << open_buys
          << " open sells " << open_sells << " " << (side == Side::kBuy ? "buy " : "sell ") << q;
    }
  }
}

}  // namespace
}  // namespace ibtrade::engine
