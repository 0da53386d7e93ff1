#!/usr/bin/env bash
# Runs `ibtrade backtest` as a user would: checks exit codes, files written, determinism, a
# golden report, error messages, the grid, and that report.html draws in a real browser.
set -u
bin=$1; src=$2
here="$src/tests/backtest"
data="$src/tests/data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

# Real daily data: both strategies that trade daily bars run, and the report is complete.
for strategy in macd-cross fundamental; do
  if out=$("$bin" backtest --strategy $strategy --data "$data/orcl-1995-2014-daily.csv" \
             --report "$work/$strategy" --no-progress 2>&1); then
    ok "$strategy on the ORCL daily file"
  else bad "$strategy on the ORCL daily file: $out"; fi
  for f in report.json report.html; do
    [ -s "$work/$strategy/$f" ] || bad "$strategy: $f not written"
  done
done
echo "$out" | grep -q "^final equity" || bad "summary has no final equity line"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const need = ["final_equity", "sharpe", "sortino", "max_drawdown", "trades", "win_rate",
                "profit_factor", "exposure", "commissions", "cagr", "total_return"];
  for (const k of need) if (!(k in r.metrics)) throw new Error("metrics." + k + " missing");
  if (r.fills.length === 0 || r.trades.length === 0 || r.equity.length < 100) throw new Error("empty report");
  for (const f of r.fills) for (const k of ["time", "symbol", "side", "qty", "price", "commission"])
    if (!(k in f)) throw new Error("fill." + k + " missing");
  if (r.equity[0].time !== "1995-01-03T05:00:00Z") throw new Error("curve starts at " + r.equity[0].time);
' "$work/macd-cross/report.json" && ok "report.json has metrics, fills, trades and the curve" \
  || bad "report.json content"

# The 1-minute file runs with intraday macd-vwap.
"$bin" backtest --strategy macd-vwap --data "$data/index-2006-1min.csv" --no-progress >/dev/null 2>&1 \
  && ok "macd-vwap on the 1-minute file" || bad "macd-vwap on the 1-minute file"

# Same inputs, same bytes.
"$bin" backtest --strategy macd-cross --data "$data/orcl-1995-2014-daily.csv" --report "$work/again" \
  --no-progress >/dev/null 2>&1
cmp -s "$work/macd-cross/report.json" "$work/again/report.json" && ok "report.json is reproducible" \
  || bad "report.json differs between two identical runs"

# Golden report: a fixed synthetic seed through macd-vwap; everything but the charts (derived
# from the data) must match. Regenerate deliberately with
#   ibtrade backtest --strategy macd-vwap --synthetic 2 --from 2026-03-02 --to 2026-03-04 \
#     --seed 7 --report DIR && node tests/backtest/golden.js DIR/report.json \
#     > tests/backtest/golden-synthetic-macd-vwap.json
"$bin" backtest --strategy macd-vwap --synthetic 2 --from 2026-03-02 --to 2026-03-04 --seed 7 \
  --report "$work/golden" --no-progress >/dev/null 2>&1
node "$here/golden.js" "$work/golden/report.json" > "$work/golden.json"
if cmp -s "$here/golden-synthetic-macd-vwap.json" "$work/golden.json"; then
  ok "golden synthetic report"
else
  bad "golden synthetic report differs:"; diff "$here/golden-synthetic-macd-vwap.json" "$work/golden.json" | head -20
fi

# Bad input: exit 4, the file and line named, nothing written.
printf 'Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10,9,11,10,100\n' \
  > "$work/bad.csv"
out=$("$bin" backtest --strategy macd-cross --data "$work/bad.csv" --report "$work/bad" --no-progress 2>&1)
code=$?
[ $code -eq 4 ] && echo "$out" | grep -q "bad.csv:3" && [ ! -e "$work/bad/report.json" ] \
  && ok "bad CSV row: exit 4 naming bad.csv:3, no report" || bad "bad CSV row (exit $code): $out"
out=$("$bin" backtest --strategy macd-cross --data "$work/bad.csv" --skip-bad --no-progress 2>&1) \
  && echo "$out" | grep -q "skipped 1 bad row" && ok "--skip-bad counts" || bad "--skip-bad: $out"
out=$("$bin" backtest --strategy macd-cross --data "$data/orcl-1995-2014-daily.csv" --param fsat=3 2>&1)
[ $? -eq 2 ] && echo "$out" | grep -q "fsat" && ok "unknown parameter: usage error naming it" || bad "unknown parameter: $out"
"$bin" backtest --strategy macd-cross --no-progress >/dev/null 2>&1
[ $? -eq 2 ] && ok "no data: usage error" || bad "no data should be a usage error"
"$bin" backtest --strategy nope --data "$data/orcl-1995-2014-daily.csv" >/dev/null 2>&1
[ $? -eq 2 ] && ok "unknown strategy: usage error" || bad "unknown strategy should be a usage error"

# Grid: every combination, one row each, sorted by the chosen metric.
out=$("$bin" backtest --strategy macd-cross --data "$data/orcl-1995-2014-daily.csv" \
        --grid fast=8:12:2 --grid slow=20:30:10 --sort return --no-progress 2>&1)
rows=$(echo "$out" | tail -n +2 | wc -l)
sorted=$(echo "$out" | tail -n +2 | awk -F'\t' 'NR>1 && $3>prev {bad=1} {prev=$3} END {print bad+0}')
[ "$rows" -eq 6 ] && [ "$sorted" -eq 0 ] && ok "grid: 6 rows sorted by return" \
  || bad "grid ($rows rows, sorted=$sorted): $out"

# report.html: the page's own script draws it in headless Chromium (no network needed).
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  bad "chromium not installed (scripts/setup installs it)"
else
  dom=$(timeout 120 "$browser" --headless --no-sandbox --disable-gpu --dump-dom \
          "file://$work/macd-cross/report.html" 2>/dev/null)
  trades=$(echo "$dom" | grep -o '<tr>' | wc -l)
  echo "$dom" | grep -q '<div class="name">final equity</div>' && [ "$trades" -gt 100 ] \
    && ok "report.html renders metrics and $trades table rows" || bad "report.html did not render"
fi
exit $fail
