// RunRecorder wraps the strategy under test and records what a report needs: every fill, the
// equity when the data starts, at each session close and at the end, how often a position was open,
// and a bounded price series with indicators for a few symbols. Single-threaded: it runs inside
// the engine's handlers like any strategy.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "backtest/metrics.hpp"
#include "core/indicators/macd.hpp"
#include "core/indicators/vwap.hpp"
#include "engine/strategy/strategy.hpp"

namespace ibtrade::backtest {

struct FillRecord {
  Timestamp time;
  engine::Symbol symbol;
  Side side = Side::kBuy;
  Quantity quantity;
  Price price;
  Money commission;
  ClientOrderId order_id;
};

// One charted bar: the close, and the indicators the shipped strategies trade on.
struct ChartPoint {
  Timestamp time;
  Price close;
  double vwap = 0;  // session VWAP; 0 before the session's first volume
  std::optional<double> macd;
  std::optional<double> signal;
};

struct ChartSeries {
  engine::Symbol symbol;
  std::vector<ChartPoint> points;
  std::size_t stride = 1;  // every stride-th bar is kept (the series halves itself when full)
  std::size_t seen = 0;    // bars seen
  indicators::Macd macd;
  indicators::Vwap vwap;
  date::sys_days vwap_day{};
};

class RunRecorder final : public engine::Strategy {
 public:
  // `inner` must outlive the recorder. At most `charted_symbols` symbols are charted, in the
  // order their first bar arrives, each with at most `max_chart_points` points.
  explicit RunRecorder(engine::Strategy& inner, std::size_t charted_symbols = 4,
                       std::size_t max_chart_points = 4000);

  void on_start(engine::StrategyContext& ctx) override;
  void on_stop(engine::StrategyContext& ctx) override;
  void on_bar(engine::StrategyContext& ctx, const engine::Symbol& symbol, const Bar& bar) override;
  void on_quote(engine::StrategyContext& ctx, const engine::Symbol& symbol,
                const Quote& quote) override {
    inner_.on_quote(ctx, symbol, quote);
  }
  void on_trade(engine::StrategyContext& ctx, const engine::Symbol& symbol,
                const Trade& trade) override {
    inner_.on_trade(ctx, symbol, trade);
  }
  // The recorder reads no order updates of its own: it asks for what the strategy reads.
  engine::OrderUpdateInterest order_update_interest() const override {
    return inner_.order_update_interest();
  }
  void on_order_update(engine::StrategyContext& ctx, const engine::OrderUpdate& update) override {
    inner_.on_order_update(ctx, update);
  }
  void on_fill(engine::StrategyContext& ctx, const engine::Fill& fill) override;
  void on_timer(engine::StrategyContext& ctx, const TimerEvent& timer) override {
    inner_.on_timer(ctx, timer);
  }
  void on_session_open(engine::StrategyContext& ctx, date::year_month_day day) override;
  void on_session_close(engine::StrategyContext& ctx, date::year_month_day day) override;

  const std::vector<FillRecord>& fills() const { return fills_; }
  const std::vector<EquityPoint>& equity() const { return equity_; }
  const std::vector<ChartSeries>& charts() const { return charts_; }
  std::size_t bars() const { return bars_; }
  // Share of bars (over every symbol) that found a position open in their symbol.
  double exposure() const;

 private:
  void record_equity(engine::StrategyContext& ctx);
  void start_curve(engine::StrategyContext& ctx);
  void chart(const engine::Symbol& symbol, const Bar& bar);

  engine::Strategy& inner_;
  std::size_t charted_symbols_;
  std::size_t max_chart_points_;
  std::vector<FillRecord> fills_;
  std::vector<EquityPoint> equity_;
  std::vector<ChartSeries> charts_;
  std::size_t bars_ = 0;
  std::size_t bars_in_market_ = 0;
};

}  // namespace ibtrade::backtest
