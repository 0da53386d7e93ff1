#include "adapters/tws/messages/contracts.hpp"

namespace ibtrade::tws {

void write_fields(FieldWriter& w, const ReqContractData& m, const Capabilities& caps) {
  const WireContract& c = m.contract;
  w.integer(8).integer(m.req_id);
  write_contract_c12(w, c);
  w.boolean(c.include_expired).string(c.sec_id_type).string(c.sec_id);
  if (caps.contract_issuer_id) w.string(c.issuer_id);
}
void read_fields(FieldReader& r, ReqContractData& m, const Capabilities& caps) {
  r.version("version", 8);  // the request id and primaryExchange arrived with later versions
  WireContract& c = m.contract;
  m.req_id = r.int32("reqId");
  read_contract_c12(r, c);
  c.include_expired = r.boolean("includeExpired");
  c.sec_id_type = r.string("secIdType");
  c.sec_id = r.string("secId");
  if (caps.contract_issuer_id) c.issuer_id = r.string("issuerId");
}

void write_fields(FieldWriter& w, const ContractData& m, const Capabilities& caps) {
  const ContractDetails& d = m.details;
  const WireContract& c = d.contract;
  if (!caps.contract_size_rules) w.integer(8);  // version, below v164
  w.integer(m.req_id)
      .string(c.symbol)
      .string(c.sec_type)
      .string(c.last_trade_date_or_contract_month)
      .number(c.strike)
      .string(c.right)
      .string(c.exchange)
      .string(c.currency)
      .string(c.local_symbol)
      .string(d.market_name)
      .string(c.trading_class)
      .integer(c.con_id)
      .number(d.min_tick);
  if (!caps.contract_size_rules) w.integer(1);  // mdSizeMultiplier, below v164
  w.string(c.multiplier)
      .string(d.order_types)
      .string(d.valid_exchanges)
      .integer(d.price_magnifier)
      .integer(d.under_con_id)
      .string(d.long_name)
      .string(c.primary_exchange)
      .string(d.contract_month)
      .string(d.industry)
      .string(d.category)
      .string(d.subcategory)
      .string(d.time_zone_id)
      .string(d.trading_hours)
      .string(d.liquid_hours)
      .string(d.ev_rule)
      .optional_int(d.ev_multiplier)
      .integer(static_cast<std::int64_t>(d.sec_id_list.size()));
  for (const auto& tv : d.sec_id_list)
    w.string(tv.tag).string(tv.value);
  w.integer(d.agg_group)
      .string(d.under_symbol)
      .string(d.under_sec_type)
      .string(d.market_rule_ids)
      .string(d.real_expiration_date)
      .string(d.stock_type);
  if (caps.contract_size_min_tick) w.optional_decimal(d.min_size);  // sizeMinTick, at v163
  if (caps.contract_size_rules) {
    w.optional_decimal(d.min_size)
        .optional_decimal(d.size_increment)
        .optional_decimal(d.suggested_size_increment);
  }
}
void read_fields(FieldReader& r, ContractData& m, const Capabilities& caps) {
  ContractDetails& d = m.details;
  WireContract& c = d.contract;
  if (!caps.contract_size_rules) r.version("version", 8);
  m.req_id = r.int32("reqId");
  c.symbol = r.string("symbol");
  c.sec_type = r.string("secType");
  c.last_trade_date_or_contract_month = r.string("lastTradeDateOrContractMonth");
  c.strike = r.number("strike");
  c.right = r.string("right");
  c.exchange = r.string("exchange");
  c.currency = r.string("currency");
  c.local_symbol = r.string("localSymbol");
  d.market_name = r.string("marketName");
  c.trading_class = r.string("tradingClass");
  c.con_id = r.int64("conId");
  d.min_tick = r.number("minTick");
  if (!caps.contract_size_rules) r.skip("mdSizeMultiplier");
  c.multiplier = r.string("multiplier");
  d.order_types = r.string("orderTypes");
  d.valid_exchanges = r.string("validExchanges");
  d.price_magnifier = r.int32("priceMagnifier");
  d.under_con_id = r.int32("underConId");
  d.long_name = r.string("longName");
  c.primary_exchange = r.string("primaryExchange");
  d.contract_month = r.string("contractMonth");
  d.industry = r.string("industry");
  d.category = r.string("category");
  d.subcategory = r.string("subcategory");
  d.time_zone_id = r.string("timeZoneId");
  d.trading_hours = r.string("tradingHours");
  d.liquid_hours = r.string("liquidHours");
  d.ev_rule = r.string("evRule");
  d.ev_multiplier = r.optional_int32("evMultiplier");
  d.sec_id_list.resize(r.count("secIdListCount", 2));
  for (auto& tv : d.sec_id_list) {
    tv.tag = r.string("secId.tag");
    tv.value = r.string("secId.value");
  }
  d.agg_group = r.int32("aggGroup");
  d.under_symbol = r.string("underSymbol");
  d.under_sec_type = r.string("underSecType");
  d.market_rule_ids = r.string("marketRuleIds");
  d.real_expiration_date = r.string("realExpirationDate");
  d.stock_type = r.string("stockType");
  if (caps.contract_size_min_tick) d.min_size = r.optional_decimal<QuantityTag>("sizeMinTick");
  if (caps.contract_size_rules) {
    d.min_size = r.optional_decimal<QuantityTag>("minSize");
    d.size_increment = r.optional_decimal<QuantityTag>("sizeIncrement");
    d.suggested_size_increment = r.optional_decimal<QuantityTag>("suggestedSizeIncrement");
  }
}

void write_fields(FieldWriter& w, const ContractDataEnd& m, const Capabilities&) {
  w.integer(1).integer(m.req_id);
}
void read_fields(FieldReader& r, ContractDataEnd& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
}

}  // namespace ibtrade::tws
