#include "adapters/store/account_repository.hpp"

#include <algorithm>

#include "adapters/store/codec.hpp"
#include "adapters/store/sql_dialect.hpp"

namespace ibtrade::store {
namespace {

class SqlAccountRepository final : public AccountRepository {
 public:
  explicit SqlAccountRepository(Database& db)
      : db_(db),
        insert_(insert_or_ignore(db.dialect(),
                                 "INSERT INTO account_snapshots (account_id, time_ns, "
                                 "net_liquidation, cash, buying_power, gross_position_value, "
                                 "realized_pnl, unrealized_pnl, money_dp) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 "account_id, time_ns", "cash")) {}

  Result<bool> snapshot(const AccountSnapshot& s) override {
    const int dp = std::max({s.net_liquidation.precision(), s.cash.precision(),
                             s.buying_power.precision(), s.gross_position_value.precision(),
                             s.realized_pnl.precision(), s.unrealized_pnl.precision()});
    auto r = db_.execute(insert_, {s.account_id.value(), to_ns(s.time), s.net_liquidation.raw(),
                                   s.cash.raw(), s.buying_power.raw(), s.gross_position_value.raw(),
                                   s.realized_pnl.raw(), s.unrealized_pnl.raw(), dp});
    if (!r.ok()) return r.error().to_error();
    return *r > 0;
  }

  Result<std::optional<AccountSnapshot>> latest(const AccountId& account) override {
    auto rows = db_.query(
        "SELECT time_ns, net_liquidation, cash, buying_power, gross_position_value, "
        "realized_pnl, unrealized_pnl, money_dp FROM account_snapshots WHERE account_id = ? "
        "ORDER BY time_ns DESC LIMIT 1",
        {account.value()});
    if (!rows.ok()) return rows.error().to_error();
    if (rows->empty()) return std::optional<AccountSnapshot>{};
    const Row& r = (*rows)[0];
    const std::int64_t dp = r.int64(7);
    AccountSnapshot s;
    s.account_id = account;
    s.time = from_ns(r.int64(0));
    s.net_liquidation = decimal_of<Money>(r.int64(1), dp);
    s.cash = decimal_of<Money>(r.int64(2), dp);
    s.buying_power = decimal_of<Money>(r.int64(3), dp);
    s.gross_position_value = decimal_of<Money>(r.int64(4), dp);
    s.realized_pnl = decimal_of<Money>(r.int64(5), dp);
    s.unrealized_pnl = decimal_of<Money>(r.int64(6), dp);
    return std::optional<AccountSnapshot>{s};
  }

 private:
  Database& db_;
  std::string insert_;
};

}  // namespace

std::unique_ptr<AccountRepository> make_account_repository(Database& db) {
  return std::make_unique<SqlAccountRepository>(db);
}

}  // namespace ibtrade::store
