// The schema, one migration per version. Conventions (docs/store.md): instants are BIGINT
// nanoseconds since the Unix epoch (UTC), `*_ns`; money, prices and quantities are BIGINT raw
// fixed-point values in units of 1e-9 with their display precision in a `*_dp` column; never
// REAL/FLOAT/DOUBLE/DECIMAL. CHECK constraints are named len_* / range_* (see error.hpp) and
// carry the table name because MySQL wants them unique per schema. Never edit a released
// migration: add a new one.
#include "adapters/store/migrations.hpp"

namespace ibtrade::store {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, "trading: orders, executions, commissions, positions, trades, accounts, state, audit",
       R"SQL(
CREATE TABLE service_state (
  state_key VARCHAR(100) NOT NULL PRIMARY KEY,
  state_value TEXT NOT NULL,
  updated_ns BIGINT NOT NULL
){{TABLE}};
CREATE TABLE audit_log (
  id {{ID}},
  time_ns BIGINT NOT NULL,
  actor VARCHAR(64) NOT NULL,
  action VARCHAR(64) NOT NULL,
  detail TEXT NOT NULL
){{TABLE}};
CREATE TABLE orders (
  client_order_id VARCHAR(64) NOT NULL PRIMARY KEY,
  strategy_id VARCHAR(64) NOT NULL,
  account_id VARCHAR(32) NOT NULL,
  symbol VARCHAR(32) NOT NULL,
  sec_type VARCHAR(8) NOT NULL,
  con_id BIGINT NULL,
  side VARCHAR(4) NOT NULL,
  order_type VARCHAR(8) NOT NULL,
  tif VARCHAR(4) NOT NULL,
  quantity BIGINT NOT NULL,
  quantity_dp SMALLINT NOT NULL,
  limit_price BIGINT NULL,
  stop_price BIGINT NULL,
  trail_amount BIGINT NULL,
  trail_percent BIGINT NULL,
  price_dp SMALLINT NOT NULL,
  outside_rth SMALLINT NOT NULL,
  parent_id VARCHAR(64) NULL,
  oca_group VARCHAR(64) NOT NULL,
  order_ref VARCHAR(128) NOT NULL,
  state VARCHAR(16) NOT NULL,
  broker_order_id BIGINT NULL,
  filled BIGINT NOT NULL,
  remaining BIGINT NOT NULL,
  average_fill_price BIGINT NOT NULL,
  status_ns BIGINT NULL,
  created_ns BIGINT NOT NULL,
  updated_ns BIGINT NOT NULL,
  CONSTRAINT range_orders_quantity CHECK (quantity > 0),
  CONSTRAINT range_orders_quantity_dp CHECK (quantity_dp BETWEEN 0 AND 9),
  CONSTRAINT range_orders_price_dp CHECK (price_dp BETWEEN 0 AND 9)
){{TABLE}};
CREATE INDEX orders_by_account ON orders (account_id, updated_ns);
CREATE TABLE order_status_changes (
  id {{ID}},
  client_order_id VARCHAR(64) NOT NULL,
  state VARCHAR(16) NOT NULL,
  broker_order_id BIGINT NOT NULL,
  filled BIGINT NOT NULL,
  remaining BIGINT NOT NULL,
  average_fill_price BIGINT NOT NULL,
  reason VARCHAR(255) NOT NULL,
  time_ns BIGINT NOT NULL,
  CONSTRAINT order_status_changes_once UNIQUE (client_order_id, time_ns, state, filled)
){{TABLE}};
CREATE TABLE executions (
  execution_id VARCHAR(64) NOT NULL PRIMARY KEY,
  client_order_id VARCHAR(64) NOT NULL,
  broker_order_id BIGINT NOT NULL,
  perm_id BIGINT NOT NULL,
  account_id VARCHAR(32) NOT NULL,
  symbol VARCHAR(32) NOT NULL,
  sec_type VARCHAR(8) NOT NULL,
  con_id BIGINT NULL,
  route_exchange VARCHAR(16) NOT NULL,
  primary_exchange VARCHAR(16) NOT NULL,
  currency VARCHAR(3) NOT NULL,
  exchange VARCHAR(16) NOT NULL,
  side VARCHAR(4) NOT NULL,
  quantity BIGINT NOT NULL,
  quantity_dp SMALLINT NOT NULL,
  price BIGINT NOT NULL,
  price_dp SMALLINT NOT NULL,
  cumulative_quantity BIGINT NOT NULL,
  average_price BIGINT NOT NULL,
  time_ns BIGINT NOT NULL,
  CONSTRAINT range_executions_quantity CHECK (quantity > 0),
  CONSTRAINT range_executions_price CHECK (price >= 0),
  CONSTRAINT range_executions_dp CHECK (quantity_dp BETWEEN 0 AND 9 AND price_dp BETWEEN 0 AND 9)
){{TABLE}};
CREATE INDEX executions_by_order ON executions (client_order_id);
CREATE INDEX executions_by_time ON executions (account_id, time_ns);
CREATE TABLE commission_reports (
  execution_id VARCHAR(64) NOT NULL PRIMARY KEY,
  commission BIGINT NOT NULL,
  realized_pnl BIGINT NULL,
  money_dp SMALLINT NOT NULL,
  currency VARCHAR(3) NOT NULL,
  CONSTRAINT range_commission_reports_dp CHECK (money_dp BETWEEN 0 AND 9)
){{TABLE}};
CREATE TABLE positions (
  account_id VARCHAR(32) NOT NULL,
  symbol VARCHAR(32) NOT NULL,
  quantity BIGINT NOT NULL,
  quantity_dp SMALLINT NOT NULL,
  average_cost BIGINT NOT NULL,
  cost_dp SMALLINT NOT NULL,
  updated_ns BIGINT NOT NULL,
  PRIMARY KEY (account_id, symbol)
){{TABLE}};
CREATE TABLE closed_trades (
  id {{ID}},
  account_id VARCHAR(32) NOT NULL,
  symbol VARCHAR(32) NOT NULL,
  side VARCHAR(5) NOT NULL,
  quantity BIGINT NOT NULL,
  quantity_dp SMALLINT NOT NULL,
  entry_ns BIGINT NOT NULL,
  entry_price BIGINT NOT NULL,
  exit_ns BIGINT NOT NULL,
  exit_price BIGINT NOT NULL,
  max_adverse_price BIGINT NOT NULL,
  max_favorable_price BIGINT NOT NULL,
  price_dp SMALLINT NOT NULL,
  entry_notional BIGINT NOT NULL,
  gross_pnl BIGINT NOT NULL,
  entry_commission BIGINT NOT NULL,
  exit_commission BIGINT NOT NULL,
  net_pnl BIGINT NOT NULL,
  money_dp SMALLINT NOT NULL,
  CONSTRAINT closed_trades_once UNIQUE (account_id, symbol, entry_ns, exit_ns, quantity)
){{TABLE}};
CREATE TABLE account_snapshots (
  account_id VARCHAR(32) NOT NULL,
  time_ns BIGINT NOT NULL,
  net_liquidation BIGINT NOT NULL,
  cash BIGINT NOT NULL,
  buying_power BIGINT NOT NULL,
  gross_position_value BIGINT NOT NULL,
  realized_pnl BIGINT NOT NULL,
  unrealized_pnl BIGINT NOT NULL,
  money_dp SMALLINT NOT NULL,
  PRIMARY KEY (account_id, time_ns)
){{TABLE}}
)SQL"},
      {2, "research: screener runs and candidates, watchlists, earnings, signals", R"SQL(
CREATE TABLE screener_runs (
  run_id VARCHAR(64) NOT NULL PRIMARY KEY,
  screener VARCHAR(64) NOT NULL,
  started_ns BIGINT NOT NULL,
  finished_ns BIGINT NOT NULL
){{TABLE}};
CREATE TABLE screener_candidates (
  id {{ID}},
  run_id VARCHAR(64) NOT NULL,
  screener VARCHAR(64) NOT NULL,
  symbol VARCHAR(32) NOT NULL,
  score BIGINT NOT NULL,
  score_dp SMALLINT NOT NULL,
  passed SMALLINT NOT NULL,
  CONSTRAINT screener_candidates_once UNIQUE (run_id, symbol)
){{TABLE}};
CREATE INDEX screener_candidates_by_screener ON screener_candidates (screener, id);
CREATE TABLE screener_rule_values (
  candidate_id BIGINT NOT NULL,
  rule VARCHAR(64) NOT NULL,
  value BIGINT NULL,
  value_dp SMALLINT NOT NULL,
  passed SMALLINT NOT NULL,
  PRIMARY KEY (candidate_id, rule)
){{TABLE}};
CREATE TABLE watchlists (
  name VARCHAR(64) NOT NULL,
  symbol VARCHAR(32) NOT NULL,
  added_ns BIGINT NOT NULL,
  note VARCHAR(255) NOT NULL,
  PRIMARY KEY (name, symbol)
){{TABLE}};
CREATE TABLE earnings (
  symbol VARCHAR(32) NOT NULL,
  report_date VARCHAR(10) NOT NULL,
  time_of_day VARCHAR(16) NOT NULL,
  classification VARCHAR(32) NOT NULL,
  eps_estimate BIGINT NULL,
  eps_actual BIGINT NULL,
  eps_dp SMALLINT NOT NULL,
  updated_ns BIGINT NOT NULL,
  PRIMARY KEY (symbol, report_date)
){{TABLE}};
CREATE TABLE signals (
  id {{ID}},
  signal_key VARCHAR(128) NOT NULL,
  strategy_id VARCHAR(64) NOT NULL,
  symbol VARCHAR(32) NOT NULL,
  time_ns BIGINT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  decision VARCHAR(32) NOT NULL,
  reason TEXT NOT NULL,
  CONSTRAINT signals_once UNIQUE (signal_key)
){{TABLE}}
)SQL"},
      {3, "notifications outbox", R"SQL(
CREATE TABLE notifications_outbox (
  id {{ID}},
  dedup_key VARCHAR(128) NOT NULL,
  channel VARCHAR(32) NOT NULL,
  payload TEXT NOT NULL,
  created_ns BIGINT NOT NULL,
  sent_ns BIGINT NULL,
  attempts INT NOT NULL,
  CONSTRAINT notifications_outbox_once UNIQUE (dedup_key)
){{TABLE}};
CREATE INDEX notifications_outbox_pending ON notifications_outbox (sent_ns, id)
)SQL"},
  };
  return all;
}

}  // namespace ibtrade::store
