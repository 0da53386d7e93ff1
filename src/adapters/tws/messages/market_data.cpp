#include "adapters/tws/messages/market_data.hpp"

namespace ibtrade::tws {

namespace {
// The version TWS puts in tick messages is unverified (protocol doc, open question 1); 6 is what
// the doc recommends, and decoders need at least 3 only for TICK_PRICE's attribute mask.
constexpr int kTickVersion = 6;
}  // namespace

void write_fields(FieldWriter& w, const ReqMktData& m, const Capabilities&) {
  w.integer(11).integer(m.req_id);
  write_contract_c12(w, m.contract);
  write_short_combo_legs(w, m.contract);
  write_delta_neutral_contract(w, m.contract);
  w.string(m.generic_tick_list)
      .boolean(m.snapshot)
      .boolean(m.regulatory_snapshot)
      .string(format_tag_values(m.options));
}
void read_fields(FieldReader& r, ReqMktData& m, const Capabilities&) {
  r.version("version", 11);  // versions below 11 lack fields this layout has
  m.req_id = r.int32("reqId");
  read_contract_c12(r, m.contract);
  read_short_combo_legs(r, m.contract);
  read_delta_neutral_contract(r, m.contract);
  m.generic_tick_list = r.string("genericTickList");
  m.snapshot = r.boolean("snapshot");
  m.regulatory_snapshot = r.boolean("regulatorySnapshot");
  m.options = read_tag_values(r, "mktDataOptions");
}

void write_fields(FieldWriter& w, const CancelMktData& m, const Capabilities&) {
  w.integer(2).integer(m.req_id);
}
void read_fields(FieldReader& r, CancelMktData& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
}

void write_fields(FieldWriter& w, const TickPrice& m, const Capabilities&) {
  w.integer(kTickVersion)
      .integer(m.req_id)
      .integer(m.tick_type)
      .optional_number(m.price)
      .optional_decimal(m.size)
      .integer(m.attr_mask);
}
void read_fields(FieldReader& r, TickPrice& m, const Capabilities&) {
  r.version("version", 3);  // size arrived in 2, the attribute mask in 3
  m.req_id = r.int32("reqId");
  m.tick_type = r.int32("tickType");
  m.price = r.optional_number("price");
  m.size = r.optional_decimal<QuantityTag>("size");
  m.attr_mask = r.int32("attrMask");
}

void write_fields(FieldWriter& w, const TickSize& m, const Capabilities&) {
  w.integer(kTickVersion).integer(m.req_id).integer(m.tick_type).optional_decimal(m.size);
}
void read_fields(FieldReader& r, TickSize& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
  m.tick_type = r.int32("tickType");
  m.size = r.optional_decimal<QuantityTag>("size");
}

void write_fields(FieldWriter& w, const TickString& m, const Capabilities&) {
  w.integer(kTickVersion).integer(m.req_id).integer(m.tick_type).string(m.value);
}
void read_fields(FieldReader& r, TickString& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
  m.tick_type = r.int32("tickType");
  m.value = r.string("value");
}

void write_fields(FieldWriter& w, const TickGeneric& m, const Capabilities&) {
  w.integer(kTickVersion).integer(m.req_id).integer(m.tick_type).number(m.value);
}
void read_fields(FieldReader& r, TickGeneric& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
  m.tick_type = r.int32("tickType");
  m.value = r.number("value");
}

void write_fields(FieldWriter& w, const TickSnapshotEnd& m, const Capabilities&) {
  w.integer(1).integer(m.req_id);
}
void read_fields(FieldReader& r, TickSnapshotEnd& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
}

void write_fields(FieldWriter& w, const ReqMarketDataType& m, const Capabilities&) {
  w.integer(1).integer(m.market_data_type);
}
void read_fields(FieldReader& r, ReqMarketDataType& m, const Capabilities&) {
  r.skip("version");
  m.market_data_type = r.int32("marketDataType");
}

void write_fields(FieldWriter& w, const MarketDataType& m, const Capabilities&) {
  w.integer(1).integer(m.req_id).integer(m.market_data_type);
}
void read_fields(FieldReader& r, MarketDataType& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
  m.market_data_type = r.int32("marketDataType");
}

void write_fields(FieldWriter& w, const TickReqParams& m, const Capabilities&) {
  w.integer(m.req_id).number(m.min_tick).string(m.bbo_exchange).integer(m.snapshot_permissions);
}
void read_fields(FieldReader& r, TickReqParams& m, const Capabilities&) {
  m.req_id = r.int32("reqId");
  m.min_tick = r.number("minTick");
  m.bbo_exchange = r.string("bboExchange");
  m.snapshot_permissions = r.int32("snapshotPermissions");
}

}  // namespace ibtrade::tws
