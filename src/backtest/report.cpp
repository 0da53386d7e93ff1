#include "backtest/report.hpp"

#include <cstdio>
#include <sstream>

#include <date/date.h>

#include "backtest/report_html.hpp"

namespace ibtrade::backtest {
namespace {

using nlohmann::json;

json optional_number(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

std::string_view side_name(Side side) {
  return side == Side::kBuy ? "BUY" : "SELL";
}

json metrics_json(const Metrics& m, std::size_t bars) {
  return json{
      {"starting_equity", m.starting_equity.to_string()},
      {"final_equity", m.final_equity.to_string()},
      {"net_pnl", m.net_pnl.to_string()},
      {"commissions", m.commissions.to_string()},
      {"total_return", m.total_return},
      {"cagr", optional_number(m.cagr)},
      {"sharpe", optional_number(m.sharpe)},
      {"sortino", optional_number(m.sortino)},
      {"max_drawdown", m.max_drawdown},
      {"max_drawdown_seconds",
       std::chrono::duration_cast<std::chrono::seconds>(m.max_drawdown_duration).count()},
      {"trades", m.trades},
      {"winning_trades", m.winning_trades},
      {"win_rate", optional_number(m.win_rate)},
      {"profit_factor", optional_number(m.profit_factor)},
      {"average_trade", m.average_trade.to_string()},
      {"exposure", m.exposure},
      {"bars", bars},
  };
}

std::string percent(double fraction) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f %%", fraction * 100);
  return buffer;
}

std::string ratio(const std::optional<double>& value) {
  if (!value) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", *value);
  return buffer;
}

}  // namespace

std::string iso_time(Timestamp t) {
  const auto seconds = date::floor<std::chrono::seconds>(t);
  std::string out = date::format("%FT%T", seconds);
  if (const auto fraction = t - seconds; fraction.count() != 0) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, ".%09lld", static_cast<long long>(fraction.count()));
    out += buffer;
  }
  return out + "Z";
}

json to_json(const BacktestReport& report) {
  const RunDescription& run = report.run;
  json fills = json::array();
  for (const FillRecord& f : report.fills) {
    fills.push_back(json{{"time", iso_time(f.time)},
                         {"symbol", f.symbol},
                         {"side", side_name(f.side)},
                         {"qty", f.quantity.to_string()},
                         {"price", f.price.to_string()},
                         {"commission", f.commission.to_string()},
                         {"order_id", f.order_id.value()}});
  }
  json trades = json::array();
  for (const engine::ClosedTrade& t : report.trades) {
    trades.push_back(json{
        {"symbol", t.symbol},
        {"side", t.side == engine::TradeSide::kLong ? "LONG" : "SHORT"},
        {"qty", t.quantity.to_string()},
        {"entry_time", iso_time(t.entry_time)},
        {"entry_price", t.entry_price.to_string()},
        {"exit_time", iso_time(t.exit_time)},
        {"exit_price", t.exit_price.to_string()},
        {"gross_pnl", t.gross_pnl.to_string()},
        {"commissions", t.commissions().to_string()},
        {"net_pnl", t.net_pnl.to_string()},
        {"return_percent", t.return_percent().to_string()},
        {"holding_seconds",
         std::chrono::duration_cast<std::chrono::seconds>(t.holding_time()).count()},
        {"mae", t.max_adverse_excursion().to_string()},
        {"mfe", t.max_favorable_excursion().to_string()},
    });
  }
  json equity = json::array();
  for (const EquityPoint& p : report.equity) {
    equity.push_back(json{{"time", iso_time(p.time)}, {"equity", p.equity.to_string()}});
  }
  json charts = json::array();
  for (const ChartSeries& series : report.charts) {
    json points = json::array();
    for (const ChartPoint& p : series.points) {
      points.push_back(json{{"time", iso_time(p.time)},
                            {"close", p.close.to_string()},
                            {"vwap", p.vwap},
                            {"macd", optional_number(p.macd)},
                            {"signal", optional_number(p.signal)}});
    }
    charts.push_back(
        json{{"symbol", series.symbol}, {"every_nth_bar", series.stride}, {"points", points}});
  }
  return json{
      {"run",
       {{"strategy", run.strategy},
        {"params", run.params},
        {"data", run.data},
        {"starting_cash", run.starting_cash.to_string()},
        {"commission", run.commission},
        {"fill", run.fill}}},
      {"metrics", metrics_json(report.metrics, report.bars)},
      {"fills", fills},
      {"trades", trades},
      {"equity", equity},
      {"charts", charts},
  };
}

std::string summary_table(const Metrics& m) {
  const std::pair<std::string, std::string> rows[] = {
      {"starting equity", m.starting_equity.to_string()},
      {"final equity", m.final_equity.to_string()},
      {"net PnL", m.net_pnl.to_string()},
      {"total return", percent(m.total_return)},
      {"CAGR", m.cagr ? percent(*m.cagr) : "n/a"},
      {"Sharpe", ratio(m.sharpe)},
      {"Sortino", ratio(m.sortino)},
      {"max drawdown", percent(m.max_drawdown)},
      {"trades", std::to_string(m.trades)},
      {"win rate", m.win_rate ? percent(*m.win_rate) : "n/a"},
      {"profit factor", ratio(m.profit_factor)},
      {"average trade", m.average_trade.to_string()},
      {"exposure", percent(m.exposure)},
      {"commissions", m.commissions.to_string()},
  };
  std::ostringstream out;
  for (const auto& [name, value] : rows) {
    out << name << std::string(16 - name.size(), ' ') << value << '\n';
  }
  return out.str();
}

std::string render_html(const BacktestReport& report) {
  std::string data = to_json(report).dump();
  // Inside <script>, "</" could end the element early; JSON allows "<\/" for the same text.
  std::string safe;
  safe.reserve(data.size());
  for (std::size_t i = 0; i < data.size(); ++i) {
    safe += data[i];
    if (data[i] == '<' && i + 1 < data.size() && data[i + 1] == '/') safe += '\\';
  }
  std::string html(kReportHtmlHead);
  html += "<script>const REPORT = ";
  html += safe;
  html += ";</script>\n";
  html += kReportHtmlTail;
  return html;
}

}  // namespace ibtrade::backtest
