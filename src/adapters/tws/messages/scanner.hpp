// Market scanner: REQ_SCANNER_SUBSCRIPTION with its filter tag-values, SCANNER_DATA, the cancel,
// and the parameters XML (protocol doc 3.8, 4.1, 4.15, 6). Plain message values with their
// field codecs; no threading rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/message_ids.hpp"
#include "adapters/tws/messages/common.hpp"
#include "adapters/tws/wire/fields.hpp"

namespace ibtrade::tws {

// IB's ScannerSubscription. The legacy numeric filters still exist; IB documents the
// TagValue filter options (ReqScannerSubscription::filter_options) as the way to filter.
struct ScannerSubscription {
  int number_of_rows = -1;    // -1 = not specified (at most 50)
  std::string instrument;     // STK
  std::string location_code;  // STK.US.MAJOR
  std::string scan_code;      // TOP_PERC_GAIN
  std::optional<double> above_price;
  std::optional<double> below_price;
  std::optional<int> above_volume;
  std::optional<double> market_cap_above;
  std::optional<double> market_cap_below;
  std::string moody_rating_above;
  std::string moody_rating_below;
  std::string sp_rating_above;
  std::string sp_rating_below;
  std::string maturity_date_above;
  std::string maturity_date_below;
  std::optional<double> coupon_rate_above;
  std::optional<double> coupon_rate_below;
  bool exclude_convertible = false;
  std::optional<int> average_option_volume_above;
  std::string scanner_setting_pairs;
  std::string stock_type_filter;  // ALL, CORP, ADR, ETF, ... (values uncertain)
  friend bool operator==(const ScannerSubscription&, const ScannerSubscription&) = default;
};

// 22|reqId|subscription (21 fields)|filterOptions|subscriptionOptions — 25 fields, no version
// since v143. Note the order: filter options before subscription options.
struct ReqScannerSubscription {
  static constexpr ToServerId kId = ToServerId::kReqScannerSubscription;
  static constexpr std::string_view kName = "REQ_SCANNER_SUBSCRIPTION";
  int req_id = 0;
  ScannerSubscription subscription;
  TagValueList filter_options;        // priceAbove=5;marketCapAbove1e6=100;
  TagValueList subscription_options;  // "internal use" per IB; empty
  friend bool operator==(const ReqScannerSubscription&, const ReqScannerSubscription&) = default;
};

struct ScannerRow {
  int rank = 0;           // 0-based
  WireContract contract;  // conId, symbol, secType, lastTrade, strike, right, exchange,
                          // currency, localSymbol, tradingClass
  std::string market_name;
  std::string distance;
  std::string benchmark;
  std::string projection;
  std::string legs;  // combo legs description
  friend bool operator==(const ScannerRow&, const ScannerRow&) = default;
};

// 20|3|reqId|N|N x 16 fields — a complete snapshot of the result list each time; there is no
// separate end message (clients raise "scanner data end" after each one).
struct ScannerData {
  static constexpr ToClientId kId = ToClientId::kScannerData;
  static constexpr std::string_view kName = "SCANNER_DATA";
  int req_id = 0;
  std::vector<ScannerRow> rows;
  friend bool operator==(const ScannerData&, const ScannerData&) = default;
};

// 23|1|reqId
struct CancelScannerSubscription {
  static constexpr ToServerId kId = ToServerId::kCancelScannerSubscription;
  static constexpr std::string_view kName = "CANCEL_SCANNER_SUBSCRIPTION";
  int req_id = 0;
  friend bool operator==(const CancelScannerSubscription&,
                         const CancelScannerSubscription&) = default;
};

// 24|1
struct ReqScannerParameters {
  static constexpr ToServerId kId = ToServerId::kReqScannerParameters;
  static constexpr std::string_view kName = "REQ_SCANNER_PARAMETERS";
  friend bool operator==(const ReqScannerParameters&, const ReqScannerParameters&) = default;
};

// 19|1|xml — the <ScanParameterResponse> document (instruments, locations, scan codes, filters).
struct ScannerParameters {
  static constexpr ToClientId kId = ToClientId::kScannerParameters;
  static constexpr std::string_view kName = "SCANNER_PARAMETERS";
  std::string xml;
  friend bool operator==(const ScannerParameters&, const ScannerParameters&) = default;
};

void write_fields(FieldWriter& w, const ReqScannerSubscription& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqScannerSubscription& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ScannerData& m, const Capabilities& caps);
void read_fields(FieldReader& r, ScannerData& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const CancelScannerSubscription& m, const Capabilities& caps);
void read_fields(FieldReader& r, CancelScannerSubscription& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqScannerParameters& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqScannerParameters& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ScannerParameters& m, const Capabilities& caps);
void read_fields(FieldReader& r, ScannerParameters& m, const Capabilities& caps);

}  // namespace ibtrade::tws
