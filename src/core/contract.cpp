#include "core/contract.hpp"

#include <array>
#include <utility>

#include "core/name_table.hpp"

namespace ibtrade {
namespace {

constexpr NameTable<SecType, 7> kSecTypeCodes{{
    {SecType::kStock, "STK"},
    {SecType::kOption, "OPT"},
    {SecType::kFuture, "FUT"},
    {SecType::kForex, "CASH"},
    {SecType::kIndex, "IND"},
    {SecType::kCfd, "CFD"},
    {SecType::kCombo, "BAG"},
}};

}  // namespace

std::string_view to_ib_code(SecType type) {
  return name_of(kSecTypeCodes, type);
}

std::optional<SecType> sec_type_from_ib_code(std::string_view code) {
  return value_of(kSecTypeCodes, code);
}

std::string Contract::describe() const {
  std::string out = symbol + " " + std::string(to_ib_code(sec_type)) + " " + exchange;
  if (!primary_exchange.empty()) out += "/" + primary_exchange;
  out += " " + currency;
  if (con_id) out += " conId " + std::to_string(con_id->value());
  return out;
}

Contract us_stock(std::string symbol, std::string primary_exchange) {
  Contract contract;
  contract.symbol = std::move(symbol);
  contract.primary_exchange = std::move(primary_exchange);
  return contract;
}

}  // namespace ibtrade
