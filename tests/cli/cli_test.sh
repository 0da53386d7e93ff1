#!/usr/bin/env bash
# Runs the ibtrade binary as a user would and checks exit codes and output.
set -u
bin=$1; src=$2
fail=0
check() { # name expected_code command...
  local name=$1 want=$2; shift 2
  out=$("$@" 2>&1); got=$?
  if [ "$got" != "$want" ]; then echo "FAIL $name: exit $got, want $want"; echo "$out"; fail=1; else echo "ok   $name"; fi
}
cd "$src"
check "version" 0 "$bin" version
check "help" 0 "$bin" --help
check "no subcommand" 2 "$bin"
check "unknown flag" 2 "$bin" version --nope
check "config check" 0 "$bin" config check
check "up without the simulator" 0 "$bin" --set sim.enabled=false up
check "sim help" 0 "$bin" sim --help
check "sim bad speed" 2 "$bin" sim --speed 0
check "sim bad from" 2 "$bin" sim --from yesterday
check "config show" 0 "$bin" config show
check "bad config file" 3 "$bin" --config /nonexistent.toml config check
check "bad env override" 3 env IBTRADE_TWS__PORT=abc "$bin" config check
check "unknown env setting" 3 env IBTRADE_TWS__PROT=1 "$bin" config check
check "bad --set" 3 "$bin" --set tws.port=0 config check
check "bad log format" 2 "$bin" --log-format xml version
check "live without account" 3 "$bin" --set trading.mode=live --set sim.enabled=false config check
check "weekend closure override" 3 "$bin" --set calendar.extra_closures=2026-11-21 config check

# Secrets never reach the output.
out=$(IBTRADE_STORE__MYSQL_PASSWORD=hunter2 "$bin" config show 2>&1)
if echo "$out" | grep -q hunter2; then echo "FAIL secret printed by config show"; fail=1; else echo "ok   secret redacted"; fi

# --log-format json: every stderr line is one JSON object.
err=$("$bin" --log-format json --set sim.enabled=false up 2>&1 >/dev/null)
if [ -z "$err" ] || ! echo "$err" | node -e '
  const lines = require("fs").readFileSync(0, "utf8").trim().split("\n");
  for (const l of lines) { const o = JSON.parse(l); if (!o.ts || !o.level || !o.msg) process.exit(1); }'; then
  echo "FAIL json logs: $err"; fail=1
else echo "ok   json log lines"; fi

# ibtrade up with the simulator (the embedded default): it keeps running, serves, and stops
# cleanly with exit 0 on SIGTERM. Free ports are picked so parallel runs don't collide.
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
tmp_up=$(mktemp -d); : >"$tmp_up/out"
"$bin" --set tws.port="$(free_port)" --set sim.http_port="$(free_port)" --set sim.symbols=5 \
  up >"$tmp_up/out" 2>"$tmp_up/err" &
up_pid=$!
for _ in $(seq 1 300); do grep -q "running" "$tmp_up/out" && break; kill -0 $up_pid 2>/dev/null || break; sleep 0.1; done
if grep -q "\[started\]       sim" "$tmp_up/out" && grep -q "SIMULATED" "$tmp_up/out"; then
  echo "ok   up starts the simulator"
else echo "FAIL up starts the simulator: $(cat "$tmp_up/out" "$tmp_up/err")"; fail=1; fi
kill -TERM $up_pid 2>/dev/null; wait $up_pid; got=$?
if [ "$got" = 0 ] && grep -q "stopped" "$tmp_up/out"; then echo "ok   up stops on SIGTERM"
else echo "FAIL up stops on SIGTERM: exit $got"; cat "$tmp_up/out" "$tmp_up/err"; fail=1; fi
rm -rf "$tmp_up"

