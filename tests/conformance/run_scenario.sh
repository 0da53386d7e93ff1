#!/usr/bin/env bash
# Starts `ibtrade sim` on a free loopback port (fixed seed, high speed), waits until it listens,
# runs scenario.js (@stoqey/ib through a whole session) against it, always stops the sim, and
# exits with the scenario's code. Usage: run_scenario.sh <path to ibtrade> [source dir]
set -u
bin=${1:?usage: run_scenario.sh <path to ibtrade> [source dir]}
here=$(cd "$(dirname "$0")" && pwd)
src=${2:-$(cd "$here/../.." && pwd)}
node=${CONFORMANCE_NODE:-node}
work=$(mktemp -d)
sim_pid=

stop_sim() {
  if [ -n "$sim_pid" ] && kill -0 "$sim_pid" 2>/dev/null; then
    kill -TERM "$sim_pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$sim_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$sim_pid" 2>/dev/null
    wait "$sim_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap stop_sim EXIT

if [ ! -d "$here/node_modules/@stoqey/ib" ]; then
  echo "FAIL: @stoqey/ib is not installed in tests/conformance: run scripts/setup"; exit 1
fi

free_port() {
  "$node" -e 'const s = require("net").createServer().listen(0, "127.0.0.1",
                () => { console.log(s.address().port); s.close(); });'
}
port=$(free_port)
http_port=$(free_port)

# Fixed seed and universe; market time at 60x so 5-second bars and fills come quickly.
"$bin" --config "$src/config/ibtrade.toml" sim --port "$port" --http-port "$http_port" --seed 7 --symbols 30 --speed 60 \
  ${CONFORMANCE_SIM_ARGS:-} >"$work/sim.log" 2>&1 &
sim_pid=$!

listening=0
for _ in $(seq 300); do
  if ! kill -0 "$sim_pid" 2>/dev/null; then break; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then listening=1; break; fi
  sleep 0.1
done
if [ "$listening" != 1 ]; then
  echo "FAIL: ibtrade sim did not listen on 127.0.0.1:$port within 30 s; its output:"
  tail -n 40 "$work/sim.log"
  exit 1
fi

"$node" "$here/scenario.js" "127.0.0.1:$port"
code=$?

# The NASDAQ-shaped earnings API on the sim's HTTP port (docs/sim-nasdaq.md): a calendar page
# in Nasdaq's envelope, and HTTP 400 for a bad date.
if ! "$node" -e '
  const base = `http://127.0.0.1:${process.argv[1]}/api/calendar/earnings?date=`;
  (async () => {
    const ok = await fetch(base + "2026-03-02");
    const body = await ok.json();
    if (ok.status !== 200 || body.status?.rCode !== 200 || !("data" in body))
      throw new Error(`calendar: HTTP ${ok.status} ${JSON.stringify(body).slice(0, 200)}`);
    const bad = await fetch(base + "2026-3-2");
    if (bad.status !== 400) throw new Error(`bad date: HTTP ${bad.status}, expected 400`);
    console.log("ok   NASDAQ earnings calendar on the sim HTTP port");
  })().catch((e) => { console.error(`FAIL NASDAQ endpoints: ${e.message}`); process.exit(1); });
' "$http_port"; then
  code=1
fi
if [ "$code" != 0 ]; then
  echo "--- ibtrade sim output (last 40 lines) ---"
  tail -n 40 "$work/sim.log"
fi
exit "$code"
