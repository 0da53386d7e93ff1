// The question every submit and modify must pass before it reaches a venue, and its answer.
// The order manager asks; the engine answers with the risk engine and current state.
// Single-threaded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/order.hpp"

namespace ibtrade::engine {

enum class DenialReason : std::uint8_t {
  kNone,
  kHalted,        // kill switch: trading state HALTED
  kReducingOnly,  // trading state REDUCING and the order adds exposure
  kMaxOrderValue,
  kMaxPosition,
  kMaxGrossExposure,
  kMaxOpenOrders,
  kOrderRate,    // too many orders per second
  kCancelRate,   // too many cancels per second
  kPriceCollar,  // limit too far from the last price
  kShortSellingNotAllowed,
  kOutsideTradingHours,
  kDailyLossLimit,
  kNoPrice,       // needs a reference price and has none
  kInvalidOrder,  // fails core check_order
  kDuplicateOrderId,
};

std::string_view to_string(DenialReason reason);  // machine-readable: "max_order_value", ...

struct RiskDecision {
  DenialReason reason = DenialReason::kNone;
  std::string text;  // for people: "order value 60000.00 exceeds max_order_value 50000.00"

  bool allowed() const { return reason == DenialReason::kNone; }
  static RiskDecision allow() { return {}; }
  static RiskDecision deny(DenialReason why, std::string text) { return {why, std::move(text)}; }
};

enum class RiskAction : std::uint8_t { kSubmit, kModify, kCancel };

class RiskGate {
 public:
  virtual ~RiskGate() = default;
  // `order` is the order as it would be after the action (for kModify, the modified order).
  virtual RiskDecision check(const Order& order, RiskAction action) = 0;
  // The same answer as check() for an order the caller has just validated with core
  // check_order: a gate that validates orders itself may skip doing it again.
  virtual RiskDecision check_validated(const Order& order, RiskAction action) {
    return check(order, action);
  }
};

}  // namespace ibtrade::engine
