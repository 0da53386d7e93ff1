// Order messages: PLACE_ORDER, CANCEL_ORDER, global cancel, open-order requests and replies,
// ORDER_STATUS, completed-order request/end (protocol doc 3.2, 3.10, 4.6, 4.16). Plain message
// values with their field codecs; no threading rule.
#pragma once

#include <cstdint>
#include <string>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/message_ids.hpp"
#include "adapters/tws/messages/common.hpp"
#include "adapters/tws/messages/wire_order.hpp"
#include "adapters/tws/wire/fields.hpp"
#include "core/fixed_point.hpp"

namespace ibtrade::tws {

// 3|orderId|C12|secIdType|secId|order fields... — 114 fields for a simple order at v178 (no
// version field since v145). Re-using the id of a working order modifies it.
struct PlaceOrder {
  static constexpr ToServerId kId = ToServerId::kPlaceOrder;
  static constexpr std::string_view kName = "PLACE_ORDER";
  int order_id = 0;
  WireContract contract;
  WireOrder order;
  friend bool operator==(const PlaceOrder&, const PlaceOrder&) = default;
};

// 4|1|orderId|manualOrderCancelTime (the last at v >= 169)
struct CancelOrder {
  static constexpr ToServerId kId = ToServerId::kCancelOrder;
  static constexpr std::string_view kName = "CANCEL_ORDER";
  int order_id = 0;
  std::string manual_order_cancel_time;
  friend bool operator==(const CancelOrder&, const CancelOrder&) = default;
};

// 58|1 — cancels every open order of the account, TWS-entered ones included.
struct ReqGlobalCancel {
  static constexpr ToServerId kId = ToServerId::kReqGlobalCancel;
  static constexpr std::string_view kName = "REQ_GLOBAL_CANCEL";
  friend bool operator==(const ReqGlobalCancel&, const ReqGlobalCancel&) = default;
};

// 5|1 — this client's open orders.
struct ReqOpenOrders {
  static constexpr ToServerId kId = ToServerId::kReqOpenOrders;
  static constexpr std::string_view kName = "REQ_OPEN_ORDERS";
  friend bool operator==(const ReqOpenOrders&, const ReqOpenOrders&) = default;
};

// 16|1 — every API client's open orders.
struct ReqAllOpenOrders {
  static constexpr ToServerId kId = ToServerId::kReqAllOpenOrders;
  static constexpr std::string_view kName = "REQ_ALL_OPEN_ORDERS";
  friend bool operator==(const ReqAllOpenOrders&, const ReqAllOpenOrders&) = default;
};

// 15|1|autoBind — clientId 0 only (else error 327); ib_insync sends it on connect with id 0.
struct ReqAutoOpenOrders {
  static constexpr ToServerId kId = ToServerId::kReqAutoOpenOrders;
  static constexpr std::string_view kName = "REQ_AUTO_OPEN_ORDERS";
  bool auto_bind = true;
  friend bool operator==(const ReqAutoOpenOrders&, const ReqAutoOpenOrders&) = default;
};

// 5|orderId|contract(11)|order fields...|orderState... — 127 fields for a simple order at v178
// (no version field since v145).
struct OpenOrder {
  static constexpr ToClientId kId = ToClientId::kOpenOrder;
  static constexpr std::string_view kName = "OPEN_ORDER";
  int order_id = 0;
  WireContract contract;  // no primary_exchange in this message
  WireOrder order;
  WireOrderState state;
  friend bool operator==(const OpenOrder&, const OpenOrder&) = default;
};

// 53|1 — also sent when there are no open orders.
struct OpenOrderEnd {
  static constexpr ToClientId kId = ToClientId::kOpenOrderEnd;
  static constexpr std::string_view kName = "OPEN_ORDER_END";
  friend bool operator==(const OpenOrderEnd&, const OpenOrderEnd&) = default;
};

// 3|orderId|status|filled|remaining|avgFillPrice|permId|parentId|lastFillPrice|clientId|
// whyHeld|mktCapPrice — exactly 12 fields (no version field since v131).
struct OrderStatus {
  static constexpr ToClientId kId = ToClientId::kOrderStatus;
  static constexpr std::string_view kName = "ORDER_STATUS";
  int order_id = 0;
  std::string status;  // protocol doc 5.2
  Quantity filled;
  Quantity remaining;
  double avg_fill_price = 0.0;
  std::int64_t perm_id = 0;
  int parent_id = 0;
  double last_fill_price = 0.0;
  int client_id = 0;
  std::string why_held;  // e.g. "locate" while shares to short are located
  double mkt_cap_price = 0.0;
  friend bool operator==(const OrderStatus&, const OrderStatus&) = default;
};

// 99|apiOnly — no version field.
struct ReqCompletedOrders {
  static constexpr ToServerId kId = ToServerId::kReqCompletedOrders;
  static constexpr std::string_view kName = "REQ_COMPLETED_ORDERS";
  bool api_only = false;
  friend bool operator==(const ReqCompletedOrders&, const ReqCompletedOrders&) = default;
};

// 102 — the id alone; a valid reply on its own when there are no completed orders.
struct CompletedOrdersEnd {
  static constexpr ToClientId kId = ToClientId::kCompletedOrdersEnd;
  static constexpr std::string_view kName = "COMPLETED_ORDERS_END";
  friend bool operator==(const CompletedOrdersEnd&, const CompletedOrdersEnd&) = default;
};

void write_fields(FieldWriter& w, const PlaceOrder& m, const Capabilities& caps);
void read_fields(FieldReader& r, PlaceOrder& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const CancelOrder& m, const Capabilities& caps);
void read_fields(FieldReader& r, CancelOrder& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqGlobalCancel& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqGlobalCancel& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqOpenOrders& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqOpenOrders& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqAllOpenOrders& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqAllOpenOrders& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqAutoOpenOrders& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqAutoOpenOrders& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const OpenOrder& m, const Capabilities& caps);
void read_fields(FieldReader& r, OpenOrder& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const OpenOrderEnd& m, const Capabilities& caps);
void read_fields(FieldReader& r, OpenOrderEnd& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const OrderStatus& m, const Capabilities& caps);
void read_fields(FieldReader& r, OrderStatus& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqCompletedOrders& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqCompletedOrders& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const CompletedOrdersEnd& m, const Capabilities& caps);
void read_fields(FieldReader& r, CompletedOrdersEnd& m, const Capabilities& caps);

}  // namespace ibtrade::tws
