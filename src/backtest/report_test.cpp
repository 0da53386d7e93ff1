#include "backtest/report.hpp"

#include <gtest/gtest.h>

#include "engine/fees/ibkr_fixed.hpp"
#include "engine/kernel/simulation.hpp"

namespace ibtrade::backtest {
namespace {

using namespace std::chrono_literals;

// Buys 100 on the first bar, sells them on the fourth.
class BuyThenSell final : public engine::Strategy {
 public:
  void on_bar(engine::StrategyContext& ctx, const engine::Symbol& symbol,
              const Bar& /*bar*/) override {
    ++bars_;
    if (bars_ == 1) ctx.market(symbol, Side::kBuy, Quantity::from_units(100));
    if (bars_ == 4) ctx.market(symbol, Side::kSell, Quantity::from_units(100));
  }

 private:
  int bars_ = 0;
};

std::vector<engine::MarketBar> bars() {
  std::vector<engine::MarketBar> out;
  const char* closes[] = {"10.00", "10.50", "11.00", "11.50", "12.00", "12.50"};
  Timestamp t{date::sys_days{date::year{2026} / 3 / 2} + 14h + 30min};
  for (const char* close : closes) {
    const Price c = Price::parse(close).value();
    const Price cent = Price::parse("0.01").value();
    out.push_back(
        {"ACME",
         Bar{t, c - cent * 10, c + cent * 20, c - cent * 20, c, Quantity::from_units(10'000)},
         24h});
    t += 24h;
  }
  return out;
}

BacktestReport run_once() {
  engine::IbkrFixedCommission commission;
  engine::SimulationConfig config;
  config.engine.starting_cash = Money::from_units(10'000);
  config.engine.risk.enforce_trading_hours = false;
  config.venue.commission_reporting = engine::CommissionReporting::kInFill;
  engine::Simulation sim(config, commission);
  BuyThenSell strategy;
  RunRecorder recorder(strategy);
  sim.add_strategy(StrategyId{"test"}, recorder);
  engine::VectorBarFeed feed(bars());
  sim.add_feed(feed);
  sim.run();
  EXPECT_TRUE(sim.engine().errors().empty());
  BacktestReport report;
  report.run = {"buy-then-sell", {{"note", "</script><b>"}},
                {"inline"},      Money::from_units(10'000),
                "fixed",         "next-open"};
  report.fills = recorder.fills();
  report.equity = recorder.equity();
  report.charts = recorder.charts();
  report.bars = recorder.bars();
  const auto closed = sim.engine().ledger().closed_trades();
  report.trades.assign(closed.begin(), closed.end());
  report.metrics = compute_metrics({report.equity, report.trades,
                                    sim.engine().ledger().commissions(), recorder.exposure(), 252});
  EXPECT_EQ(report.metrics.final_equity, sim.engine().ledger().equity());
  return report;
}

TEST(BacktestReport, JsonCarriesFillsTradesAndEquity) {
  const BacktestReport report = run_once();
  const nlohmann::json j = to_json(report);
  // Bought at the second bar's open (10.40), sold at the fifth's (11.90). Each pays the $1.00
  // minimum; the sale also the SEC fee and FINRA TAF (0.033 + 0.017), 1.05 once rounded.
  ASSERT_EQ(j["fills"].size(), 2U);
  EXPECT_EQ(j["fills"][0]["side"], "BUY");
  EXPECT_EQ(j["fills"][0]["price"], "10.40");
  EXPECT_EQ(j["fills"][0]["qty"], "100");
  EXPECT_EQ(j["fills"][0]["commission"], "1.00");
  EXPECT_EQ(j["fills"][0]["time"], "2026-03-03T14:30:00Z");
  EXPECT_EQ(j["fills"][1]["price"], "11.90");
  EXPECT_EQ(j["fills"][1]["commission"], "1.05");
  ASSERT_EQ(j["trades"].size(), 1U);
  EXPECT_EQ(j["trades"][0]["net_pnl"], "147.95");  // 150 - 1.00 - 1.05
  EXPECT_EQ(j["metrics"]["final_equity"], "10147.95");
  EXPECT_EQ(j["metrics"]["trades"], 1);
  EXPECT_EQ(j["metrics"]["bars"], 6);
  EXPECT_EQ(j["equity"].front()["equity"], "10000");
  EXPECT_EQ(j["equity"].front()["time"], "2026-03-02T14:30:00Z");  // when the data starts
  EXPECT_EQ(j["equity"].back()["equity"], "10147.95");
  EXPECT_EQ(j["run"]["params"]["note"], "</script><b>");
  ASSERT_EQ(j["charts"].size(), 1U);
  EXPECT_EQ(j["charts"][0]["points"].size(), 6U);
}

TEST(BacktestReport, SameRunSameBytes) {
  EXPECT_EQ(to_json(run_once()).dump(2), to_json(run_once()).dump(2));
}

TEST(BacktestReport, HtmlEmbedsTheDataWithoutClosingTheScript) {
  const std::string html = render_html(run_once());
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0U);
  EXPECT_NE(html.find("const REPORT = {"), std::string::npos);
  EXPECT_NE(html.find("<\\/script><b>"), std::string::npos);
  // Only the page's own two scripts end.
  std::size_t count = 0;
  for (std::size_t at = html.find("</script>"); at != std::string::npos;
       at = html.find("</script>", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 2U);
  EXPECT_EQ(html.find("http"), std::string::npos);  // nothing fetched from the network
}

TEST(BacktestReport, SummaryTableNamesEveryMetric) {
  const std::string table = summary_table(run_once().metrics);
  for (const char* name : {"total return", "CAGR", "Sharpe", "Sortino", "max drawdown", "trades",
                           "win rate", "profit factor", "exposure", "commissions"}) {
    EXPECT_NE(table.find(name), std::string::npos) << name;
  }
  EXPECT_NE(table.find("10147.95"), std::string::npos);
}

TEST(BacktestReport, IsoTimes) {
  EXPECT_EQ(iso_time(Timestamp{date::sys_days{date::year{2026} / 11 / 21} + 9h + 30min}),
            "2026-11-21T09:30:00Z");
  EXPECT_EQ(iso_time(Timestamp{date::sys_days{date::year{2026} / 11 / 21} + 1500ms}),
            "2026-11-21T00:00:01.500000000Z");
}

}  // namespace
}  // namespace ibtrade::backtest
