// Bars: 5-second real-time bars and historical bars, requests, replies and cancels (protocol doc
// 3.5, 3.6, 4.12, 4.13). Plain message values with their field codecs; no threading rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/message_ids.hpp"
#include "adapters/tws/messages/common.hpp"
#include "adapters/tws/wire/fields.hpp"
#include "core/fixed_point.hpp"

namespace ibtrade::tws {

// 50|3|reqId|C12|barSize|whatToShow|useRTH|realTimeBarsOptions
struct ReqRealTimeBars {
  static constexpr ToServerId kId = ToServerId::kReqRealTimeBars;
  static constexpr std::string_view kName = "REQ_REAL_TIME_BARS";
  int req_id = 0;
  WireContract contract;
  int bar_size = 5;                     // ignored by TWS: only 5-second bars exist
  std::string what_to_show = "TRADES";  // TRADES, MIDPOINT, BID, ASK
  bool use_rth = true;
  TagValueList options;
  friend bool operator==(const ReqRealTimeBars&, const ReqRealTimeBars&) = default;
};

// 50|3|reqId|time|open|high|low|close|volume|wap|count — exactly 11 fields, one every 5 s.
struct RealTimeBars {
  static constexpr ToClientId kId = ToClientId::kRealTimeBars;
  static constexpr std::string_view kName = "REAL_TIME_BARS";
  int req_id = 0;
  std::int64_t time = 0;  // bar start, epoch seconds
  double open = 0.0;
  double high = 0.0;
  double low = 0.0;
  double close = 0.0;
  std::optional<Quantity> volume;  // meaningful for TRADES only
  std::optional<Price> wap;
  int count = 0;
  friend bool operator==(const RealTimeBars&, const RealTimeBars&) = default;
};

// 51|1|reqId
struct CancelRealTimeBars {
  static constexpr ToServerId kId = ToServerId::kCancelRealTimeBars;
  static constexpr std::string_view kName = "CANCEL_REAL_TIME_BARS";
  int req_id = 0;
  friend bool operator==(const CancelRealTimeBars&, const CancelRealTimeBars&) = default;
};

// 20|reqId|C12|includeExpired|endDateTime|barSizeSetting|durationStr|useRTH|whatToShow|
// formatDate|[BAG legs]|keepUpToDate|chartOptions — 23 fields for a stock (no version since v124).
struct ReqHistoricalData {
  static constexpr ToServerId kId = ToServerId::kReqHistoricalData;
  static constexpr std::string_view kName = "REQ_HISTORICAL_DATA";
  int req_id = 0;
  WireContract contract;      // include_expired travels
  std::string end_date_time;  // "" = now; "yyyyMMdd HH:mm:ss <tz>" or UTC "yyyyMMdd-HH:mm:ss"
  std::string bar_size_setting = "1 day";  // "1 secs" ... "1 month"
  std::string duration = "1 D";            // "<n> S|D|W|M|Y"
  bool use_rth = true;
  std::string what_to_show = "TRADES";  // SCHEDULE needs v >= 165
  int format_date = 1;                  // 1 text, 2 epoch seconds
  bool keep_up_to_date = false;         // then HISTORICAL_DATA_UPDATE streams
  TagValueList chart_options;
  friend bool operator==(const ReqHistoricalData&, const ReqHistoricalData&) = default;
};

struct HistoricalBar {
  std::string date;  // "yyyyMMdd" daily; intraday per formatDate (text or epoch seconds)
  double open = 0.0;
  double high = 0.0;
  double low = 0.0;
  double close = 0.0;
  std::optional<Quantity> volume;  // -1 for non-TRADES data
  std::optional<Price> wap;
  int bar_count = 0;
  friend bool operator==(const HistoricalBar&, const HistoricalBar&) = default;
};

// 17|reqId|startDateStr|endDateStr|barCount|N x (date, open, high, low, close, volume, wap,
// barCount) — every bar in one message; below v196 it also ends the download.
struct HistoricalData {
  static constexpr ToClientId kId = ToClientId::kHistoricalData;
  static constexpr std::string_view kName = "HISTORICAL_DATA";
  int req_id = 0;
  std::string start_date;
  std::string end_date;
  std::vector<HistoricalBar> bars;
  friend bool operator==(const HistoricalData&, const HistoricalData&) = default;
};

// 90|reqId|barCount|date|open|close|high|low|wap|volume — note open, close, high, low.
struct HistoricalDataUpdate {
  static constexpr ToClientId kId = ToClientId::kHistoricalDataUpdate;
  static constexpr std::string_view kName = "HISTORICAL_DATA_UPDATE";
  int req_id = 0;
  HistoricalBar bar;
  friend bool operator==(const HistoricalDataUpdate&, const HistoricalDataUpdate&) = default;
};

// 25|1|reqId
struct CancelHistoricalData {
  static constexpr ToServerId kId = ToServerId::kCancelHistoricalData;
  static constexpr std::string_view kName = "CANCEL_HISTORICAL_DATA";
  int req_id = 0;
  friend bool operator==(const CancelHistoricalData&, const CancelHistoricalData&) = default;
};

void write_fields(FieldWriter& w, const ReqRealTimeBars& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqRealTimeBars& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const RealTimeBars& m, const Capabilities& caps);
void read_fields(FieldReader& r, RealTimeBars& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const CancelRealTimeBars& m, const Capabilities& caps);
void read_fields(FieldReader& r, CancelRealTimeBars& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqHistoricalData& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqHistoricalData& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const HistoricalData& m, const Capabilities& caps);
void read_fields(FieldReader& r, HistoricalData& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const HistoricalDataUpdate& m, const Capabilities& caps);
void read_fields(FieldReader& r, HistoricalDataUpdate& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const CancelHistoricalData& m, const Capabilities& caps);
void read_fields(FieldReader& r, CancelHistoricalData& m, const Capabilities& caps);

}  // namespace ibtrade::tws
