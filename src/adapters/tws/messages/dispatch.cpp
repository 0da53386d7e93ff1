#include "adapters/tws/messages/dispatch.hpp"

#include <type_traits>

#include "adapters/tws/messages/codec.hpp"

namespace ibtrade::tws {
namespace {

template <class M, class Variant>
Result<Variant> decode_as(std::string_view payload, const Capabilities& caps, Trailing trailing) {
  auto message = decode<M>(payload, caps, trailing);
  if (!message) return message.error();
  return Variant(std::move(*message));
}

// The id of a payload, or the error of reading it.
Result<int> read_id(std::string_view payload, std::string_view direction) {
  FieldReader r(payload, direction);
  const int id = r.int32("msgId");
  if (!r.ok()) return r.error();
  return id;
}

template <class Variant>
Result<Variant> decode_unknown(std::string_view payload, int id) {
  const std::string name = "UNKNOWN(" + std::to_string(id) + ")";  // outlives the reader
  FieldReader r(payload, name);
  r.skip("msgId");
  UnknownMessage m;
  m.id = id;
  while (r.ok() && !r.at_end())
    m.fields.push_back(r.string("field"));
  if (auto status = r.finish(Trailing::kReject); !status) return status.error();
  return Variant(std::move(m));
}

template <class Variant>
std::string encode_variant(const Variant& message, const Capabilities& caps) {
  return std::visit(
      [&](const auto& m) -> std::string {
        using M = std::remove_cvref_t<decltype(m)>;
        if constexpr (std::is_same_v<M, UnknownMessage>) {
          FieldWriter w(Dialect::kClient);
          w.integer(m.id);
          write_fields(w, m, caps);
          return std::move(w).take();
        } else {
          return encode(m, caps);
        }
      },
      message);
}

template <class Variant>
std::string name_of_variant(const Variant& message) {
  return std::visit(
      [](const auto& m) -> std::string {
        using M = std::remove_cvref_t<decltype(m)>;
        if constexpr (std::is_same_v<M, UnknownMessage>) {
          return "UNKNOWN(" + std::to_string(m.id) + ")";
        } else {
          return std::string(M::kName);
        }
      },
      message);
}

}  // namespace

void write_fields(FieldWriter& w, const UnknownMessage& m, const Capabilities&) {
  for (const auto& field : m.fields)
    w.string(field);
}

Result<ToServerMessage> decode_to_server_message(std::string_view payload, const Capabilities& caps,
                                                 Trailing trailing) {
  auto id = read_id(payload, "client message");
  if (!id) return id.error();
  using V = ToServerMessage;
  switch (static_cast<ToServerId>(*id)) {
    case ToServerId::kReqMktData:
      return decode_as<ReqMktData, V>(payload, caps, trailing);
    case ToServerId::kCancelMktData:
      return decode_as<CancelMktData, V>(payload, caps, trailing);
    case ToServerId::kPlaceOrder:
      return decode_as<PlaceOrder, V>(payload, caps, trailing);
    case ToServerId::kCancelOrder:
      return decode_as<CancelOrder, V>(payload, caps, trailing);
    case ToServerId::kReqOpenOrders:
      return decode_as<ReqOpenOrders, V>(payload, caps, trailing);
    case ToServerId::kReqAcctData:
      return decode_as<ReqAcctData, V>(payload, caps, trailing);
    case ToServerId::kReqExecutions:
      return decode_as<ReqExecutions, V>(payload, caps, trailing);
    case ToServerId::kReqIds:
      return decode_as<ReqIds, V>(payload, caps, trailing);
    case ToServerId::kReqContractData:
      return decode_as<ReqContractData, V>(payload, caps, trailing);
    case ToServerId::kReqAutoOpenOrders:
      return decode_as<ReqAutoOpenOrders, V>(payload, caps, trailing);
    case ToServerId::kReqAllOpenOrders:
      return decode_as<ReqAllOpenOrders, V>(payload, caps, trailing);
    case ToServerId::kReqManagedAccts:
      return decode_as<ReqManagedAccts, V>(payload, caps, trailing);
    case ToServerId::kReqHistoricalData:
      return decode_as<ReqHistoricalData, V>(payload, caps, trailing);
    case ToServerId::kReqScannerSubscription:
      return decode_as<ReqScannerSubscription, V>(payload, caps, trailing);
    case ToServerId::kCancelScannerSubscription:
      return decode_as<CancelScannerSubscription, V>(payload, caps, trailing);
    case ToServerId::kReqScannerParameters:
      return decode_as<ReqScannerParameters, V>(payload, caps, trailing);
    case ToServerId::kCancelHistoricalData:
      return decode_as<CancelHistoricalData, V>(payload, caps, trailing);
    case ToServerId::kReqCurrentTime:
      return decode_as<ReqCurrentTime, V>(payload, caps, trailing);
    case ToServerId::kReqRealTimeBars:
      return decode_as<ReqRealTimeBars, V>(payload, caps, trailing);
    case ToServerId::kCancelRealTimeBars:
      return decode_as<CancelRealTimeBars, V>(payload, caps, trailing);
    case ToServerId::kReqGlobalCancel:
      return decode_as<ReqGlobalCancel, V>(payload, caps, trailing);
    case ToServerId::kReqMarketDataType:
      return decode_as<ReqMarketDataType, V>(payload, caps, trailing);
    case ToServerId::kReqPositions:
      return decode_as<ReqPositions, V>(payload, caps, trailing);
    case ToServerId::kReqAccountSummary:
      return decode_as<ReqAccountSummary, V>(payload, caps, trailing);
    case ToServerId::kCancelAccountSummary:
      return decode_as<CancelAccountSummary, V>(payload, caps, trailing);
    case ToServerId::kCancelPositions:
      return decode_as<CancelPositions, V>(payload, caps, trailing);
    case ToServerId::kStartApi:
      return decode_as<StartApi, V>(payload, caps, trailing);
    case ToServerId::kReqAccountUpdatesMulti:
      return decode_as<ReqAccountUpdatesMulti, V>(payload, caps, trailing);
    case ToServerId::kCancelAccountUpdatesMulti:
      return decode_as<CancelAccountUpdatesMulti, V>(payload, caps, trailing);
    case ToServerId::kReqCompletedOrders:
      return decode_as<ReqCompletedOrders, V>(payload, caps, trailing);
  }
  return decode_unknown<V>(payload, *id);
}

Result<ToClientMessage> decode_to_client_message(std::string_view payload, const Capabilities& caps,
                                                 Trailing trailing) {
  auto id = read_id(payload, "server message");
  if (!id) return id.error();
  using V = ToClientMessage;
  switch (static_cast<ToClientId>(*id)) {
    case ToClientId::kTickPrice:
      return decode_as<TickPrice, V>(payload, caps, trailing);
    case ToClientId::kTickSize:
      return decode_as<TickSize, V>(payload, caps, trailing);
    case ToClientId::kOrderStatus:
      return decode_as<OrderStatus, V>(payload, caps, trailing);
    case ToClientId::kErrMsg:
      return decode_as<ErrMsg, V>(payload, caps, trailing);
    case ToClientId::kOpenOrder:
      return decode_as<OpenOrder, V>(payload, caps, trailing);
    case ToClientId::kAcctValue:
      return decode_as<AcctValue, V>(payload, caps, trailing);
    case ToClientId::kPortfolioValue:
      return decode_as<PortfolioValue, V>(payload, caps, trailing);
    case ToClientId::kAcctUpdateTime:
      return decode_as<AcctUpdateTime, V>(payload, caps, trailing);
    case ToClientId::kNextValidId:
      return decode_as<NextValidId, V>(payload, caps, trailing);
    case ToClientId::kContractData:
      return decode_as<ContractData, V>(payload, caps, trailing);
    case ToClientId::kExecutionData:
      return decode_as<ExecutionData, V>(payload, caps, trailing);
    case ToClientId::kManagedAccts:
      return decode_as<ManagedAccts, V>(payload, caps, trailing);
    case ToClientId::kHistoricalData:
      return decode_as<HistoricalData, V>(payload, caps, trailing);
    case ToClientId::kScannerParameters:
      return decode_as<ScannerParameters, V>(payload, caps, trailing);
    case ToClientId::kScannerData:
      return decode_as<ScannerData, V>(payload, caps, trailing);
    case ToClientId::kTickGeneric:
      return decode_as<TickGeneric, V>(payload, caps, trailing);
    case ToClientId::kTickString:
      return decode_as<TickString, V>(payload, caps, trailing);
    case ToClientId::kCurrentTime:
      return decode_as<CurrentTime, V>(payload, caps, trailing);
    case ToClientId::kRealTimeBars:
      return decode_as<RealTimeBars, V>(payload, caps, trailing);
    case ToClientId::kContractDataEnd:
      return decode_as<ContractDataEnd, V>(payload, caps, trailing);
    case ToClientId::kOpenOrderEnd:
      return decode_as<OpenOrderEnd, V>(payload, caps, trailing);
    case ToClientId::kAcctDownloadEnd:
      return decode_as<AcctDownloadEnd, V>(payload, caps, trailing);
    case ToClientId::kExecutionDataEnd:
      return decode_as<ExecutionDataEnd, V>(payload, caps, trailing);
    case ToClientId::kTickSnapshotEnd:
      return decode_as<TickSnapshotEnd, V>(payload, caps, trailing);
    case ToClientId::kMarketDataType:
      return decode_as<MarketDataType, V>(payload, caps, trailing);
    case ToClientId::kCommissionReport:
      return decode_as<CommissionReport, V>(payload, caps, trailing);
    case ToClientId::kPositionData:
      return decode_as<PositionData, V>(payload, caps, trailing);
    case ToClientId::kPositionEnd:
      return decode_as<PositionEnd, V>(payload, caps, trailing);
    case ToClientId::kAccountSummary:
      return decode_as<AccountSummary, V>(payload, caps, trailing);
    case ToClientId::kAccountSummaryEnd:
      return decode_as<AccountSummaryEnd, V>(payload, caps, trailing);
    case ToClientId::kAccountUpdateMulti:
      return decode_as<AccountUpdateMulti, V>(payload, caps, trailing);
    case ToClientId::kAccountUpdateMultiEnd:
      return decode_as<AccountUpdateMultiEnd, V>(payload, caps, trailing);
    case ToClientId::kTickReqParams:
      return decode_as<TickReqParams, V>(payload, caps, trailing);
    case ToClientId::kHistoricalDataUpdate:
      return decode_as<HistoricalDataUpdate, V>(payload, caps, trailing);
    case ToClientId::kCompletedOrdersEnd:
      return decode_as<CompletedOrdersEnd, V>(payload, caps, trailing);
  }
  return decode_unknown<V>(payload, *id);
}

std::string encode_message(const ToServerMessage& message, const Capabilities& caps) {
  return encode_variant(message, caps);
}
std::string encode_message(const ToClientMessage& message, const Capabilities& caps) {
  return encode_variant(message, caps);
}

std::string message_name(const ToServerMessage& message) {
  return name_of_variant(message);
}
std::string message_name(const ToClientMessage& message) {
  return name_of_variant(message);
}

}  // namespace ibtrade::tws
