#include "adapters/tws/messages/orders.hpp"

namespace ibtrade::tws {

void write_fields(FieldWriter& w, const CancelOrder& m, const Capabilities& caps) {
  w.integer(1).integer(m.order_id);
  if (caps.manual_order_time) w.string(m.manual_order_cancel_time);
}
void read_fields(FieldReader& r, CancelOrder& m, const Capabilities& caps) {
  r.skip("version");
  m.order_id = r.int32("orderId");
  if (caps.manual_order_time) m.manual_order_cancel_time = r.string("manualOrderCancelTime");
}

void write_fields(FieldWriter& w, const ReqGlobalCancel&, const Capabilities&) {
  w.integer(1);
}
void read_fields(FieldReader& r, ReqGlobalCancel&, const Capabilities&) {
  r.skip("version");
}

void write_fields(FieldWriter& w, const ReqOpenOrders&, const Capabilities&) {
  w.integer(1);
}
void read_fields(FieldReader& r, ReqOpenOrders&, const Capabilities&) {
  r.skip("version");
}

void write_fields(FieldWriter& w, const ReqAllOpenOrders&, const Capabilities&) {
  w.integer(1);
}
void read_fields(FieldReader& r, ReqAllOpenOrders&, const Capabilities&) {
  r.skip("version");
}

void write_fields(FieldWriter& w, const ReqAutoOpenOrders& m, const Capabilities&) {
  w.integer(1).boolean(m.auto_bind);
}
void read_fields(FieldReader& r, ReqAutoOpenOrders& m, const Capabilities&) {
  r.skip("version");
  m.auto_bind = r.boolean("autoBind");
}

void write_fields(FieldWriter& w, const OpenOrderEnd&, const Capabilities&) {
  w.integer(1);
}
void read_fields(FieldReader& r, OpenOrderEnd&, const Capabilities&) {
  r.skip("version");
}

void write_fields(FieldWriter& w, const OrderStatus& m, const Capabilities&) {
  w.integer(m.order_id)
      .string(m.status)
      .decimal(m.filled)
      .decimal(m.remaining)
      .number(m.avg_fill_price)
      .integer(m.perm_id)
      .integer(m.parent_id)
      .number(m.last_fill_price)
      .integer(m.client_id)
      .string(m.why_held)
      .number(m.mkt_cap_price);
}
void read_fields(FieldReader& r, OrderStatus& m, const Capabilities&) {
  m.order_id = r.int32("orderId");
  m.status = r.string("status");
  m.filled = r.decimal<QuantityTag>("filled");
  m.remaining = r.decimal<QuantityTag>("remaining");
  m.avg_fill_price = r.number("avgFillPrice");
  m.perm_id = r.int64("permId");  // a long from v191; int64 throughout
  m.parent_id = r.int32("parentId");
  m.last_fill_price = r.number("lastFillPrice");
  m.client_id = r.int32("clientId");
  m.why_held = r.string("whyHeld");
  m.mkt_cap_price = r.number("mktCapPrice");
}

void write_fields(FieldWriter& w, const ReqCompletedOrders& m, const Capabilities&) {
  w.boolean(m.api_only);
}
void read_fields(FieldReader& r, ReqCompletedOrders& m, const Capabilities&) {
  m.api_only = r.boolean("apiOnly");
}

void write_fields(FieldWriter&, const CompletedOrdersEnd&, const Capabilities&) {}
void read_fields(FieldReader&, CompletedOrdersEnd&, const Capabilities&) {}

}  // namespace ibtrade::tws
