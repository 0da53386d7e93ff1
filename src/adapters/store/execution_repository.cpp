#include "adapters/store/execution_repository.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "adapters/store/codec.hpp"
#include "adapters/store/position_update.hpp"
#include "adapters/store/sql_dialect.hpp"

namespace ibtrade::store {
namespace {

constexpr const char* kExecutionColumns =
    "execution_id, client_order_id, broker_order_id, perm_id, account_id, symbol, sec_type, "
    "con_id, route_exchange, primary_exchange, currency, exchange, side, quantity, quantity_dp, "
    "price, price_dp, cumulative_quantity, average_price, time_ns";

Execution execution_from(const Row& r) {
  Execution e;
  e.execution_id = ExecutionId(r.text(0));
  e.client_order_id = ClientOrderId(r.text(1));
  e.broker_order_id = BrokerOrderId(r.int64(2));
  e.perm_id = PermId(r.int64(3));
  e.account_id = AccountId(r.text(4));
  e.contract.symbol = r.text(5);
  e.contract.sec_type = sec_type_from_ib_code(r.text(6)).value_or(SecType::kStock);
  if (!r.is_null(7)) e.contract.con_id = ConId(r.int64(7));
  e.contract.exchange = r.text(8);
  e.contract.primary_exchange = r.text(9);
  e.contract.currency = r.text(10);
  e.exchange = r.text(11);
  e.side = side_from_ib_code(r.text(12)).value_or(Side::kBuy);
  e.quantity = decimal_of<Quantity>(r.int64(13), r.int64(14));
  e.price = decimal_of<Price>(r.int64(15), r.int64(16));
  e.cumulative_quantity = decimal_of<Quantity>(r.int64(17), r.int64(14));
  e.average_price = decimal_of<Price>(r.int64(18), r.int64(16));
  e.time = from_ns(r.int64(19));
  return e;
}

Params execution_params(const Execution& e) {
  const int quantity_dp = std::max(e.quantity.precision(), e.cumulative_quantity.precision());
  const int price_dp = std::max(e.price.precision(), e.average_price.precision());
  return {e.execution_id.value(),
          e.client_order_id.value(),
          e.broker_order_id.value(),
          e.perm_id.value(),
          e.account_id.value(),
          e.contract.symbol,
          to_ib_code(e.contract.sec_type),
          e.contract.con_id ? Value(e.contract.con_id->value()) : Value(),
          e.contract.exchange,
          e.contract.primary_exchange,
          e.contract.currency,
          e.exchange,
          to_ib_code(e.side),
          e.quantity.raw(),
          quantity_dp,
          e.price.raw(),
          price_dp,
          e.cumulative_quantity.raw(),
          e.average_price.raw(),
          to_ns(e.time)};
}

Params commission_params(const CommissionReport& c) {
  const int dp =
      std::max(c.commission.precision(), c.realized_pnl ? c.realized_pnl->precision() : 0);
  return {c.execution_id.value(), c.commission.raw(), raw_of(c.realized_pnl), dp, c.currency};
}

class SqlExecutionRepository final : public ExecutionRepository {
 public:
  explicit SqlExecutionRepository(Database& db)
      : db_(db),
        insert_execution_(insert_or_ignore(
            db.dialect(),
            std::string("INSERT INTO executions (") + kExecutionColumns +
                ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "execution_id", "execution_id")),
        upsert_commission_(upsert(db.dialect(),
                                  "INSERT INTO commission_reports (execution_id, commission, "
                                  "realized_pnl, money_dp, currency) VALUES (?, ?, ?, ?, ?)",
                                  "execution_id",
                                  {"commission", "realized_pnl", "money_dp", "currency"})),
        // Creating the row first takes its lock on both dialects, so two writers serialise on
        // the position instead of both reading the old quantity.
        lock_position_(insert_or_ignore(
            db.dialect(),
            "INSERT INTO positions (account_id, symbol, quantity, quantity_dp, average_cost, "
            "cost_dp, updated_ns) VALUES (?, ?, 0, 0, 0, 0, ?)",
            "account_id, symbol", "quantity")),
        read_position_(std::string("SELECT quantity, quantity_dp, average_cost, cost_dp FROM "
                                   "positions WHERE account_id = ? AND symbol = ?") +
                       std::string(for_update(db.dialect()))) {}

  Result<int> record(const std::vector<ExecutionRecord>& records) override {
    int added = 0;
    DbStatus status = in_transaction(db_, [&](Database&) -> DbStatus {
      added = 0;
      // New fills by position, in arrival order; positions are then locked in key order so
      // that two concurrent batches cannot deadlock, and each is written once per batch.
      std::map<std::pair<std::string, std::string>, std::vector<const Execution*>> by_position;
      for (const ExecutionRecord& record : records) {
        auto inserted = db_.execute(insert_execution_, execution_params(record.execution));
        if (!inserted.ok()) return inserted.error();
        if (record.commission) {
          auto c = db_.execute(upsert_commission_, commission_params(*record.commission));
          if (!c.ok()) return c.error();
        }
        if (*inserted == 0) continue;  // seen before: the position already has it
        ++added;
        const Execution& e = record.execution;
        by_position[{e.account_id.value(), e.contract.symbol}].push_back(&e);
      }
      for (const auto& [key, fills] : by_position) {
        if (DbStatus s = apply_to_position(key.first, key.second, fills); !s.ok()) return s;
      }
      return {};
    });
    if (!status.ok()) return status.error().to_error();
    return added;
  }

