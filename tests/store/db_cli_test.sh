#!/usr/bin/env bash
# `ibtrade db status|migrate` on a SQLite store in a temp dir and, under with_mariadb.sh, on
# MariaDB over TCP with the password from IBTRADE_STORE__MYSQL_PASSWORD: pending then applied,
# migrate twice is a no-op; a wrong password or an unreachable server fails with exit 1 and the
# password is never printed.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
db=(--set "store.sqlite_path=$tmp/var/ibtrade.db")
expect() { # name pattern output
  if echo "$3" | grep -q -- "$2"; then echo "ok   $1"; else echo "FAIL $1: $3"; fail=1; fi
}
out=$("$bin" "${db[@]}" db status 2>&1); rc=$?
[ $rc = 0 ] || { echo "FAIL status exit $rc"; fail=1; }
expect "status before migrate" "schema version 0" "$out"
expect "pending listed" "1  pending" "$out"
out=$("$bin" "${db[@]}" db migrate 2>&1) || { echo "FAIL migrate: $out"; fail=1; }
expect "migrate applies all" "applied 3 migration" "$out"
out=$("$bin" "${db[@]}" db migrate 2>&1) || { echo "FAIL migrate again: $out"; fail=1; }
expect "migrate again is a no-op" "applied 0 migration" "$out"
out=$("$bin" "${db[@]}" db status 2>&1)
expect "status after migrate" "schema version 3 (this binary: 3)" "$out"
if echo "$out" | grep -q pending; then echo "FAIL still pending: $out"; fail=1; fi
out=$(IBTRADE_STORE__MYSQL_PASSWORD=hunter2 "$bin" --set store.backend=mysql \
      --set store.mysql_port=1 db status 2>&1); rc=$?
[ $rc = 1 ] && echo "ok   unreachable mysql exits 1" || { echo "FAIL unreachable mysql exit $rc"; fail=1; }
if echo "$out" | grep -q hunter2; then echo "FAIL password printed"; fail=1; else echo "ok   password not printed"; fi
if [ -n "${STORE_TEST_MYSQL_PORT:-}" ]; then
  my=(--set store.backend=mysql --set store.mysql_host=127.0.0.1
      --set "store.mysql_port=$STORE_TEST_MYSQL_PORT" --set store.mysql_user=ibtrade
      --set store.mysql_database=ibtrade_test)
  export IBTRADE_STORE__MYSQL_PASSWORD=$STORE_TEST_MYSQL_PASSWORD
  out=$("$bin" "${my[@]}" db migrate 2>&1) || { echo "FAIL mysql migrate: $out"; fail=1; }
  expect "mysql migrate applies all" "applied 3 migration" "$out"
  out=$("$bin" "${my[@]}" db status 2>&1)
  expect "mysql status after migrate" "schema version 3 (this binary: 3)" "$out"
  if echo "$out$("$bin" "${my[@]}" --log-level debug db migrate 2>&1)" | grep -q -- "$STORE_TEST_MYSQL_PASSWORD"; then
    echo "FAIL mysql password printed"; fail=1
  else echo "ok   mysql password not printed"; fi
  out=$(IBTRADE_STORE__MYSQL_PASSWORD=wrong "$bin" "${my[@]}" db status 2>&1); rc=$?
  [ $rc = 1 ] && echo "ok   wrong password exits 1" || { echo "FAIL wrong password exit $rc: $out"; fail=1; }
else
  echo "skip mysql (run under tests/store/with_mariadb.sh)"
fi
exit $fail
