// Contract details: REQ_CONTRACT_DATA, CONTRACT_DATA and CONTRACT_DATA_END (protocol doc 3.7,
// 4.14). Plain message values with their field codecs; no threading rule.
#pragma once

#include <optional>
#include <string>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/message_ids.hpp"
#include "adapters/tws/messages/common.hpp"
#include "adapters/tws/wire/fields.hpp"
#include "core/fixed_point.hpp"

namespace ibtrade::tws {

// 9|8|reqId|conId|symbol|secType|lastTradeDateOrContractMonth|strike|right|multiplier|exchange|
// primaryExchange|currency|localSymbol|tradingClass|includeExpired|secIdType|secId|issuerId
// (issuerId at v >= 176) — 19 fields at v178.
struct ReqContractData {
  static constexpr ToServerId kId = ToServerId::kReqContractData;
  static constexpr std::string_view kName = "REQ_CONTRACT_DATA";
  int req_id = 0;
  WireContract contract;  // C12, include_expired, sec_id_type, sec_id, issuer_id travel
  friend bool operator==(const ReqContractData&, const ReqContractData&) = default;
};

// IB's ContractDetails as CONTRACT_DATA carries it.
struct ContractDetails {
  WireContract contract;  // symbol, secType, lastTrade, strike, right, exchange, currency,
                          // localSymbol, tradingClass, conId, multiplier, primaryExchange
  std::string market_name;
  double min_tick = 0.0;
  std::string order_types;      // comma list
  std::string valid_exchanges;  // comma list
  int price_magnifier = 1;
  int under_con_id = 0;
  std::string long_name;  // may hold \uXXXX escapes
  std::string contract_month;
  std::string industry;
  std::string category;
  std::string subcategory;
  std::string time_zone_id;   // "US/Eastern"
  std::string trading_hours;  // "20231207:0400-20231207:2000;20231209:CLOSED;..."
  std::string liquid_hours;
  std::string ev_rule;
  std::optional<int> ev_multiplier;  // usually ""
  TagValueList sec_id_list;          // ISIN, CUSIP, ...
  int agg_group = 0;
  std::string under_symbol;
  std::string under_sec_type;
  std::string market_rule_ids;  // one per valid exchange
  std::string real_expiration_date;
  std::string stock_type;  // COMMON, ETF, ADR, PREFERRED, ...
  // v >= 164; at v163 the obsolete sizeMinTick lands in min_size, below it none travel.
  std::optional<Quantity> min_size;
  std::optional<Quantity> size_increment;
  std::optional<Quantity> suggested_size_increment;
  friend bool operator==(const ContractDetails&, const ContractDetails&) = default;
};

// 10|reqId|symbol|...|suggestedSizeIncrement — 42 fields for a stock with one secId at v178
// (no version field since v164).
struct ContractData {
  static constexpr ToClientId kId = ToClientId::kContractData;
  static constexpr std::string_view kName = "CONTRACT_DATA";
  int req_id = 0;
  ContractDetails details;
  friend bool operator==(const ContractData&, const ContractData&) = default;
};

// 52|1|reqId — after the last CONTRACT_DATA. No match gives ERR_MSG 200 instead (and no end).
struct ContractDataEnd {
  static constexpr ToClientId kId = ToClientId::kContractDataEnd;
  static constexpr std::string_view kName = "CONTRACT_DATA_END";
  int req_id = 0;
  friend bool operator==(const ContractDataEnd&, const ContractDataEnd&) = default;
};

void write_fields(FieldWriter& w, const ReqContractData& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqContractData& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ContractData& m, const Capabilities& caps);
void read_fields(FieldReader& r, ContractData& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ContractDataEnd& m, const Capabilities& caps);
void read_fields(FieldReader& r, ContractDataEnd& m, const Capabilities& caps);

}  // namespace ibtrade::tws
