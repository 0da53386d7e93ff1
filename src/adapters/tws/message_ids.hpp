// Message ids of the TWS API text protocol in each direction (the first field of every frame).
// Plain constants and lookups; no threading rule.
#pragma once

#include <string_view>

namespace ibtrade::tws {

// Client -> server (sent by our client, received by `ibtrade sim`). Only the ids this adapter
// encodes and decodes are listed; others arrive as UnknownMessage.
enum class ToServerId : int {
  kReqMktData = 1,
  kCancelMktData = 2,
  kPlaceOrder = 3,
  kCancelOrder = 4,
  kReqOpenOrders = 5,
  kReqAcctData = 6,
  kReqExecutions = 7,
  kReqIds = 8,
  kReqContractData = 9,
  kReqAutoOpenOrders = 15,
  kReqAllOpenOrders = 16,
  kReqManagedAccts = 17,
  kReqHistoricalData = 20,
  kReqScannerSubscription = 22,
  kCancelScannerSubscription = 23,
  kReqScannerParameters = 24,
  kCancelHistoricalData = 25,
  kReqCurrentTime = 49,
  kReqRealTimeBars = 50,
  kCancelRealTimeBars = 51,
  kReqGlobalCancel = 58,
  kReqMarketDataType = 59,
  kReqPositions = 61,
  kReqAccountSummary = 62,
  kCancelAccountSummary = 63,
  kCancelPositions = 64,
  kStartApi = 71,
  kReqAccountUpdatesMulti = 76,
  kCancelAccountUpdatesMulti = 77,
  kReqCompletedOrders = 99,
};

// Server -> client (sent by `ibtrade sim`, received by our client).
enum class ToClientId : int {
  kTickPrice = 1,
  kTickSize = 2,
  kOrderStatus = 3,
  kErrMsg = 4,
  kOpenOrder = 5,
  kAcctValue = 6,
  kPortfolioValue = 7,
  kAcctUpdateTime = 8,
  kNextValidId = 9,
  kContractData = 10,
  kExecutionData = 11,
  kManagedAccts = 15,
  kHistoricalData = 17,
  kScannerParameters = 19,
  kScannerData = 20,
  kTickGeneric = 45,
  kTickString = 46,
  kCurrentTime = 49,
  kRealTimeBars = 50,
  kContractDataEnd = 52,
  kOpenOrderEnd = 53,
  kAcctDownloadEnd = 54,
  kExecutionDataEnd = 55,
  kTickSnapshotEnd = 57,
  kMarketDataType = 58,
  kCommissionReport = 59,
  kPositionData = 61,
  kPositionEnd = 62,
  kAccountSummary = 63,
  kAccountSummaryEnd = 64,
  kAccountUpdateMulti = 73,
  kAccountUpdateMultiEnd = 74,
  kTickReqParams = 81,
  kHistoricalDataUpdate = 90,
  kCompletedOrdersEnd = 102,
};

// IB's names ("PLACE_ORDER"), or "UNKNOWN" for an id this adapter does not cover.
std::string_view name_of(ToServerId id);
std::string_view name_of(ToClientId id);

}  // namespace ibtrade::tws
