// Streaming market data: REQ_MKT_DATA / CANCEL_MKT_DATA, the tick messages, market-data types and
// TICK_REQ_PARAMS (protocol doc 3.4, 4.1, 4.9-4.11, 5.6, 5.9). Plain message values with their
// field codecs; no threading rule.
#pragma once

#include <optional>
#include <string>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/message_ids.hpp"
#include "adapters/tws/messages/common.hpp"
#include "adapters/tws/wire/fields.hpp"
#include "core/fixed_point.hpp"

namespace ibtrade::tws {

// Tick type ids used by this system (protocol doc 5.6; IB's TickType enum has more).
inline constexpr int kTickBidSize = 0;
inline constexpr int kTickBid = 1;
inline constexpr int kTickAsk = 2;
inline constexpr int kTickAskSize = 3;
inline constexpr int kTickLast = 4;
inline constexpr int kTickLastSize = 5;
inline constexpr int kTickHigh = 6;
inline constexpr int kTickLow = 7;
inline constexpr int kTickVolume = 8;  // in lots of 100 for US stocks below v220
inline constexpr int kTickClose = 9;
inline constexpr int kTickOpen = 14;
inline constexpr int kTickLastTimestamp = 45;
inline constexpr int kTickShortable = 46;
inline constexpr int kTickFundamentalRatios = 47;  // generic tick 258; removed in API 10.47
inline constexpr int kTickRtVolume = 48;
inline constexpr int kTickHalted = 49;
inline constexpr int kTickDelayedBid = 66;
inline constexpr int kTickDelayedAsk = 67;
inline constexpr int kTickDelayedLast = 68;

// Market data types (REQ_MARKET_DATA_TYPE / MARKET_DATA_TYPE).
inline constexpr int kMarketDataLive = 1;
inline constexpr int kMarketDataFrozen = 2;
inline constexpr int kMarketDataDelayed = 3;
inline constexpr int kMarketDataDelayedFrozen = 4;

// 1|11|reqId|C12|[BAG legs]|deltaNeutralContract|genericTickList|snapshot|regulatorySnapshot|
// mktDataOptions — 20 fields for a stock.
struct ReqMktData {
  static constexpr ToServerId kId = ToServerId::kReqMktData;
  static constexpr std::string_view kName = "REQ_MKT_DATA";
  int req_id = 0;
  WireContract contract;
  std::string generic_tick_list;  // "233,236,258"; may start with "mdoff,"
  bool snapshot = false;          // with snapshot the generic list must be empty (error 414)
  bool regulatory_snapshot = false;
  TagValueList options;  // always empty in practice (the official client refuses others)
  friend bool operator==(const ReqMktData&, const ReqMktData&) = default;
};

// 2|2|reqId
struct CancelMktData {
  static constexpr ToServerId kId = ToServerId::kCancelMktData;
  static constexpr std::string_view kName = "CANCEL_MKT_DATA";
  int req_id = 0;
  friend bool operator==(const CancelMktData&, const CancelMktData&) = default;
};

// 1|6|reqId|tickType|price|size|attrMask — exactly 7 fields. Clients derive a TICK_SIZE from
// the size for bid, ask and last.
struct TickPrice {
  static constexpr ToClientId kId = ToClientId::kTickPrice;
  static constexpr std::string_view kName = "TICK_PRICE";
  static constexpr int kCanAutoExecute = 1;
  static constexpr int kPastLimit = 2;
  static constexpr int kPreOpen = 4;
  int req_id = 0;
  int tick_type = 0;
  std::optional<double> price;  // -1 is sent when a side has no quote
  std::optional<Quantity> size;
  int attr_mask = 0;
  friend bool operator==(const TickPrice&, const TickPrice&) = default;
};

// 2|6|reqId|tickType|size — exactly 5 fields.
struct TickSize {
  static constexpr ToClientId kId = ToClientId::kTickSize;
  static constexpr std::string_view kName = "TICK_SIZE";
  int req_id = 0;
  int tick_type = 0;
  std::optional<Quantity> size;
  friend bool operator==(const TickSize&, const TickSize&) = default;
};

// 46|6|reqId|tickType|value — RT volume "price;size;ms;total;vwap;single", timestamps, ratios.
struct TickString {
  static constexpr ToClientId kId = ToClientId::kTickString;
  static constexpr std::string_view kName = "TICK_STRING";
  int req_id = 0;
  int tick_type = 0;
  std::string value;
  friend bool operator==(const TickString&, const TickString&) = default;
};

// 45|6|reqId|tickType|value
struct TickGeneric {
  static constexpr ToClientId kId = ToClientId::kTickGeneric;
  static constexpr std::string_view kName = "TICK_GENERIC";
  int req_id = 0;
  int tick_type = 0;
  double value = 0.0;
  friend bool operator==(const TickGeneric&, const TickGeneric&) = default;
};

// 57|1|reqId — the end of a snapshot.
struct TickSnapshotEnd {
  static constexpr ToClientId kId = ToClientId::kTickSnapshotEnd;
  static constexpr std::string_view kName = "TICK_SNAPSHOT_END";
  int req_id = 0;
  friend bool operator==(const TickSnapshotEnd&, const TickSnapshotEnd&) = default;
};

// 59|1|marketDataType
struct ReqMarketDataType {
  static constexpr ToServerId kId = ToServerId::kReqMarketDataType;
  static constexpr std::string_view kName = "REQ_MARKET_DATA_TYPE";
  int market_data_type = kMarketDataLive;
  friend bool operator==(const ReqMarketDataType&, const ReqMarketDataType&) = default;
};

// 58|1|reqId|marketDataType — which type a ticker is served with.
struct MarketDataType {
  static constexpr ToClientId kId = ToClientId::kMarketDataType;
  static constexpr std::string_view kName = "MARKET_DATA_TYPE";
  int req_id = 0;
  int market_data_type = kMarketDataLive;
  friend bool operator==(const MarketDataType&, const MarketDataType&) = default;
};

// 81|reqId|minTick|bboExchange|snapshotPermissions — no version field; the first reply to
// REQ_MKT_DATA.
struct TickReqParams {
  static constexpr ToClientId kId = ToClientId::kTickReqParams;
  static constexpr std::string_view kName = "TICK_REQ_PARAMS";
  int req_id = 0;
  double min_tick = 0.0;
  std::string bbo_exchange;      // an opaque code, e.g. "9c0001"
  int snapshot_permissions = 0;  // a bit mask
  friend bool operator==(const TickReqParams&, const TickReqParams&) = default;
};

void write_fields(FieldWriter& w, const ReqMktData& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqMktData& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const CancelMktData& m, const Capabilities& caps);
void read_fields(FieldReader& r, CancelMktData& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const TickPrice& m, const Capabilities& caps);
void read_fields(FieldReader& r, TickPrice& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const TickSize& m, const Capabilities& caps);
void read_fields(FieldReader& r, TickSize& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const TickString& m, const Capabilities& caps);
void read_fields(FieldReader& r, TickString& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const TickGeneric& m, const Capabilities& caps);
void read_fields(FieldReader& r, TickGeneric& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const TickSnapshotEnd& m, const Capabilities& caps);
void read_fields(FieldReader& r, TickSnapshotEnd& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqMarketDataType& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqMarketDataType& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const MarketDataType& m, const Capabilities& caps);
void read_fields(FieldReader& r, MarketDataType& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const TickReqParams& m, const Capabilities& caps);
void read_fields(FieldReader& r, TickReqParams& m, const Capabilities& caps);

}  // namespace ibtrade::tws
