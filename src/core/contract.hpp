// What is traded: a contract as IB identifies it (symbol, security type, exchange, currency,
// conId once resolved). Plain value type; no threading rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"

namespace ibtrade {

enum class SecType { kStock, kOption, kFuture, kForex, kIndex, kCfd, kCombo };

// IB's codes: STK, OPT, FUT, CASH, IND, CFD, BAG.
std::string_view to_ib_code(SecType type);
std::optional<SecType> sec_type_from_ib_code(std::string_view code);

struct Contract {
  std::string symbol;
  SecType sec_type = SecType::kStock;
  std::string exchange = "SMART";  // where to route; SMART lets IB choose
  std::string primary_exchange;    // listing exchange (NASDAQ, NYSE, ARCA), disambiguates SMART
  std::string currency = "USD";
  std::optional<ConId> con_id;  // IB's id, known once the contract is resolved

  friend bool operator==(const Contract&, const Contract&) = default;

  // "AAPL STK SMART/NASDAQ USD" for logs and errors.
  std::string describe() const;
};

// A US stock routed through SMART, the common case.
Contract us_stock(std::string symbol, std::string primary_exchange = "");

}  // namespace ibtrade
