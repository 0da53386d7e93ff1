#include "adapters/tws/messages/common.hpp"

namespace ibtrade::tws {

std::string format_tag_values(const TagValueList& list) {
  std::string out;
  for (const auto& tv : list) {
    out += tv.tag;
    out += '=';
    out += tv.value;
    out += ';';
  }
  return out;
}

TagValueList read_tag_values(FieldReader& reader, std::string_view name) {
  const std::string text = reader.string(name);
  TagValueList list;
  std::string_view rest(text);
  while (!rest.empty() && reader.ok()) {
    const std::size_t end = rest.find(';');
    const std::string_view item = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      reader.fail_last(name, "'" + std::string(item.substr(0, 40)) + "' is not tag=value");
      return {};
    }
    list.push_back(TagValue{std::string(item.substr(0, eq)), std::string(item.substr(eq + 1))});
  }
  return list;
}

void write_contract_c12(FieldWriter& w, const WireContract& c) {
  w.integer(c.con_id)
      .string(c.symbol)
      .string(c.sec_type)
      .string(c.last_trade_date_or_contract_month)
      .number(c.strike)
      .string(c.right)
      .string(c.multiplier)
      .string(c.exchange)
      .string(c.primary_exchange)
      .string(c.currency)
      .string(c.local_symbol)
      .string(c.trading_class);
}

void read_contract_c12(FieldReader& r, WireContract& c) {
  c.con_id = r.int64("conId");
  c.symbol = r.string("symbol");
  c.sec_type = r.string("secType");
  c.last_trade_date_or_contract_month = r.string("lastTradeDateOrContractMonth");
  c.strike = r.number("strike");
  c.right = r.string("right");
  c.multiplier = r.string("multiplier");
  c.exchange = r.string("exchange");
  c.primary_exchange = r.string("primaryExchange");
  c.currency = r.string("currency");
  c.local_symbol = r.string("localSymbol");
  c.trading_class = r.string("tradingClass");
}

void write_short_combo_legs(FieldWriter& w, const WireContract& c) {
  if (!is_combo(c)) return;
  w.integer(static_cast<std::int64_t>(c.combo_legs.size()));
  for (const auto& leg : c.combo_legs) {
    w.integer(leg.con_id).integer(leg.ratio).string(leg.action).string(leg.exchange);
  }
}

void read_short_combo_legs(FieldReader& r, WireContract& c) {
  if (!is_combo(c)) return;
  const std::size_t n = r.count("comboLegsCount", 4);
  c.combo_legs.resize(n);
  for (auto& leg : c.combo_legs) {
    leg.con_id = r.int64("comboLeg.conId");
    leg.ratio = r.int32("comboLeg.ratio");
    leg.action = r.string("comboLeg.action");
    leg.exchange = r.string("comboLeg.exchange");
  }
}

void write_delta_neutral_contract(FieldWriter& w, const WireContract& c) {
  w.boolean(c.delta_neutral_contract.has_value());
  if (const auto& dn = c.delta_neutral_contract) {
    w.integer(dn->con_id).number(dn->delta).number(dn->price);
  }
}

void read_delta_neutral_contract(FieldReader& r, WireContract& c) {
  if (!r.boolean("deltaNeutralContractPresent")) return;
  DeltaNeutralContract dn;
  dn.con_id = r.int64("deltaNeutralContract.conId");
  dn.delta = r.number("deltaNeutralContract.delta");
  dn.price = r.number("deltaNeutralContract.price");
  c.delta_neutral_contract = dn;
}

}  // namespace ibtrade::tws