  Status record_commission(const CommissionReport& report) override {
    auto r = db_.execute(upsert_commission_, commission_params(report));
    return r.ok() ? Status{} : Status{r.error().to_error()};
  }

  Result<std::optional<Execution>> find(const ExecutionId& id) override {
    auto rows = db_.query(
        std::string("SELECT ") + kExecutionColumns + " FROM executions WHERE execution_id = ?",
        {id.value()});
    if (!rows.ok()) return rows.error().to_error();
    if (rows->empty()) return std::optional<Execution>{};
    return std::optional<Execution>{execution_from((*rows)[0])};
  }

  Result<std::optional<CommissionReport>> commission(const ExecutionId& id) override {
    auto rows = db_.query(
        "SELECT commission, realized_pnl, money_dp, currency FROM commission_reports "
        "WHERE execution_id = ?",
        {id.value()});
    if (!rows.ok()) return rows.error().to_error();
    if (rows->empty()) return std::optional<CommissionReport>{};
    const Row& r = (*rows)[0];
    CommissionReport c;
    c.execution_id = id;
    c.commission = decimal_of<Money>(r.int64(0), r.int64(2));
    if (!r.is_null(1)) c.realized_pnl = decimal_of<Money>(r.int64(1), r.int64(2));
    c.currency = r.text(3);
    return std::optional<CommissionReport>{c};
  }

  Result<std::vector<Execution>> for_order(const ClientOrderId& id) override {
    auto rows = db_.query(std::string("SELECT ") + kExecutionColumns +
                              " FROM executions WHERE client_order_id = ? "
                              "ORDER BY time_ns, execution_id",
                          {id.value()});
    if (!rows.ok()) return rows.error().to_error();
    std::vector<Execution> out;
    for (const Row& r : *rows)
      out.push_back(execution_from(r));
    return out;
  }

 private:
  DbStatus apply_to_position(const std::string& account, const std::string& symbol,
                             const std::vector<const Execution*>& fills) {
    const Timestamp last = fills.back()->time;
    if (auto r = db_.execute(lock_position_, {account, symbol, to_ns(last)}); !r.ok()) {
      return r.error();
    }
    auto rows = db_.query(read_position_, {account, symbol});
    if (!rows.ok()) return rows.error();
    const Row& r = rows->at(0);
    PositionState state{decimal_of<Quantity>(r.int64(0), r.int64(1)),
                        decimal_of<Price>(r.int64(2), r.int64(3))};
    int quantity_dp = state.quantity.precision();
    for (const Execution* e : fills) {
      state = apply_fill(state, e->side, e->quantity, e->price);
      quantity_dp = std::max(quantity_dp, e->quantity.precision());
    }
    auto updated = db_.execute(
        "UPDATE positions SET quantity = ?, quantity_dp = ?, average_cost = ?, cost_dp = ?, "
        "updated_ns = ? WHERE account_id = ? AND symbol = ?",
        {state.quantity.raw(), quantity_dp, state.average_cost.raw(),
         state.average_cost.precision(), to_ns(last), account, symbol});
    if (!updated.ok()) return updated.error();
    return {};
  }

  Database& db_;
  std::string insert_execution_;
  std::string upsert_commission_;
  std::string lock_position_;
  std::string read_position_;
};

class SqlPositionRepository final : public PositionRepository {
 public:
  explicit SqlPositionRepository(Database& db) : db_(db) {}

  Result<std::vector<Position>> open_positions(const AccountId& account) override {
    auto rows = db_.query(
        "SELECT symbol, quantity, quantity_dp, average_cost, cost_dp FROM positions "
        "WHERE account_id = ? AND quantity <> 0 ORDER BY symbol",
        {account.value()});
    if (!rows.ok()) return rows.error().to_error();
    std::vector<Position> out;
    for (const Row& r : *rows)
      out.push_back(position_from(account, r));
    return out;
  }

  Result<std::optional<Position>> position(const AccountId& account,
                                           const std::string& symbol) override {
    auto rows = db_.query(
        "SELECT symbol, quantity, quantity_dp, average_cost, cost_dp FROM positions "
        "WHERE account_id = ? AND symbol = ?",
        {account.value(), symbol});
    if (!rows.ok()) return rows.error().to_error();
    if (rows->empty()) return std::optional<Position>{};
    return std::optional<Position>{position_from(account, (*rows)[0])};
  }

 private:
  static Position position_from(const AccountId& account, const Row& r) {
    Position p;
    p.account_id = account;
    p.contract = us_stock(r.text(0));
    p.quantity = decimal_of<Quantity>(r.int64(1), r.int64(2));
    p.average_cost = decimal_of<Price>(r.int64(3), r.int64(4));
    return p;
  }

  Database& db_;
};

}  // namespace

std::unique_ptr<ExecutionRepository> make_execution_repository(Database& db) {
  return std::make_unique<SqlExecutionRepository>(db);
}

std::unique_ptr<PositionRepository> make_position_repository(Database& db) {
  return std::make_unique<SqlPositionRepository>(db);
}

}  // namespace ibtrade::store
