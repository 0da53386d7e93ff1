#include "adapters/tws/message_ids.hpp"

namespace ibtrade::tws {

std::string_view name_of(ToServerId id) {
  switch (id) {
    case ToServerId::kReqMktData:
      return "REQ_MKT_DATA";
    case ToServerId::kCancelMktData:
      return "CANCEL_MKT_DATA";
    case ToServerId::kPlaceOrder:
      return "PLACE_ORDER";
    case ToServerId::kCancelOrder:
      return "CANCEL_ORDER";
    case ToServerId::kReqOpenOrders:
      return "REQ_OPEN_ORDERS";
    case ToServerId::kReqAcctData:
      return "REQ_ACCT_DATA";
    case ToServerId::kReqExecutions:
      return "REQ_EXECUTIONS";
    case ToServerId::kReqIds:
      return "REQ_IDS";
    case ToServerId::kReqContractData:
      return "REQ_CONTRACT_DATA";
    case ToServerId::kReqAutoOpenOrders:
      return "REQ_AUTO_OPEN_ORDERS";
    case ToServerId::kReqAllOpenOrders:
      return "REQ_ALL_OPEN_ORDERS";
    case ToServerId::kReqManagedAccts:
      return "REQ_MANAGED_ACCTS";
    case ToServerId::kReqHistoricalData:
      return "REQ_HISTORICAL_DATA";
    case ToServerId::kReqScannerSubscription:
      return "REQ_SCANNER_SUBSCRIPTION";
    case ToServerId::kCancelScannerSubscription:
      return "CANCEL_SCANNER_SUBSCRIPTION";
    case ToServerId::kReqScannerParameters:
      return "REQ_SCANNER_PARAMETERS";
    case ToServerId::kCancelHistoricalData:
      return "CANCEL_HISTORICAL_DATA";
    case ToServerId::kReqCurrentTime:
      return "REQ_CURRENT_TIME";
    case ToServerId::kReqRealTimeBars:
      return "REQ_REAL_TIME_BARS";
    case ToServerId::kCancelRealTimeBars:
      return "CANCEL_REAL_TIME_BARS";
    case ToServerId::kReqGlobalCancel:
      return "REQ_GLOBAL_CANCEL";
    case ToServerId::kReqMarketDataType:
      return "REQ_MARKET_DATA_TYPE";
    case ToServerId::kReqPositions:
      return "REQ_POSITIONS";
    case ToServerId::kReqAccountSummary:
      return "REQ_ACCOUNT_SUMMARY";
    case ToServerId::kCancelAccountSummary:
      return "CANCEL_ACCOUNT_SUMMARY";
    case ToServerId::kCancelPositions:
      return "CANCEL_POSITIONS";
    case ToServerId::kStartApi:
      return "START_API";
    case ToServerId::kReqAccountUpdatesMulti:
      return "REQ_ACCOUNT_UPDATES_MULTI";
    case ToServerId::kCancelAccountUpdatesMulti:
      return "CANCEL_ACCOUNT_UPDATES_MULTI";
    case ToServerId::kReqCompletedOrders:
      return "REQ_COMPLETED_ORDERS";
  }
  return "UNKNOWN";
}

std::string_view name_of(ToClientId id) {
  switch (id) {
    case ToClientId::kTickPrice:
      return "TICK_PRICE";
    case ToClientId::kTickSize:
      return "TICK_SIZE";
    case ToClientId::kOrderStatus:
      return "ORDER_STATUS";
    case ToClientId::kErrMsg:
      return "ERR_MSG";
    case ToClientId::kOpenOrder:
      return "OPEN_ORDER";
    case ToClientId::kAcctValue:
      return "ACCT_VALUE";
    case ToClientId::kPortfolioValue:
      return "PORTFOLIO_VALUE";
    case ToClientId::kAcctUpdateTime:
      return "ACCT_UPDATE_TIME";
    case ToClientId::kNextValidId:
      return "NEXT_VALID_ID";
    case ToClientId::kContractData:
      return "CONTRACT_DATA";
    case ToClientId::kExecutionData:
      return "EXECUTION_DATA";
    case ToClientId::kManagedAccts:
      return "MANAGED_ACCTS";
    case ToClientId::kHistoricalData:
      return "HISTORICAL_DATA";
    case ToClientId::kScannerParameters:
      return "SCANNER_PARAMETERS";
    case ToClientId::kScannerData:
      return "SCANNER_DATA";
    case ToClientId::kTickGeneric:
      return "TICK_GENERIC";
    case ToClientId::kTickString:
      return "TICK_STRING";
    case ToClientId::kCurrentTime:
      return "CURRENT_TIME";
    case ToClientId::kRealTimeBars:
      return "REAL_TIME_BARS";
    case ToClientId::kContractDataEnd:
      return "CONTRACT_DATA_END";
    case ToClientId::kOpenOrderEnd:
      return "OPEN_ORDER_END";
    case ToClientId::kAcctDownloadEnd:
      return "ACCT_DOWNLOAD_END";
    case ToClientId::kExecutionDataEnd:
      return "EXECUTION_DATA_END";
    case ToClientId::kTickSnapshotEnd:
      return "TICK_SNAPSHOT_END";
    case ToClientId::kMarketDataType:
      return "MARKET_DATA_TYPE";
    case ToClientId::kCommissionReport:
      return "COMMISSION_REPORT";
    case ToClientId::kPositionData:
      return "POSITION_DATA";
    case ToClientId::kPositionEnd:
      return "POSITION_END";
    case ToClientId::kAccountSummary:
      return "ACCOUNT_SUMMARY";
    case ToClientId::kAccountSummaryEnd:
      return "ACCOUNT_SUMMARY_END";
    case ToClientId::kAccountUpdateMulti:
      return "ACCOUNT_UPDATE_MULTI";
    case ToClientId::kAccountUpdateMultiEnd:
      return "ACCOUNT_UPDATE_MULTI_END";
    case ToClientId::kTickReqParams:
      return "TICK_REQ_PARAMS";
    case ToClientId::kHistoricalDataUpdate:
      return "HISTORICAL_DATA_UPDATE";
    case ToClientId::kCompletedOrdersEnd:
      return "COMPLETED_ORDERS_END";
  }
  return "UNKNOWN";
}

}  // namespace ibtrade::tws
