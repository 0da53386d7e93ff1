#!/usr/bin/env bash
# Peak resident memory of `ibtrade backtest` as history grows: 5 synthetic symbols for one month
# of sessions, then for ten times as many, with a strategy that trades rarely (fundamental) and
# one that trades every day (macd-vwap). Bars are streamed (one pending bar per symbol), so they
# add nothing; what a run keeps for its report grows with the trades: every fill and round trip
# (and the engine's record of every order), an equity point per session. One markdown row per run.
# Usage: bench/backtest_memory.sh [IBTRADE_BINARY]   (default: build/release/src/app/ibtrade)
set -euo pipefail
ibtrade=${1:-build/release/src/app/ibtrade}
[[ -x $ibtrade ]] || { echo "no ibtrade binary at $ibtrade (make bench builds it)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # strategy label from to
  local strategy=$1
  shift
  /usr/bin/time -f '%M %e' -o "$work/time" "$ibtrade" backtest --strategy "$strategy" \
    --synthetic 5 --from "$2" --to "$3" --seed 7 --report "$work/$strategy-$1" --no-progress >/dev/null
  read -r kib seconds <"$work/time"
  counts=$(node -e 'const r = require(process.argv[1]);
    console.log(`${r.metrics.bars} | ${r.fills.length} | ${r.trades.length}`)' "$work/$strategy-$1/report.json")
  echo "| $strategy | $1 | $2 .. $3 | $counts | $((kib / 1024)) MiB | ${seconds} s |"
}

echo "| strategy | data | sessions | bars | fills | round trips | peak RSS | wall |"
echo "|---|---|---|---|---|---|---|---|"
for strategy in fundamental macd-vwap; do
  run "$strategy" 1x 2026-01-05 2026-01-30
  run "$strategy" 10x 2026-01-05 2026-10-30
done
