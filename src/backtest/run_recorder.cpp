#include "backtest/run_recorder.hpp"

#include <algorithm>

namespace ibtrade::backtest {

RunRecorder::RunRecorder(engine::Strategy& inner, std::size_t charted_symbols,
                         std::size_t max_chart_points)
    : inner_(inner),
      charted_symbols_(charted_symbols),
      max_chart_points_(std::max<std::size_t>(max_chart_points, 2)) {}

void RunRecorder::record_equity(engine::StrategyContext& ctx) {
  const EquityPoint point{ctx.now(), ctx.account().equity};
  // One point per instant: a session close and the end of the run can coincide.
  if (!equity_.empty() && equity_.back().time == point.time) {
    equity_.back() = point;
  } else {
    equity_.push_back(point);
  }
}

void RunRecorder::on_start(engine::StrategyContext& ctx) {
  inner_.on_start(ctx);
}

void RunRecorder::start_curve(engine::StrategyContext& ctx) {
  // The curve starts with the data, not when the engine starts (its clock may still be at the
  // epoch), so that CAGR and the charts span the run's real period.
  if (equity_.empty()) record_equity(ctx);
}

void RunRecorder::on_session_open(engine::StrategyContext& ctx, date::year_month_day day) {
  start_curve(ctx);
  inner_.on_session_open(ctx, day);
}

void RunRecorder::on_stop(engine::StrategyContext& ctx) {
  inner_.on_stop(ctx);
  if (!equity_.empty()) record_equity(ctx);
}

void RunRecorder::on_session_close(engine::StrategyContext& ctx, date::year_month_day day) {
  inner_.on_session_close(ctx, day);
  record_equity(ctx);
}

void RunRecorder::on_bar(engine::StrategyContext& ctx, const engine::Symbol& symbol,
                         const Bar& bar) {
  start_curve(ctx);
  ++bars_;
  if (!ctx.position(symbol).is_zero()) ++bars_in_market_;
  chart(symbol, bar);
  inner_.on_bar(ctx, symbol, bar);
}

void RunRecorder::on_fill(engine::StrategyContext& ctx, const engine::Fill& fill) {
  fills_.push_back(FillRecord{fill.time, fill.symbol, fill.side, fill.quantity, fill.price,
                              fill.commission, fill.client_order_id});
  inner_.on_fill(ctx, fill);
}

double RunRecorder::exposure() const {
  return bars_ == 0 ? 0.0 : static_cast<double>(bars_in_market_) / static_cast<double>(bars_);
}

void RunRecorder::chart(const engine::Symbol& symbol, const Bar& bar) {
  auto it = std::find_if(charts_.begin(), charts_.end(),
                         [&](const ChartSeries& s) { return s.symbol == symbol; });
  if (it == charts_.end()) {
    if (charts_.size() >= charted_symbols_) return;
    charts_.push_back(ChartSeries{symbol, {}, 1, 0, indicators::Macd{}, indicators::Vwap{}, {}});
    it = charts_.end() - 1;
  }
  ChartSeries& s = *it;
  const auto day = date::floor<date::days>(bar.time);
  if (day != s.vwap_day) {
    s.vwap.start_session();
    s.vwap_day = day;
  }
  s.vwap.update(bar);
  s.macd.update(bar.close.to_double());
  if (s.seen++ % s.stride != 0) return;
  ChartPoint point{bar.time, bar.close, s.vwap.ready() ? s.vwap.value() : 0.0, std::nullopt,
                   std::nullopt};
  if (s.macd.ready()) {
    point.macd = s.macd.line();
    point.signal = s.macd.signal();
  }
  s.points.push_back(point);
  if (s.points.size() >= max_chart_points_) {
    // Keep every other point and sample half as often from now on: bounded memory, and the
    // same bars are kept whatever the run's length.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < s.points.size(); i += 2)
      s.points[kept++] = s.points[i];
    s.points.resize(kept);
    s.stride *= 2;
  }
}

}  // namespace ibtrade::backtest
