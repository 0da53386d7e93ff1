#include "engine/risk_gate.hpp"

namespace ibtrade::engine {

std::string_view to_string(DenialReason reason) {
  switch (reason) {
    case DenialReason::kNone:
      return "none";
    case DenialReason::kHalted:
      return "halted";
    case DenialReason::kReducingOnly:
      return "reducing_only";
    case DenialReason::kMaxOrderValue:
      return "max_order_value";
    case DenialReason::kMaxPosition:
      return "max_position";
    case DenialReason::kMaxGrossExposure:
      return "max_gross_exposure";
    case DenialReason::kMaxOpenOrders:
      return "max_open_orders";
    case DenialReason::kOrderRate:
      return "order_rate";
    case DenialReason::kCancelRate:
      return "cancel_rate";
    case DenialReason::kPriceCollar:
      return "price_collar";
    case DenialReason::kShortSellingNotAllowed:
      return "short_selling_not_allowed";
    case DenialReason::kOutsideTradingHours:
      return "outside_trading_hours";
    case DenialReason::kDailyLossLimit:
      return "daily_loss_limit";
    case DenialReason::kNoPrice:
      return "no_price";
    case DenialReason::kInvalidOrder:
      return "invalid_order";
    case DenialReason::kDuplicateOrderId:
      return "duplicate_order_id";
  }
  return "unknown";
}

}  // namespace ibtrade::engine
