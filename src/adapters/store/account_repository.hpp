// Account snapshots (net liquidation, cash, buying power, PnL) at an instant, once per account
// and instant, and the latest one. Over one Database; one thread at a time.
#pragma once

#include <memory>
#include <optional>

#include "adapters/store/database.hpp"
#include "core/account.hpp"
#include "core/result.hpp"

namespace ibtrade::store {

class AccountRepository {
 public:
  virtual ~AccountRepository() = default;
  // False when a snapshot of that account at that instant was already stored.
  virtual Result<bool> snapshot(const AccountSnapshot& snapshot) = 0;
  virtual Result<std::optional<AccountSnapshot>> latest(const AccountId& account) = 0;
};

std::unique_ptr<AccountRepository> make_account_repository(Database& db);

}  // namespace ibtrade::store
