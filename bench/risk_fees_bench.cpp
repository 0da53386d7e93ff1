// Cost of the risk check every submit pays (all limits on), of the daily-loss update every bar
// pays, and of pricing one fill with IBKR's Fixed and Tiered models (default fees).
#include <chrono>
#include <cstdint>

#include <benchmark/benchmark.h>

#include "engine/fees/ibkr_fixed.hpp"
#include "engine/fees/ibkr_tiered.hpp"
#include "engine/risk/fake_risk_view.hpp"
#include "engine/risk/risk_engine.hpp"

namespace ibtrade::engine {
namespace {

Money usd(const char* text) {
  return Money::parse(text).value();
}

void BM_RiskCheckSubmitAllLimits(benchmark::State& state) {
  testing::FakeRiskView view;
  view.last["AAPL"] = Price::parse("100.00").value();
  view.positions["AAPL"] = Quantity::from_units(300);
  view.open_quantity[{"AAPL", Side::kBuy}] = Quantity::from_units(100);
  view.gross = usd("30000.00");
  view.account_equity = usd("100000.00");
  RiskLimits limits;
  limits.max_order_value = usd("50000.00");
  limits.max_position = Quantity::from_units(10'000);
  limits.max_gross_exposure = usd("1000000.00");
  limits.max_open_orders = 1000;
  limits.max_orders_per_second = 1'000'000'000;
  limits.max_cancels_per_second = 1'000'000'000;
  limits.price_collar = Percent::parse("5").value();
  limits.allow_short_selling = false;
  limits.max_daily_loss = usd("5000.00");
  limits.max_daily_loss_percent = Percent::parse("3").value();
  RiskEngine engine(view, limits);
  Order order;
  order.client_order_id = ClientOrderId{"o-1"};
  order.contract = us_stock("AAPL");
  order.type = OrderType::kLimit;
  order.quantity = Quantity::from_units(100);
  order.limit_price = Price::parse("100.05").value();
  std::int64_t tick = 0;
  for (auto _ : state) {
    // 1 ms apart: the rate window holds about a thousand entries, as under a real burst.
    view.time = Timestamp{std::chrono::milliseconds(++tick)};
    benchmark::DoNotOptimize(engine.check(order, RiskAction::kSubmit));
  }
}
BENCHMARK(BM_RiskCheckSubmitAllLimits);

// The continuous daily-loss check the kernel runs on every bar, print and fill, with both loss
// limits set and the loss within them (the usual case).
void BM_RiskUpdateWithinDailyLoss(benchmark::State& state) {
  testing::FakeRiskView view;
  view.account_equity = usd("100000.00");
  view.pnl = usd("-1000.00");
  RiskLimits limits;
  limits.max_daily_loss = usd("5000.00");
  limits.max_daily_loss_percent = Percent::parse("3").value();
  RiskEngine engine(view, limits);
  for (auto _ : state) {
    engine.update();
    benchmark::DoNotOptimize(engine.state());
  }
}
BENCHMARK(BM_RiskUpdateWithinDailyLoss);

template <class Model>
void BM_CommissionPerFill(benchmark::State& state) {
  Model model;
  CommissionInput fill{Side::kSell, Quantity::from_units(250), Price::parse("37.21").value(),
                       Timestamp{std::chrono::hours(24 * 20'000)}};
  for (auto _ : state)
    benchmark::DoNotOptimize(model.commission(fill));
}
BENCHMARK(BM_CommissionPerFill<IbkrFixedCommission>);
BENCHMARK(BM_CommissionPerFill<IbkrTieredCommission>);

}  // namespace
}  // namespace ibtrade::engine
