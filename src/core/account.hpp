// Positions and account values as the broker reports them (the ledger computes its own and
// reconciles against these). Plain value types; no threading rule.
#pragma once

#include <string>

#include "core/contract.hpp"
#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"

namespace ibtrade {

struct Position {
  AccountId account_id;
  Contract contract;
  Quantity quantity;  // signed: negative is short
  Price average_cost;

  friend bool operator==(const Position&, const Position&) = default;
};

// One account value as IB names it ("NetLiquidation", "TotalCashValue", "BuyingPower", ...).
struct AccountValue {
  AccountId account_id;
  std::string key;
  Money value;
  std::string currency = "USD";

  friend bool operator==(const AccountValue&, const AccountValue&) = default;
};

// The figures the risk engine and dashboard need, taken at one instant.
struct AccountSnapshot {
  AccountId account_id;
  Timestamp time;
  Money net_liquidation;
  Money cash;
  Money buying_power;
  Money gross_position_value;
  Money realized_pnl;
  Money unrealized_pnl;

  friend bool operator==(const AccountSnapshot&, const AccountSnapshot&) = default;
};

}  // namespace ibtrade
