#include "adapters/tws/messages/executions.hpp"

namespace ibtrade::tws {

void write_fields(FieldWriter& w, const ReqExecutions& m, const Capabilities&) {
  const ExecutionFilter& f = m.filter;
  w.integer(3)
      .integer(m.req_id)
      .integer(f.client_id)
      .string(f.account)
      .string(f.time)
      .string(f.symbol)
      .string(f.sec_type)
      .string(f.exchange)
      .string(f.side);
}
void read_fields(FieldReader& r, ReqExecutions& m, const Capabilities&) {
  r.version("version", 3);  // the request id arrived with version 3
  ExecutionFilter& f = m.filter;
  m.req_id = r.int32("reqId");
  f.client_id = r.int32("clientId");
  f.account = r.string("acctCode");
  f.time = r.string("time");
  f.symbol = r.string("symbol");
  f.sec_type = r.string("secType");
  f.exchange = r.string("exchange");
  f.side = r.string("side");
}

void write_fields(FieldWriter& w, const ExecutionData& m, const Capabilities& caps) {
  const WireContract& c = m.contract;
  const WireExecution& e = m.execution;
  w.integer(m.req_id)
      .integer(m.order_id)
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
      .string(e.exec_id)
      .string(e.time)
      .string(e.account)
      .string(e.exchange)
      .string(e.side)
      .decimal(e.shares)
      .number(e.price)
      .integer(e.perm_id)
      .integer(e.client_id)
      .integer(e.liquidation)
      .decimal(e.cum_qty)
      .number(e.avg_price)
      .string(e.order_ref)
      .string(e.ev_rule)
      .optional_number(e.ev_multiplier)
      .string(e.model_code)
      .integer(e.last_liquidity);
  if (caps.execution_pending_price_revision) w.boolean(e.pending_price_revision);
}
void read_fields(FieldReader& r, ExecutionData& m, const Capabilities& caps) {
  WireContract& c = m.contract;
  WireExecution& e = m.execution;
  m.req_id = r.int32("reqId");
  m.order_id = r.int32("orderId");
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
  e.exec_id = r.string("execId");
  e.time = r.string("time");
  e.account = r.string("acctNumber");
  e.exchange = r.string("exchange");
  e.side = r.string("side");
  e.shares = r.decimal<QuantityTag>("shares");
  e.price = r.number("price");
  e.perm_id = r.int64("permId");
  e.client_id = r.int32("clientId");
  e.liquidation = r.int32("liquidation");
  e.cum_qty = r.decimal<QuantityTag>("cumQty");
  e.avg_price = r.number("avgPrice");
  e.order_ref = r.string("orderRef");
  e.ev_rule = r.string("evRule");
  e.ev_multiplier = r.optional_number("evMultiplier");
  e.model_code = r.string("modelCode");
  e.last_liquidity = r.int32("lastLiquidity");
  if (caps.execution_pending_price_revision) {
    e.pending_price_revision = r.boolean("pendingPriceRevision");
  }
}

void write_fields(FieldWriter& w, const ExecutionDataEnd& m, const Capabilities&) {
  w.integer(1).integer(m.req_id);
}
void read_fields(FieldReader& r, ExecutionDataEnd& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
}

void write_fields(FieldWriter& w, const CommissionReport& m, const Capabilities&) {
  w.integer(1)
      .string(m.exec_id)
      .number(m.commission)
      .string(m.currency)
      .number_or_unset(m.realized_pnl)
      .number_or_unset(m.yield)
      .integer(m.yield_redemption_date);
}
void read_fields(FieldReader& r, CommissionReport& m, const Capabilities&) {
  r.skip("version");
  m.exec_id = r.string("execId");
  m.commission = r.number("commission");
  m.currency = r.string("currency");
  m.realized_pnl = r.optional_number("realizedPNL");
  m.yield = r.optional_number("yield");
  m.yield_redemption_date = r.int32("yieldRedemptionDate");
}

}  // namespace ibtrade::tws
