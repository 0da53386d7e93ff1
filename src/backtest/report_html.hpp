// The page around report.html's embedded data: styles, layout and the drawing script (plain
// canvas, no library, so the file works offline). Constant text; no threading rule.
#pragma once

#include <string_view>

namespace ibtrade::backtest {

inline constexpr std::string_view kReportHtmlHead = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ibtrade backtest report</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1d2330; background: #fafbfc; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 0 8px; }
.run { color: #586174; margin-bottom: 16px; }
.metrics { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 8px; }
.metric { background: #fff; border: 1px solid #e1e4ea; border-radius: 6px; padding: 8px 10px; }
.metric .name { color: #586174; font-size: 12px; } .metric .value { font-size: 16px; font-weight: 600; }
canvas { width: 100%; height: 260px; background: #fff; border: 1px solid #e1e4ea; border-radius: 6px; }
canvas.small { height: 140px; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 12px; }
th, td { border-bottom: 1px solid #e1e4ea; padding: 4px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.pos { color: #11813b; } .neg { color: #c0262d; }
</style>
</head>
<body>
<h1>Backtest report</h1>
<div class="run" id="run"></div>
<div class="metrics" id="metrics"></div>
<h2>Equity</h2><canvas id="equity"></canvas>
<h2>Drawdown</h2><canvas id="drawdown" class="small"></canvas>
<div id="charts"></div>
<h2>Trades</h2><div id="trades"></div>
)html";

inline constexpr std::string_view kReportHtmlTail = R"html(<script>
"use strict";
const t = s => Date.parse(s);
function el(tag, attrs, text) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}
// Draws series [{xs, ys, color, dots}] with shared scales, and time labels on the x axis.
function plot(canvas, series, opts) {
  const ratio = window.devicePixelRatio || 1;
  const w = canvas.clientWidth, h = canvas.clientHeight;
  canvas.width = w * ratio; canvas.height = h * ratio;
  const g = canvas.getContext("2d");
  g.scale(ratio, ratio);
  const xs = series.flatMap(s => s.xs), ys = series.flatMap(s => s.ys.filter(v => v !== null));
  if (xs.length === 0 || ys.length === 0) { g.fillText("no data", 10, 20); return; }
  let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (opts && opts.zero) { y0 = Math.min(y0, 0); y1 = Math.max(y1, 0); }
  if (x1 === x0) x1 = x0 + 1; if (y1 === y0) { y1 += 1; y0 -= 1; }
  const left = 70, right = 10, top = 10, bottom = 22;
  const X = x => left + (x - x0) / (x1 - x0) * (w - left - right);
  const Y = y => top + (1 - (y - y0) / (y1 - y0)) * (h - top - bottom);
  g.strokeStyle = "#e1e4ea"; g.fillStyle = "#586174"; g.font = "11px system-ui";
  for (let i = 0; i <= 4; ++i) {
    const y = y0 + (y1 - y0) * i / 4;
    g.beginPath(); g.moveTo(left, Y(y)); g.lineTo(w - right, Y(y)); g.stroke();
    g.fillText(opts && opts.percent ? (y * 100).toFixed(1) + " %" : y.toFixed(2), 4, Y(y) + 4);
  }
  for (let i = 0; i <= 4; ++i) {
    const x = x0 + (x1 - x0) * i / 4;
    g.fillText(new Date(x).toISOString().slice(0, 10), Math.min(X(x), w - 70), h - 6);
  }
  for (const s of series) {
    g.strokeStyle = s.color; g.fillStyle = s.color; g.lineWidth = 1.2;
    if (s.dots) {
      s.xs.forEach((x, i) => {
        const up = s.up[i], px = X(x), py = Y(s.ys[i]);
        g.beginPath();
        g.moveTo(px, py + (up ? 8 : -8)); g.lineTo(px - 4, py + (up ? 14 : -14));
        g.lineTo(px + 4, py + (up ? 14 : -14)); g.closePath(); g.fill();
      });
      continue;
    }
    g.beginPath();
    let pen = false;
    s.xs.forEach((x, i) => {
      const y = s.ys[i];
      if (y === null) { pen = false; return; }
      if (pen) g.lineTo(X(x), Y(y)); else g.moveTo(X(x), Y(y));
      pen = true;
    });
    g.stroke();
  }
}
const r = REPORT, m = r.metrics;
document.getElementById("run").textContent =
  `${r.run.strategy} on ${r.run.data.join(", ")}; cash ${r.run.starting_cash}, commission ${r.run.commission}, fill ${r.run.fill}` +
  (Object.keys(r.run.params).length ? "; " + Object.entries(r.run.params).map(([k, v]) => k + "=" + v).join(" ") : "");
const pct = v => v === null ? "n/a" : (v * 100).toFixed(2) + " %";
const num = v => v === null ? "n/a" : v.toFixed(2);
[["final equity", m.final_equity], ["net PnL", m.net_pnl], ["total return", pct(m.total_return)],
 ["CAGR", pct(m.cagr)], ["Sharpe", num(m.sharpe)], ["Sortino", num(m.sortino)],
 ["max drawdown", pct(m.max_drawdown)], ["trades", m.trades], ["win rate", pct(m.win_rate)],
 ["profit factor", num(m.profit_factor)], ["exposure", pct(m.exposure)], ["commissions", m.commissions]]
  .forEach(([name, value]) => {
    const box = el("div", {class: "metric"});
    box.append(el("div", {class: "name"}, name), el("div", {class: "value"}, String(value)));
    document.getElementById("metrics").append(box);
  });
const ex = r.equity.map(p => t(p.time)), ey = r.equity.map(p => Number(p.equity));
plot(document.getElementById("equity"), [{xs: ex, ys: ey, color: "#2457c5"}]);
let peak = -Infinity;
const dd = ey.map(v => { peak = Math.max(peak, v); return peak > 0 ? v / peak - 1 : 0; });
plot(document.getElementById("drawdown"), [{xs: ex, ys: dd, color: "#c0262d"}], {percent: true, zero: true});
const charts = document.getElementById("charts");
for (const c of r.charts) {
  charts.append(el("h2", {}, `${c.symbol}: close, session VWAP, fills` +
    (c.every_nth_bar > 1 ? ` (one bar in ${c.every_nth_bar})` : "")));
  const price = el("canvas"), macd = el("canvas", {class: "small"});
  charts.append(price, el("h2", {}, `${c.symbol}: MACD(12,26,9)`), macd);
  const xs = c.points.map(p => t(p.time));
  const fills = r.fills.filter(f => f.symbol === c.symbol);
  plot(price, [
    {xs, ys: c.points.map(p => Number(p.close)), color: "#1d2330"},
    {xs, ys: c.points.map(p => p.vwap > 0 ? p.vwap : null), color: "#d08a1c"},
    {xs: fills.map(f => t(f.time)), ys: fills.map(f => Number(f.price)),
     up: fills.map(f => f.side === "BUY"), dots: true, color: "#11813b"}]);
  plot(macd, [{xs, ys: c.points.map(p => p.macd), color: "#2457c5"},
              {xs, ys: c.points.map(p => p.signal), color: "#d08a1c"}], {zero: true});
}
const table = el("table");
const head = ["symbol", "side", "qty", "entry", "entry price", "exit", "exit price", "net PnL", "return %", "MAE", "MFE"];
const hr = el("tr"); head.forEach(h => hr.append(el("th", {}, h))); table.append(hr);
for (const x of r.trades) {
  const tr = el("tr");
  [x.symbol, x.side, x.qty, x.entry_time, x.entry_price, x.exit_time, x.exit_price, x.net_pnl,
   x.return_percent, x.mae, x.mfe].forEach((v, i) => {
    const td = el("td", {}, v);
    if (i === 7) td.className = Number(v) > 0 ? "pos" : Number(v) < 0 ? "neg" : "";
    tr.append(td);
  });
  table.append(tr);
}
document.getElementById("trades").append(r.trades.length ? table : el("p", {}, "No closed trades."));
</script>
</body>
</html>
)html";

}  // namespace ibtrade::backtest
