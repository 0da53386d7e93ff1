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
check "up" 0 "$bin" up
exit $fail
