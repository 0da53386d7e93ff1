// Fills as the broker reports them: an execution and, separately and later, its commission.
// Plain value types; no threading rule.
#pragma once

#include <optional>
#include <string>

#include "core/contract.hpp"
#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/order.hpp"
#include "core/time.hpp"

namespace ibtrade {

struct Execution {
  ExecutionId execution_id;
  BrokerOrderId broker_order_id;
  PermId perm_id;
  ClientOrderId client_order_id;  // recovered from the order ref
  AccountId account_id;
  Contract contract;
  Side side = Side::kBuy;
  Quantity quantity;  // this fill, positive
  Price price;
  Timestamp time;
  std::string exchange;          // where it printed
  Quantity cumulative_quantity;  // of the order so far, as the broker counts it
  Price average_price;           // of the order so far

  friend bool operator==(const Execution&, const Execution&) = default;
};

// IB sends commissions in a separate message keyed by execution id.
struct CommissionReport {
  ExecutionId execution_id;
  Money commission;
  std::string currency = "USD";
  std::optional<Money> realized_pnl;  // IB's own figure; ours comes from the ledger

  friend bool operator==(const CommissionReport&, const CommissionReport&) = default;
};

}  // namespace ibtrade
