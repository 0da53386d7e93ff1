// Decoding a frame of either direction into whichever message its id names, and encoding any of
// them back: what the client's and the simulator's read loops call. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/messages/account.hpp"
#include "adapters/tws/messages/bars.hpp"
#include "adapters/tws/messages/contracts.hpp"
#include "adapters/tws/messages/errors.hpp"
#include "adapters/tws/messages/executions.hpp"
#include "adapters/tws/messages/market_data.hpp"
#include "adapters/tws/messages/orders.hpp"
#include "adapters/tws/messages/scanner.hpp"
#include "adapters/tws/messages/session.hpp"
#include "core/result.hpp"

namespace ibtrade::tws {

// A message whose id this adapter does not cover: kept, not failed, since the peer may send
// messages we don't use (protocol doc Appendix B). `fields` follow the id.
struct UnknownMessage {
  int id = 0;
  std::vector<std::string> fields;
  friend bool operator==(const UnknownMessage&, const UnknownMessage&) = default;
};

// Client -> server.
using ToServerMessage =
    std::variant<UnknownMessage, StartApi, ReqIds, ReqCurrentTime, ReqManagedAccts,
                 ReqAccountSummary, CancelAccountSummary, ReqAcctData, ReqPositions,
                 CancelPositions, ReqAccountUpdatesMulti, CancelAccountUpdatesMulti, PlaceOrder,
                 CancelOrder, ReqGlobalCancel, ReqOpenOrders, ReqAllOpenOrders, ReqAutoOpenOrders,
                 ReqCompletedOrders, ReqExecutions, ReqMktData, CancelMktData, ReqMarketDataType,
                 ReqRealTimeBars, CancelRealTimeBars, ReqHistoricalData, CancelHistoricalData,
                 ReqContractData, ReqScannerSubscription, CancelScannerSubscription,
                 ReqScannerParameters>;

// Server -> client.
using ToClientMessage =
    std::variant<UnknownMessage, NextValidId, CurrentTime, ManagedAccts, ErrMsg, AccountSummary,
                 AccountSummaryEnd, AcctValue, PortfolioValue, AcctUpdateTime, AcctDownloadEnd,
                 PositionData, PositionEnd, AccountUpdateMulti, AccountUpdateMultiEnd, OpenOrder,
                 OpenOrderEnd, OrderStatus, CompletedOrdersEnd, ExecutionData, ExecutionDataEnd,
                 CommissionReport, TickPrice, TickSize, TickString, TickGeneric, TickSnapshotEnd,
                 MarketDataType, TickReqParams, RealTimeBars, HistoricalData, HistoricalDataUpdate,
                 ContractData, ContractDataEnd, ScannerData, ScannerParameters>;

// The message in one frame's payload. Unknown ids give UnknownMessage; a known id with a
// malformed body gives an error naming the message and the field.
Result<ToServerMessage> decode_to_server_message(std::string_view payload,
                                                 const Capabilities& caps = kCapabilities178,
                                                 Trailing trailing = Trailing::kReject);
Result<ToClientMessage> decode_to_client_message(std::string_view payload,
                                                 const Capabilities& caps = kCapabilities178,
                                                 Trailing trailing = Trailing::kReject);

// The payload of whichever message `message` holds.
std::string encode_message(const ToServerMessage& message,
                           const Capabilities& caps = kCapabilities178);
std::string encode_message(const ToClientMessage& message,
                           const Capabilities& caps = kCapabilities178);

// IB's name of the message held ("PLACE_ORDER"; "UNKNOWN(<id>)" for an unknown one).
std::string message_name(const ToServerMessage& message);
std::string message_name(const ToClientMessage& message);

void write_fields(FieldWriter& w, const UnknownMessage& m, const Capabilities& caps);

}  // namespace ibtrade::tws
