// A finished backtest as data: what was run, the metrics, fills, round trips, the equity curve
// and the charts; rendered as the stdout summary, report.json and a self-contained report.html.
// Pure: rendering returns text, the command writes the files.
#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backtest/metrics.hpp"
#include "backtest/run_recorder.hpp"
#include "engine/portfolio/closed_trade.hpp"

namespace ibtrade::backtest {

struct RunDescription {
  std::string strategy;
  std::map<std::string, std::string> params;  // as given (k=v), sorted by key
  std::vector<std::string> data;              // files, or "synthetic:N:seed:from:to"
  Money starting_cash;
  std::string commission;  // none | fixed | tiered
  std::string fill;        // next-open | close
};

struct BacktestReport {
  RunDescription run;
  Metrics metrics;
  std::vector<FillRecord> fills;
  std::vector<engine::ClosedTrade> trades;
  std::vector<EquityPoint> equity;
  std::vector<ChartSeries> charts;
  std::size_t bars = 0;
};

// The report.json document (docs/backtest.md). Same report, same bytes: keys are sorted,
// money is exact decimal text, times are ISO-8601 UTC.
nlohmann::json to_json(const BacktestReport& report);
// The stdout summary: one metric per line, aligned.
std::string summary_table(const Metrics& metrics);
// report.html: the JSON embedded, drawn by inline script on canvas; no network access needed.
std::string render_html(const BacktestReport& report);

// "2026-03-02T14:31:00Z", with fractional seconds only when not whole.
std::string iso_time(Timestamp t);

}  // namespace ibtrade::backtest