# ibtrade sim --csv: a bad file is exit 4 naming file and line, before anything listens; a good
# one is served (the banner names the replay) until SIGTERM.
tmp_sim=$(mktemp -d)
printf 'Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,1,2,1,2,2,10\n2020-01-03,1,1,2,1,1,10\n' >"$tmp_sim/bad.csv"
check "sim bad csv" 4 "$bin" sim --port 0 --http-port 0 --csv "$tmp_sim/bad.csv"
if "$bin" sim --port 0 --http-port 0 --csv "$tmp_sim/bad.csv" 2>&1 | grep -q "bad.csv:3:"; then
  echo "ok   sim bad csv names file and line"
else echo "FAIL sim bad csv message"; fail=1; fi
check "sim missing csv" 4 "$bin" sim --port 0 --http-port 0 --csv "$tmp_sim/none.csv"
check "sim --symbol with two files" 2 "$bin" sim --csv a.csv --csv b.csv --symbol X
check "sim --from after the csv" 2 "$bin" sim --port 0 --http-port 0 --csv tests/data/orcl-1995-2014-daily.csv --from 2020-01-02
"$bin" --set sim.symbols=3 sim --port 0 --http-port 0 --csv tests/data/index-2006-1min.csv --symbol IDX \
  >"$tmp_sim/out" 2>"$tmp_sim/err" &
sim_pid=$!
for _ in $(seq 1 300); do grep -q "Stop with" "$tmp_sim/out" && break; kill -0 $sim_pid 2>/dev/null || break; sleep 0.1; done
if grep -q "CSV replay of IDX" "$tmp_sim/out"; then echo "ok   sim serves a csv replay"
else echo "FAIL sim serves a csv replay: $(cat "$tmp_sim/out" "$tmp_sim/err")"; fail=1; fi
kill -TERM $sim_pid 2>/dev/null; wait $sim_pid; got=$?
if [ "$got" = 0 ]; then echo "ok   sim stops on SIGTERM"; else echo "FAIL sim stops on SIGTERM: exit $got"; fail=1; fi
rm -rf "$tmp_sim"

# ibtrade indicators: CSV on stdout, exit 4 naming file and line for a bad row, --skip-bad,
# exit 2 for bad option values.
tmp=$(mktemp -d)
check "indicators daily" 0 "$bin" indicators --input tests/data/orcl-1995-2014-daily.csv --macd 12,26,9 --rsi 14
out=$("$bin" indicators --input tests/data/index-2006-1min.csv --vwap --atr 14 2>/dev/null)
if [ "$(echo "$out" | head -n 1)" = "date,time,close,vwap,vwap_upper,vwap_lower,atr" ] &&
   [ "$(echo "$out" | wc -l)" = 30890 ]; then echo "ok   indicators output"
else echo "FAIL indicators output: $(echo "$out" | head -n 3)"; fail=1; fi
printf 'Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,1,2,1,2,2,10\n2020-01-03,1,1,2,1,1,10\n2020-01-06,1,2,1,1.5,1.5,10\n' >"$tmp/bad.csv"
check "indicators bad row" 4 "$bin" indicators --input "$tmp/bad.csv" --rsi 2
if "$bin" indicators --input "$tmp/bad.csv" --rsi 2 2>&1 >/dev/null | grep -q "bad.csv:3:"; then
  echo "ok   indicators bad row names file and line"
else echo "FAIL indicators bad row message"; fail=1; fi
check "indicators skip-bad" 0 "$bin" indicators --input "$tmp/bad.csv" --rsi 2 --skip-bad
rows=$("$bin" indicators --input "$tmp/bad.csv" --rsi 2 --skip-bad 2>/dev/null | wc -l)
if [ "$rows" = 3 ]; then echo "ok   indicators skip-bad rows"; else echo "FAIL indicators skip-bad: $rows lines"; fail=1; fi
check "indicators missing file" 4 "$bin" indicators --input "$tmp/none.csv" --rsi 2
check "indicators bad option" 2 "$bin" indicators --input "$tmp/bad.csv" --macd 12,x
check "indicators bad period" 2 "$bin" indicators --input "$tmp/bad.csv" --rsi 0
check "indicators no indicator" 2 "$bin" indicators --input "$tmp/bad.csv"
rm -rf "$tmp"
exit $fail
