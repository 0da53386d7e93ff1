#!/usr/bin/env bash
# Starts a private MariaDB server (data dir and unix socket under a fresh temp dir, TCP on a free
# high port of 127.0.0.1 only), creates the database ibtrade_test and a password user for TCP,
# exports STORE_TEST_MYSQL_URL (root over the socket) and STORE_TEST_MYSQL_PORT /
# STORE_TEST_MYSQL_PASSWORD (user ibtrade over TCP), runs the given command, and stops the
# server and removes the temp dir even when the command fails. (Not IBTRADE_*: the config
# refuses unknown IBTRADE_* variables.)
# Usage: tests/store/with_mariadb.sh COMMAND [ARGS...]
set -u
if ! command -v mariadbd >/dev/null || ! command -v mariadb-install-db >/dev/null; then
  echo "with_mariadb: mariadb-server is not installed (scripts/setup installs it)" >&2
  exit 1
fi
tmp=$(mktemp -d /tmp/ibtrade-mariadb.XXXXXX)
sock=$tmp/mysqld.sock
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# As root, mariadbd refuses to run unless told which user to be.
user_args=()
if [ "$(id -u)" = 0 ]; then user_args=(--user=root); fi

if ! mariadb-install-db --no-defaults --datadir="$tmp/data" --auth-root-authentication-method=normal \
     --skip-test-db "${user_args[@]}" >"$tmp/install.log" 2>&1; then
  echo "with_mariadb: mariadb-install-db failed:" >&2; cat "$tmp/install.log" >&2; exit 1
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mariadbd --no-defaults --datadir="$tmp/data" --socket="$sock" --bind-address=127.0.0.1 --port="$port" \
  --pid-file="$tmp/mariadbd.pid" --log-error="$tmp/error.log" --innodb-buffer-pool-size=64M \
  --innodb-log-file-size=32M --innodb-flush-log-at-trx-commit=1 "${user_args[@]}" &
pid=$!
for _ in $(seq 1 300); do
  if mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "with_mariadb: mariadbd exited:" >&2; cat "$tmp/error.log" >&2; pid=""; exit 1
  fi
  sleep 0.1
done
password="test-$RANDOM-$RANDOM"
if ! mariadb --no-defaults --socket="$sock" -uroot -e "CREATE DATABASE ibtrade_test;
     CREATE USER 'ibtrade'@'127.0.0.1' IDENTIFIED BY '$password';
     GRANT ALL ON ibtrade_test.* TO 'ibtrade'@'127.0.0.1'" 2>&1; then
  echo "with_mariadb: server did not come up:" >&2; cat "$tmp/error.log" >&2; exit 1
fi
export STORE_TEST_MYSQL_URL="mysql://root@localhost/ibtrade_test?socket=$sock"
export STORE_TEST_MYSQL_PORT=$port STORE_TEST_MYSQL_PASSWORD=$password
"$@"
exit $?
