// Closed round trips (the ledger's FIFO matches) per account, once each by their natural key
// (symbol, entry and exit instants, quantity). Over one Database; one thread at a time.
#pragma once

#include <memory>
#include <vector>

#include "adapters/store/database.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "engine/portfolio/closed_trade.hpp"

namespace ibtrade::store {

class ClosedTradeRepository {
 public:
  virtual ~ClosedTradeRepository() = default;
  // False when that trade was already recorded.
  virtual Result<bool> record(const AccountId& account, const engine::ClosedTrade& trade) = 0;
  // Trades whose exit is in [from, to), by exit time.
  virtual Result<std::vector<engine::ClosedTrade>> closed_between(const AccountId& account,
                                                                  Timestamp from, Timestamp to) = 0;
};

std::unique_ptr<ClosedTradeRepository> make_closed_trade_repository(Database& db);

}  // namespace ibtrade::store
