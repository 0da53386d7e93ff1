// Building blocks shared by several messages: tag-value lists, the wire contract (IB's Contract
// as the protocol carries it) and its field blocks. Plain values and pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/tws/wire/fields.hpp"

namespace ibtrade::tws {

struct TagValue {
  std::string tag;
  std::string value;

  friend bool operator==(const TagValue&, const TagValue&) = default;
};
using TagValueList = std::vector<TagValue>;

// Options lists travel as one field, "tag=value;tag=value;" ("" when empty).
std::string format_tag_values(const TagValueList& list);
// Splits such a field; an entry without '=' fails, naming the field through `reader`.
TagValueList read_tag_values(FieldReader& reader, std::string_view name);

// A leg of a combo (BAG) contract. REQ_MKT_DATA and REQ_HISTORICAL_DATA send only the first four
// fields; PLACE_ORDER and OPEN_ORDER all eight.
struct ComboLeg {
  std::int64_t con_id = 0;
  int ratio = 0;
  std::string action;  // BUY / SELL / SSHORT
  std::string exchange;
  int open_close = 0;
  int short_sale_slot = 0;
  std::string designated_location;
  int exempt_code = -1;

  friend bool operator==(const ComboLeg&, const ComboLeg&) = default;
};

struct DeltaNeutralContract {
  std::int64_t con_id = 0;
  double delta = 0.0;
  double price = 0.0;

  friend bool operator==(const DeltaNeutralContract&, const DeltaNeutralContract&) = default;
};

// IB's Contract as the wire carries it. Each message sends the subset its table lists; the
// rest stays at the defaults.
struct WireContract {
  std::int64_t con_id = 0;
  std::string symbol;
  std::string sec_type;  // STK, OPT, FUT, CASH, IND, CFD, BAG, ...
  std::string last_trade_date_or_contract_month;
  double strike = 0.0;
  std::string right;
  std::string multiplier;
  std::string exchange;
  std::string primary_exchange;
  std::string currency;
  std::string local_symbol;
  std::string trading_class;
  std::string sec_id_type;  // PLACE_ORDER, REQ_CONTRACT_DATA
  std::string sec_id;
  bool include_expired = false;      // REQ_CONTRACT_DATA, REQ_HISTORICAL_DATA
  std::string issuer_id;             // REQ_CONTRACT_DATA at v >= 176
  std::string combo_legs_descrip;    // OPEN_ORDER
  std::vector<ComboLeg> combo_legs;  // BAG only
  std::optional<DeltaNeutralContract> delta_neutral_contract;

  friend bool operator==(const WireContract&, const WireContract&) = default;
};

// The standard 12-field contract block ("C12", protocol doc 3.1): conId, symbol, secType,
// lastTradeDateOrContractMonth, strike, right, multiplier, exchange, primaryExchange, currency,
// localSymbol, tradingClass.
void write_contract_c12(FieldWriter& w, const WireContract& c);
void read_contract_c12(FieldReader& r, WireContract& c);
// For a BAG contract, REQ_MKT_DATA and REQ_HISTORICAL_DATA add a count and (conId, ratio, action,
// exchange) per leg; nothing for other security types.
void write_short_combo_legs(FieldWriter& w, const WireContract& c);
void read_short_combo_legs(FieldReader& r, WireContract& c);
// A presence flag, then conId, delta, price when present.
void write_delta_neutral_contract(FieldWriter& w, const WireContract& c);
void read_delta_neutral_contract(FieldReader& r, WireContract& c);

inline bool is_combo(const WireContract& c) {
  return c.sec_type == "BAG";
}

}  // namespace ibtrade::tws
