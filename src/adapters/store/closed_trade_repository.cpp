#include "adapters/store/closed_trade_repository.hpp"

#include <algorithm>

#include "adapters/store/codec.hpp"
#include "adapters/store/sql_dialect.hpp"

namespace ibtrade::store {
namespace {

using engine::ClosedTrade;
using engine::TradeSide;

class SqlClosedTradeRepository final : public ClosedTradeRepository {
 public:
  explicit SqlClosedTradeRepository(Database& db)
      : db_(db),
        insert_(insert_or_ignore(
            db.dialect(),
            "INSERT INTO closed_trades (account_id, symbol, side, quantity, quantity_dp, entry_ns, "
            "entry_price, exit_ns, exit_price, max_adverse_price, max_favorable_price, price_dp, "
            "entry_notional, gross_pnl, entry_commission, exit_commission, net_pnl, money_dp) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "account_id, symbol, entry_ns, exit_ns, quantity", "net_pnl")) {}

  Result<bool> record(const AccountId& account, const ClosedTrade& t) override {
    const int price_dp =
        std::max({t.entry_price.precision(), t.exit_price.precision(),
                  t.max_adverse_price.precision(), t.max_favorable_price.precision()});
    const int money_dp = std::max({t.entry_notional.precision(), t.gross_pnl.precision(),
                                   t.entry_commission.precision(), t.exit_commission.precision(),
                                   t.net_pnl.precision()});
    auto r = db_.execute(
        insert_,
        {account.value(), t.symbol, t.side == TradeSide::kLong ? "LONG" : "SHORT", t.quantity.raw(),
         t.quantity.precision(), to_ns(t.entry_time), t.entry_price.raw(), to_ns(t.exit_time),
         t.exit_price.raw(), t.max_adverse_price.raw(), t.max_favorable_price.raw(), price_dp,
         t.entry_notional.raw(), t.gross_pnl.raw(), t.entry_commission.raw(),
         t.exit_commission.raw(), t.net_pnl.raw(), money_dp});
    if (!r.ok()) return r.error().to_error();
    return *r > 0;
  }

  Result<std::vector<ClosedTrade>> closed_between(const AccountId& account, Timestamp from,
                                                  Timestamp to) override {
    auto rows = db_.query(
        "SELECT symbol, side, quantity, quantity_dp, entry_ns, entry_price, exit_ns, exit_price, "
        "max_adverse_price, max_favorable_price, price_dp, entry_notional, gross_pnl, "
        "entry_commission, exit_commission, net_pnl, money_dp FROM closed_trades "
        "WHERE account_id = ? AND exit_ns >= ? AND exit_ns < ? ORDER BY exit_ns, id",
        {account.value(), to_ns(from), to_ns(to)});
    if (!rows.ok()) return rows.error().to_error();
    std::vector<ClosedTrade> out;
    for (const Row& r : *rows) {
      ClosedTrade t;
      const std::int64_t price_dp = r.int64(10);
      const std::int64_t money_dp = r.int64(16);
      t.symbol = r.text(0);
      t.side = r.text(1) == "SHORT" ? TradeSide::kShort : TradeSide::kLong;
      t.quantity = decimal_of<Quantity>(r.int64(2), r.int64(3));
      t.entry_time = from_ns(r.int64(4));
      t.entry_price = decimal_of<Price>(r.int64(5), price_dp);
      t.exit_time = from_ns(r.int64(6));
      t.exit_price = decimal_of<Price>(r.int64(7), price_dp);
      t.max_adverse_price = decimal_of<Price>(r.int64(8), price_dp);
      t.max_favorable_price = decimal_of<Price>(r.int64(9), price_dp);
      t.entry_notional = decimal_of<Money>(r.int64(11), money_dp);
      t.gross_pnl = decimal_of<Money>(r.int64(12), money_dp);
      t.entry_commission = decimal_of<Money>(r.int64(13), money_dp);
      t.exit_commission = decimal_of<Money>(r.int64(14), money_dp);
      t.net_pnl = decimal_of<Money>(r.int64(15), money_dp);
      out.push_back(std::move(t));
    }
    return out;
  }

 private:
  Database& db_;
  std::string insert_;
};

}  // namespace

std::unique_ptr<ClosedTradeRepository> make_closed_trade_repository(Database& db) {
  return std::make_unique<SqlClosedTradeRepository>(db);
}

}  // namespace ibtrade::store
