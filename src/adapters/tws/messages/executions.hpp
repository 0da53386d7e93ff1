// Execution messages: REQ_EXECUTIONS with its filter, EXECUTION_DATA, EXECUTION_DATA_END and
// COMMISSION_REPORT (protocol doc 3.3, 4.7, 4.8). Plain message values with their field codecs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/message_ids.hpp"
#include "adapters/tws/messages/common.hpp"
#include "adapters/tws/wire/fields.hpp"
#include "core/fixed_point.hpp"

namespace ibtrade::tws {

// Empty members do not filter.
struct ExecutionFilter {
  int client_id = 0;  // 0 = every client (protocol doc marks the exact semantics uncertain)
  std::string account;
  std::string time;  // "yyyymmdd hh:mm:ss": executions after it
  std::string symbol;
  std::string sec_type;
  std::string exchange;
  std::string side;  // BUY / SELL
  friend bool operator==(const ExecutionFilter&, const ExecutionFilter&) = default;
};

// 7|3|reqId|clientId|acctCode|time|symbol|secType|exchange|side
struct ReqExecutions {
  static constexpr ToServerId kId = ToServerId::kReqExecutions;
  static constexpr std::string_view kName = "REQ_EXECUTIONS";
  int req_id = 0;
  ExecutionFilter filter;
  friend bool operator==(const ReqExecutions&, const ReqExecutions&) = default;
};

// IB's Execution as EXECUTION_DATA carries it.
struct WireExecution {
  std::string exec_id;  // "0000e0d5.6571d3f1.01.01"; corrections reuse the prefix
  std::string time;     // "20231207  09:35:01" (TWS local) or "... America/New_York"
  std::string account;
  std::string exchange;
  std::string side;  // BOT / SLD
  Quantity shares;   // this fill
  double price = 0.0;
  std::int64_t perm_id = 0;
  int client_id = 0;
  int liquidation = 0;
  Quantity cum_qty;
  double avg_price = 0.0;
  std::string order_ref;
  std::string ev_rule;
  std::optional<double> ev_multiplier;  // usually ""
  std::string model_code;
  int last_liquidity = 0;               // 1 added, 2 removed, 3 routed out (meanings uncertain)
  bool pending_price_revision = false;  // v >= 178
  friend bool operator==(const WireExecution&, const WireExecution&) = default;
};

// 11|reqId|orderId|contract(11)|execution... — 32 fields at v178 (no version since v136).
struct ExecutionData {
  static constexpr ToClientId kId = ToClientId::kExecutionData;
  static constexpr std::string_view kName = "EXECUTION_DATA";
  int req_id = -1;  // -1 for unsolicited fills
  int order_id = 0;
  WireContract contract;  // exchange = where it executed; no primary_exchange
  WireExecution execution;
  friend bool operator==(const ExecutionData&, const ExecutionData&) = default;
};

// 55|1|reqId
struct ExecutionDataEnd {
  static constexpr ToClientId kId = ToClientId::kExecutionDataEnd;
  static constexpr std::string_view kName = "EXECUTION_DATA_END";
  int req_id = 0;
  friend bool operator==(const ExecutionDataEnd&, const ExecutionDataEnd&) = default;
};

// 59|1|execId|commission|currency|realizedPNL|yield|yieldRedemptionDate — 8 fields. Renamed
// COMMISSION_AND_FEES_REPORT by ibapi 10.37, same wire format.
struct CommissionReport {
  static constexpr ToClientId kId = ToClientId::kCommissionReport;
  static constexpr std::string_view kName = "COMMISSION_REPORT";
  std::string exec_id;
  double commission = 0.0;
  std::string currency;
  std::optional<double> realized_pnl;  // unset for an opening trade
  std::optional<double> yield;
  int yield_redemption_date = 0;  // yyyymmdd for bonds
  friend bool operator==(const CommissionReport&, const CommissionReport&) = default;
};

void write_fields(FieldWriter& w, const ReqExecutions& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqExecutions& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ExecutionData& m, const Capabilities& caps);
void read_fields(FieldReader& r, ExecutionData& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ExecutionDataEnd& m, const Capabilities& caps);
void read_fields(FieldReader& r, ExecutionDataEnd& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const CommissionReport& m, const Capabilities& caps);
void read_fields(FieldReader& r, CommissionReport& m, const Capabilities& caps);

}  // namespace ibtrade::tws
