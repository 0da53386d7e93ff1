// Account messages: account summary, the account-update stream (values, portfolio, time, end),
// positions, and the per-account "multi" updates ib_insync waits for on connect (protocol doc
// 3.2, 4.1, 4.3-4.5). Plain message values with their field codecs; no threading rule.
#pragma once

#include <string>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/message_ids.hpp"
#include "adapters/tws/messages/common.hpp"
#include "adapters/tws/wire/fields.hpp"
#include "core/fixed_point.hpp"

namespace ibtrade::tws {

// 62|1|reqId|group|tags
struct ReqAccountSummary {
  static constexpr ToServerId kId = ToServerId::kReqAccountSummary;
  static constexpr std::string_view kName = "REQ_ACCOUNT_SUMMARY";
  int req_id = 0;
  std::string group = "All";
  std::string tags;  // comma list: "NetLiquidation,BuyingPower"
  friend bool operator==(const ReqAccountSummary&, const ReqAccountSummary&) = default;
};

// 63|1|reqId|account|tag|value|currency
struct AccountSummary {
  static constexpr ToClientId kId = ToClientId::kAccountSummary;
  static constexpr std::string_view kName = "ACCOUNT_SUMMARY";
  int req_id = 0;
  std::string account;
  std::string tag;
  std::string value;  // text: "100000.00", "true", "INDIVIDUAL"
  std::string currency;
  friend bool operator==(const AccountSummary&, const AccountSummary&) = default;
};

// 64|1|reqId
struct AccountSummaryEnd {
  static constexpr ToClientId kId = ToClientId::kAccountSummaryEnd;
  static constexpr std::string_view kName = "ACCOUNT_SUMMARY_END";
  int req_id = 0;
  friend bool operator==(const AccountSummaryEnd&, const AccountSummaryEnd&) = default;
};

// 63|1|reqId
struct CancelAccountSummary {
  static constexpr ToServerId kId = ToServerId::kCancelAccountSummary;
  static constexpr std::string_view kName = "CANCEL_ACCOUNT_SUMMARY";
  int req_id = 0;
  friend bool operator==(const CancelAccountSummary&, const CancelAccountSummary&) = default;
};

// 6|2|subscribe|acctCode (reqAccountUpdates; subscribe=0 unsubscribes, with no reply)
struct ReqAcctData {
  static constexpr ToServerId kId = ToServerId::kReqAcctData;
  static constexpr std::string_view kName = "REQ_ACCT_DATA";
  bool subscribe = true;
  std::string account;
  friend bool operator==(const ReqAcctData&, const ReqAcctData&) = default;
};

// 6|2|key|value|currency|accountName
struct AcctValue {
  static constexpr ToClientId kId = ToClientId::kAcctValue;
  static constexpr std::string_view kName = "ACCT_VALUE";
  std::string key;
  std::string value;
  std::string currency;
  std::string account;
  friend bool operator==(const AcctValue&, const AcctValue&) = default;
};

// 7|8|conId|symbol|secType|lastTradeDateOrContractMonth|strike|right|multiplier|primaryExchange|
// currency|localSymbol|tradingClass|position|marketPrice|marketValue|averageCost|unrealizedPNL|
// realizedPNL|accountName — 20 fields.
struct PortfolioValue {
  static constexpr ToClientId kId = ToClientId::kPortfolioValue;
  static constexpr std::string_view kName = "PORTFOLIO_VALUE";
  WireContract contract;  // primary_exchange, not exchange, is carried
  Quantity position;
  double market_price = 0.0;
  double market_value = 0.0;
  double average_cost = 0.0;
  double unrealized_pnl = 0.0;
  double realized_pnl = 0.0;
  std::string account;
  friend bool operator==(const PortfolioValue&, const PortfolioValue&) = default;
};

// 8|1|timeStamp ("HH:mm")
struct AcctUpdateTime {
  static constexpr ToClientId kId = ToClientId::kAcctUpdateTime;
  static constexpr std::string_view kName = "ACCT_UPDATE_TIME";
  std::string time;
  friend bool operator==(const AcctUpdateTime&, const AcctUpdateTime&) = default;
};

// 54|1|accountName
struct AcctDownloadEnd {
  static constexpr ToClientId kId = ToClientId::kAcctDownloadEnd;
  static constexpr std::string_view kName = "ACCT_DOWNLOAD_END";
  std::string account;
  friend bool operator==(const AcctDownloadEnd&, const AcctDownloadEnd&) = default;
};

// 61|1
struct ReqPositions {
  static constexpr ToServerId kId = ToServerId::kReqPositions;
  static constexpr std::string_view kName = "REQ_POSITIONS";
  friend bool operator==(const ReqPositions&, const ReqPositions&) = default;
};

// 61|3|account|conId|symbol|secType|lastTradeDateOrContractMonth|strike|right|multiplier|
// exchange|currency|localSymbol|tradingClass|position|avgCost — 16 fields.
struct PositionData {
  static constexpr ToClientId kId = ToClientId::kPositionData;
  static constexpr std::string_view kName = "POSITION_DATA";
  std::string account;
  WireContract contract;  // exchange (TWS reports the listing exchange), no primary_exchange
  Quantity position;      // signed: negative is short, 0 closed
  double avg_cost = 0.0;  // per share incl. commissions; x multiplier for options
  friend bool operator==(const PositionData&, const PositionData&) = default;
};

// 62|1
struct PositionEnd {
  static constexpr ToClientId kId = ToClientId::kPositionEnd;
  static constexpr std::string_view kName = "POSITION_END";
  friend bool operator==(const PositionEnd&, const PositionEnd&) = default;
};

// 64|1
struct CancelPositions {
  static constexpr ToServerId kId = ToServerId::kCancelPositions;
  static constexpr std::string_view kName = "CANCEL_POSITIONS";
  friend bool operator==(const CancelPositions&, const CancelPositions&) = default;
};

// 76|1|reqId|account|modelCode|ledgerAndNLV
struct ReqAccountUpdatesMulti {
  static constexpr ToServerId kId = ToServerId::kReqAccountUpdatesMulti;
  static constexpr std::string_view kName = "REQ_ACCOUNT_UPDATES_MULTI";
  int req_id = 0;
  std::string account;
  std::string model_code;
  bool ledger_and_nlv = false;
  friend bool operator==(const ReqAccountUpdatesMulti&, const ReqAccountUpdatesMulti&) = default;
};

// 73|1|reqId|account|modelCode|key|value|currency
struct AccountUpdateMulti {
  static constexpr ToClientId kId = ToClientId::kAccountUpdateMulti;
  static constexpr std::string_view kName = "ACCOUNT_UPDATE_MULTI";
  int req_id = 0;
  std::string account;
  std::string model_code;
  std::string key;
  std::string value;
  std::string currency;
  friend bool operator==(const AccountUpdateMulti&, const AccountUpdateMulti&) = default;
};

// 74|1|reqId
struct AccountUpdateMultiEnd {
  static constexpr ToClientId kId = ToClientId::kAccountUpdateMultiEnd;
  static constexpr std::string_view kName = "ACCOUNT_UPDATE_MULTI_END";
  int req_id = 0;
  friend bool operator==(const AccountUpdateMultiEnd&, const AccountUpdateMultiEnd&) = default;
};

// 77|1|reqId
struct CancelAccountUpdatesMulti {
  static constexpr ToServerId kId = ToServerId::kCancelAccountUpdatesMulti;
  static constexpr std::string_view kName = "CANCEL_ACCOUNT_UPDATES_MULTI";
  int req_id = 0;
  friend bool operator==(const CancelAccountUpdatesMulti&,
                         const CancelAccountUpdatesMulti&) = default;
};

void write_fields(FieldWriter& w, const ReqAccountSummary& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqAccountSummary& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const AccountSummary& m, const Capabilities& caps);
void read_fields(FieldReader& r, AccountSummary& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const AccountSummaryEnd& m, const Capabilities& caps);
void read_fields(FieldReader& r, AccountSummaryEnd& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const CancelAccountSummary& m, const Capabilities& caps);
void read_fields(FieldReader& r, CancelAccountSummary& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqAcctData& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqAcctData& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const AcctValue& m, const Capabilities& caps);
void read_fields(FieldReader& r, AcctValue& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const PortfolioValue& m, const Capabilities& caps);
void read_fields(FieldReader& r, PortfolioValue& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const AcctUpdateTime& m, const Capabilities& caps);
void read_fields(FieldReader& r, AcctUpdateTime& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const AcctDownloadEnd& m, const Capabilities& caps);
void read_fields(FieldReader& r, AcctDownloadEnd& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqPositions& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqPositions& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const PositionData& m, const Capabilities& caps);
void read_fields(FieldReader& r, PositionData& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const PositionEnd& m, const Capabilities& caps);
void read_fields(FieldReader& r, PositionEnd& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const CancelPositions& m, const Capabilities& caps);
void read_fields(FieldReader& r, CancelPositions& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqAccountUpdatesMulti& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqAccountUpdatesMulti& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const AccountUpdateMulti& m, const Capabilities& caps);
void read_fields(FieldReader& r, AccountUpdateMulti& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const AccountUpdateMultiEnd& m, const Capabilities& caps);
void read_fields(FieldReader& r, AccountUpdateMultiEnd& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const CancelAccountUpdatesMulti& m, const Capabilities& caps);
void read_fields(FieldReader& r, CancelAccountUpdatesMulti& m, const Capabilities& caps);

}  // namespace ibtrade::tws
