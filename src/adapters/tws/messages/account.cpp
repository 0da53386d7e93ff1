#include "adapters/tws/messages/account.hpp"

namespace ibtrade::tws {

void write_fields(FieldWriter& w, const ReqAccountSummary& m, const Capabilities&) {
  w.integer(1).integer(m.req_id).string(m.group).string(m.tags);
}
void read_fields(FieldReader& r, ReqAccountSummary& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
  m.group = r.string("group");
  m.tags = r.string("tags");
}

void write_fields(FieldWriter& w, const AccountSummary& m, const Capabilities&) {
  w.integer(1).integer(m.req_id).string(m.account).string(m.tag).string(m.value).string(m.currency);
}
void read_fields(FieldReader& r, AccountSummary& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
  m.account = r.string("account");
  m.tag = r.string("tag");
  m.value = r.string("value");
  m.currency = r.string("currency");
}

void write_fields(FieldWriter& w, const AccountSummaryEnd& m, const Capabilities&) {
  w.integer(1).integer(m.req_id);
}
void read_fields(FieldReader& r, AccountSummaryEnd& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
}

void write_fields(FieldWriter& w, const CancelAccountSummary& m, const Capabilities&) {
  w.integer(1).integer(m.req_id);
}
void read_fields(FieldReader& r, CancelAccountSummary& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
}

void write_fields(FieldWriter& w, const ReqAcctData& m, const Capabilities&) {
  w.integer(2).boolean(m.subscribe).string(m.account);
}
void read_fields(FieldReader& r, ReqAcctData& m, const Capabilities&) {
  r.version("version", 2);  // version 1 had no account code
  m.subscribe = r.boolean("subscribe");
  m.account = r.string("acctCode");
}

void write_fields(FieldWriter& w, const AcctValue& m, const Capabilities&) {
  w.integer(2).string(m.key).string(m.value).string(m.currency).string(m.account);
}
void read_fields(FieldReader& r, AcctValue& m, const Capabilities&) {
  r.version("version", 2);  // version 1 had no account name
  m.key = r.string("key");
  m.value = r.string("value");
  m.currency = r.string("currency");
  m.account = r.string("accountName");
}

void write_fields(FieldWriter& w, const PortfolioValue& m, const Capabilities&) {
  const WireContract& c = m.contract;
  w.integer(8)
      .integer(c.con_id)
      .string(c.symbol)
      .string(c.sec_type)
      .string(c.last_trade_date_or_contract_month)
      .number(c.strike)
      .string(c.right)
      .string(c.multiplier)
      .string(c.primary_exchange)
      .string(c.currency)
      .string(c.local_symbol)
      .string(c.trading_class)
      .decimal(m.position)
      .number(m.market_price)
      .number(m.market_value)
      .number(m.average_cost)
      .number(m.unrealized_pnl)
      .number(m.realized_pnl)
      .string(m.account);
}
void read_fields(FieldReader& r, PortfolioValue& m, const Capabilities&) {
  // ib_insync hard-codes the version-8 layout, so older ones are refused rather than guessed.
  r.version("version", 8);
  WireContract& c = m.contract;
  c.con_id = r.int64("conId");
  c.symbol = r.string("symbol");
  c.sec_type = r.string("secType");
  c.last_trade_date_or_contract_month = r.string("lastTradeDateOrContractMonth");
  c.strike = r.number("strike");
  c.right = r.string("right");
  c.multiplier = r.string("multiplier");
  c.primary_exchange = r.string("primaryExchange");
  c.currency = r.string("currency");
  c.local_symbol = r.string("localSymbol");
  c.trading_class = r.string("tradingClass");
  m.position = r.decimal<QuantityTag>("position");
  m.market_price = r.number("marketPrice");
  m.market_value = r.number("marketValue");
  m.average_cost = r.number("averageCost");
  m.unrealized_pnl = r.number("unrealizedPNL");
  m.realized_pnl = r.number("realizedPNL");
  m.account = r.string("accountName");
}

void write_fields(FieldWriter& w, const AcctUpdateTime& m, const Capabilities&) {
  w.integer(1).string(m.time);
}
void read_fields(FieldReader& r, AcctUpdateTime& m, const Capabilities&) {
  r.skip("version");
  m.time = r.string("timeStamp");
}

void write_fields(FieldWriter& w, const AcctDownloadEnd& m, const Capabilities&) {
  w.integer(1).string(m.account);
}
void read_fields(FieldReader& r, AcctDownloadEnd& m, const Capabilities&) {
  r.skip("version");
  m.account = r.string("accountName");
}

void write_fields(FieldWriter& w, const ReqPositions&, const Capabilities&) {
  w.integer(1);
}
void read_fields(FieldReader& r, ReqPositions&, const Capabilities&) {
  r.skip("version");
}

void write_fields(FieldWriter& w, const PositionData& m, const Capabilities&) {
  const WireContract& c = m.contract;
  w.integer(3)
      .string(m.account)
      .integer(c.con_id)
      .string(c.symbol)
      .string(c.sec_type)
      .string(c.last_trade_date_or_contract_month)
      .number(c.strike)
      .string(c.right)
      .string(c.multiplier)
      .string(c.exchange)
      .string(c.currency)
      .string(c.local_symbol)
      .string(c.trading_class)
      .decimal(m.position)
      .number(m.avg_cost);
}
void read_fields(FieldReader& r, PositionData& m, const Capabilities&) {
  r.version("version", 3);  // 2 adds tradingClass, 3 avgCost
  m.account = r.string("account");
  WireContract& c = m.contract;
  c.con_id = r.int64("conId");
  c.symbol = r.string("symbol");
  c.sec_type = r.string("secType");
  c.last_trade_date_or_contract_month = r.string("lastTradeDateOrContractMonth");
  c.strike = r.number("strike");
  c.right = r.string("right");
  c.multiplier = r.string("multiplier");
  c.exchange = r.string("exchange");
  c.currency = r.string("currency");
  c.local_symbol = r.string("localSymbol");
  c.trading_class = r.string("tradingClass");
  m.position = r.decimal<QuantityTag>("position");
  m.avg_cost = r.number("avgCost");
}

void write_fields(FieldWriter& w, const PositionEnd&, const Capabilities&) {
  w.integer(1);
}
void read_fields(FieldReader& r, PositionEnd&, const Capabilities&) {
  r.skip("version");
}

void write_fields(FieldWriter& w, const CancelPositions&, const Capabilities&) {
  w.integer(1);
}
void read_fields(FieldReader& r, CancelPositions&, const Capabilities&) {
  r.skip("version");
}

void write_fields(FieldWriter& w, const ReqAccountUpdatesMulti& m, const Capabilities&) {
  w.integer(1).integer(m.req_id).string(m.account).string(m.model_code).boolean(m.ledger_and_nlv);
}
void read_fields(FieldReader& r, ReqAccountUpdatesMulti& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
  m.account = r.string("account");
  m.model_code = r.string("modelCode");
  m.ledger_and_nlv = r.boolean("ledgerAndNLV");
}

void write_fields(FieldWriter& w, const AccountUpdateMulti& m, const Capabilities&) {
  w.integer(1)
      .integer(m.req_id)
      .string(m.account)
      .string(m.model_code)
      .string(m.key)
      .string(m.value)
      .string(m.currency);
}
void read_fields(FieldReader& r, AccountUpdateMulti& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
  m.account = r.string("account");
  m.model_code = r.string("modelCode");
  m.key = r.string("key");
  m.value = r.string("value");
  m.currency = r.string("currency");
}

void write_fields(FieldWriter& w, const AccountUpdateMultiEnd& m, const Capabilities&) {
  w.integer(1).integer(m.req_id);
}
void read_fields(FieldReader& r, AccountUpdateMultiEnd& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
}

void write_fields(FieldWriter& w, const CancelAccountUpdatesMulti& m, const Capabilities&) {
  w.integer(1).integer(m.req_id);
}
void read_fields(FieldReader& r, CancelAccountUpdatesMulti& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
}

}  // namespace ibtrade::tws
