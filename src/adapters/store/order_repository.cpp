#include "adapters/store/order_repository.hpp"

#include <algorithm>

#include "adapters/store/codec.hpp"
#include "adapters/store/sql_dialect.hpp"

namespace ibtrade::store {
namespace {

using engine::OrderStatusReport;

int price_precision(const Order& o) {
  int dp = 0;
  for (const auto& p : {o.limit_price, o.stop_price, o.trail_amount}) {
    if (p) dp = std::max(dp, p->precision());
  }
  if (o.trail_percent) dp = std::max(dp, o.trail_percent->precision());
  return dp;
}

OrderStatusReport status_from(const ClientOrderId& id, const Row& r, std::size_t dp_column) {
  // Columns: state, broker_order_id, filled, remaining, average_fill_price, reason, time_ns.
  OrderStatusReport s;
  s.client_order_id = id;
  s.state = venue_state_from_code(r.text(0)).value_or(engine::VenueOrderState::kInactive);
  s.broker_order_id = BrokerOrderId(r.is_null(1) ? 0 : r.int64(1));
  s.filled = decimal_of<Quantity>(r.int64(2), r.int64(dp_column));
  s.remaining = decimal_of<Quantity>(r.int64(3), r.int64(dp_column));
  s.average_fill_price = decimal_of<Price>(r.int64(4), kFixedPrecision);
  s.reason = r.text(5);
  s.time = from_ns(r.int64(6));
  return s;
}

class SqlOrderRepository final : public OrderRepository {
 public:
  explicit SqlOrderRepository(Database& db)
      : db_(db),
        upsert_order_(store::upsert(
            db.dialect(),
            "INSERT INTO orders (client_order_id, strategy_id, account_id, symbol, sec_type, "
            "con_id, side, order_type, tif, quantity, quantity_dp, limit_price, stop_price, "
            "trail_amount, trail_percent, price_dp, outside_rth, parent_id, oca_group, order_ref, "
            "state, broker_order_id, filled, remaining, average_fill_price, created_ns, "
            "updated_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "'PendingSubmit', NULL, 0, ?, 0, ?, ?)",
            "client_order_id",
            {"strategy_id", "account_id", "symbol",       "sec_type",      "con_id",
             "side",        "order_type", "tif",          "quantity",      "quantity_dp",
             "limit_price", "stop_price", "trail_amount", "trail_percent", "price_dp",
             "outside_rth", "parent_id",  "oca_group",    "order_ref",     "updated_ns"})),
        insert_change_(insert_or_ignore(
            db.dialect(),
            "INSERT INTO order_status_changes (client_order_id, state, broker_order_id, filled, "
            "remaining, average_fill_price, reason, time_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            "client_order_id, time_ns, state, filled", "state")) {}

  Status upsert(const Order& o, Timestamp now) override {
    auto r =
        db_.execute(upsert_order_, {o.client_order_id.value(),
                                    o.strategy_id.value(),
                                    o.account_id.value(),
                                    o.contract.symbol,
                                    to_ib_code(o.contract.sec_type),
                                    o.contract.con_id ? Value(o.contract.con_id->value()) : Value(),
                                    to_ib_code(o.side),
                                    to_ib_code(o.type),
                                    to_ib_code(o.tif),
                                    o.quantity.raw(),
                                    o.quantity.precision(),
                                    raw_of(o.limit_price),
                                    raw_of(o.stop_price),
                                    raw_of(o.trail_amount),
                                    raw_of(o.trail_percent),
                                    price_precision(o),
                                    o.outside_rth,
                                    o.parent_id ? Value(o.parent_id->value()) : Value(),
                                    o.oca_group,
                                    o.order_ref,
                                    o.quantity.raw(),
                                    to_ns(now),
                                    to_ns(now)});
    return r.ok() ? Status{} : Status{r.error().to_error()};
  }

  Result<bool> append_status(const OrderStatusReport& s) override {
    bool appended = false;
    DbStatus status = in_transaction(db_, [&](Database&) -> DbStatus {
      auto inserted =
          db_.execute(insert_change_, {s.client_order_id.value(), std::string(to_code(s.state)),
                                       s.broker_order_id.value(), s.filled.raw(), s.remaining.raw(),
                                       s.average_fill_price.raw(), s.reason, to_ns(s.time)});
      if (!inserted.ok()) return inserted.error();
      appended = *inserted > 0;
      if (!appended) return {};
      // Reports can arrive out of order; the order row keeps the latest by venue time.
      auto updated = db_.execute(
          "UPDATE orders SET state = ?, broker_order_id = ?, filled = ?, remaining = ?, "
          "average_fill_price = ?, status_ns = ? WHERE client_order_id = ? AND "
          "(status_ns IS NULL OR status_ns <= ?)",
          {std::string(to_code(s.state)), s.broker_order_id.value(), s.filled.raw(),
           s.remaining.raw(), s.average_fill_price.raw(), to_ns(s.time), s.client_order_id.value(),
           to_ns(s.time)});
      if (!updated.ok()) return updated.error();
      return {};
    });
    if (!status.ok()) return status.error().to_error();
    return appended;
  }

  Result<std::optional<StoredOrder>> find(const ClientOrderId& id) override {
    auto rows = db_.query(
        "SELECT state, broker_order_id, filled, remaining, average_fill_price, '', status_ns, "
        "quantity_dp, strategy_id, account_id, symbol, sec_type, con_id, side, order_type, tif, "
        "quantity, limit_price, stop_price, trail_amount, trail_percent, price_dp, outside_rth, "
        "parent_id, oca_group, order_ref FROM orders WHERE client_order_id = ?",
        {id.value()});
    if (!rows.ok()) return rows.error().to_error();
    if (rows->empty()) return std::optional<StoredOrder>{};
    const Row& r = (*rows)[0];
    StoredOrder stored;
    Order& o = stored.order;
    o.client_order_id = id;
    o.strategy_id = StrategyId(r.text(8));
    o.account_id = AccountId(r.text(9));
    o.contract = us_stock(r.text(10));
    o.contract.sec_type = sec_type_from_ib_code(r.text(11)).value_or(SecType::kStock);
    if (!r.is_null(12)) o.contract.con_id = ConId(r.int64(12));
    o.side = side_from_ib_code(r.text(13)).value_or(Side::kBuy);
    o.type = order_type_from_ib_code(r.text(14)).value_or(OrderType::kMarket);
    o.tif = tif_from_ib_code(r.text(15)).value_or(TimeInForce::kDay);
    o.quantity = decimal_of<Quantity>(r.int64(16), r.int64(7));
    const std::int64_t dp = r.int64(21);
    if (!r.is_null(17)) o.limit_price = decimal_of<Price>(r.int64(17), dp);
    if (!r.is_null(18)) o.stop_price = decimal_of<Price>(r.int64(18), dp);
    if (!r.is_null(19)) o.trail_amount = decimal_of<Price>(r.int64(19), dp);
    if (!r.is_null(20)) o.trail_percent = decimal_of<Percent>(r.int64(20), dp);
    o.outside_rth = r.int64(22) != 0;
    if (!r.is_null(23)) o.parent_id = ClientOrderId(r.text(23));
    o.oca_group = r.text(24);
    o.order_ref = r.text(25);
    if (!r.is_null(6)) stored.last_status = status_from(id, r, 7);
    return std::optional<StoredOrder>{std::move(stored)};
  }

  Result<std::vector<OrderStatusReport>> history(const ClientOrderId& id) override {
    auto rows = db_.query(
        "SELECT c.state, c.broker_order_id, c.filled, c.remaining, c.average_fill_price, "
        "c.reason, c.time_ns, COALESCE(o.quantity_dp, 0) FROM order_status_changes c "
        "LEFT JOIN orders o ON o.client_order_id = c.client_order_id "
        "WHERE c.client_order_id = ? ORDER BY c.time_ns, c.id",
        {id.value()});
    if (!rows.ok()) return rows.error().to_error();
    std::vector<OrderStatusReport> out;
    for (const Row& r : *rows)
      out.push_back(status_from(id, r, 7));
    return out;
  }

 private:
  Database& db_;
  std::string upsert_order_;
  std::string insert_change_;
};

}  // namespace

std::unique_ptr<OrderRepository> make_order_repository(Database& db) {
  return std::make_unique<SqlOrderRepository>(db);
}

}  // namespace ibtrade::store
