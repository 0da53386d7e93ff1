#include "engine/orders/price_manager.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/hash.hpp"

namespace ibtrade::engine {
namespace {

// Statuses in which the venue holds the order and a modify may be sent.
bool modifiable(OrderStatus status) {
  return status == OrderStatus::kPendingSubmit || status == OrderStatus::kPreSubmitted ||
         status == OrderStatus::kSubmitted || status == OrderStatus::kPartiallyFilled;
}

Status refuse(const ClientOrderId& id, const std::string& why) {
  return make_error("order " + id.value() + ": " + why);
}

}  // namespace

PriceManager::PriceManager(OrderManager& orders, const Clock& clock)
    : orders_(orders), clock_(clock) {}

// --- registration ----------------------------------------------------------------------------

Status PriceManager::chase(const ClientOrderId& id, const ChasePolicy& policy) {
  const ManagedOrder* order = orders_.find(id);
  if (order == nullptr) return refuse(id, "unknown");
  if (!modifiable(order->status))
    return refuse(id, "can't be repriced while it is " + std::string(to_string(order->status)));
  if (order->order.type != OrderType::kLimit) return refuse(id, "only LMT orders are chased");
  if (policy.ticks <= 0 || policy.interval <= Nanoseconds::zero() ||
      !policy.tick_size.is_positive() || policy.max_distance.is_negative()) {
    return refuse(id, "chase needs ticks > 0, interval > 0, tick size > 0, max distance >= 0");
  }
  if (policy.on_exhausted == ChaseExhausted::kMarket && !order->children.empty()) {
    return refuse(id,
                  "a bracket entry can't be replaced by a market order: its exits would "
                  "not follow it");
  }
  drop_chase(id);
  Chase chase{policy, *order->order.limit_price, 0, false};
  chase.timer = timers_.set("chase:" + id.value(), clock_.now() + policy.interval, policy.interval);
  timer_targets_.emplace(chase.timer, std::pair{TimerKind::kChaseStep, id});
  chases_.emplace(id, chase);
  note_change();
  return {};
}

Status PriceManager::manage_stop(const ClientOrderId& id, const StopPolicy& policy) {
  const ManagedOrder* order = orders_.find(id);
  if (order == nullptr) return refuse(id, "unknown");
  if (is_terminal(order->status)) return refuse(id, "already finished");
  if ((order->order.type != OrderType::kStop && order->order.type != OrderType::kStopLimit) ||
      !order->order.stop_price) {
    return refuse(id, "only STP and STP LMT orders have a stop to manage");
  }
  if (!policy.tick_size.is_positive() || !policy.entry.is_positive()) {
    return refuse(id, "stop management needs a positive entry and tick size");
  }
  ManagedStop stop;
  stop.policy = policy;
  stop.protects_long = order->order.side == Side::kSell;
  stop.initial_stop = *order->order.stop_price;
  stop.risk = (policy.entry - stop.initial_stop).abs();
  if (policy.break_even && (stop.risk.is_zero() || !policy.break_even->trigger_r.is_positive() ||
                            policy.break_even->offset.is_negative())) {
    return refuse(id, "break-even needs a stop away from the entry, trigger > 0, offset >= 0");
  }
  if (policy.trailing) {
    const TrailingRule& rule = *policy.trailing;
    const bool bad_percent =
        rule.by == TrailBy::kPercent &&
        (!rule.percent.is_positive() || rule.percent >= Percent::from_units(100));
    const bool bad_atr = rule.by == TrailBy::kAtr && !rule.atr_multiple.is_positive();
    if (bad_percent || bad_atr) {
      return refuse(id, "trailing needs a percent in (0, 100) or an ATR multiple > 0");
    }
  }
  stops_.insert_or_assign(id, stop);
  note_change();
  return {};
}

Status PriceManager::set_timeout(const ClientOrderId& id, Nanoseconds after) {
  const ManagedOrder* order = orders_.find(id);
  if (order == nullptr) return refuse(id, "unknown");
  if (is_terminal(order->status)) return refuse(id, "already finished");
  if (after <= Nanoseconds::zero()) return refuse(id, "timeout must be positive");
  drop_timeout(id);
  const std::uint64_t timer = timers_.set("timeout:" + id.value(), clock_.now() + after);
  timer_targets_.emplace(timer, std::pair{TimerKind::kTimeout, id});
  timeouts_.emplace(id, timer);
  note_change();
  return {};
}

void PriceManager::release(const ClientOrderId& id) {
  drop_chase(id);
  stops_.erase(id);
  drop_timeout(id);
  note_change();
}

void PriceManager::drop_chase(const ClientOrderId& id) {
  auto it = chases_.find(id);
  if (it == chases_.end()) return;
  if (it->second.timer != 0) {
    timers_.cancel(it->second.timer);
    timer_targets_.erase(it->second.timer);
  }
  chases_.erase(it);
  note_change();
}

void PriceManager::drop_timeout(const ClientOrderId& id) {
  auto it = timeouts_.find(id);
  if (it == timeouts_.end()) return;
  timers_.cancel(it->second);
  timer_targets_.erase(it->second);
  timeouts_.erase(it);
  note_change();
}

// --- time ------------------------------------------------------------------------------------

void PriceManager::on_time(Timestamp now) {
  for (const TimerEvent& event : timers_.pop_due(now)) {
    auto target = timer_targets_.find(event.id);
    if (target == timer_targets_.end()) continue;  // dropped by an earlier event of this batch
    const auto [kind, id] = target->second;
    if (kind == TimerKind::kTimeout) {
      timer_targets_.erase(target);
      timeouts_.erase(id);
      note_change();
      on_timeout(id);
    } else {
      chase_step(id);
    }
  }
  // Cancels confirmed without an update forwarded to us still get their market order.
  std::vector<ClientOrderId> waiting;
  for (const auto& [id, chase] : chases_) {
    if (chase.replace_with_market) waiting.push_back(id);
  }
  for (const ClientOrderId& id : waiting)
    replace_if_cancelled(id);
}

void PriceManager::on_timeout(const ClientOrderId& id) {
  const ManagedOrder* order = orders_.find(id);
  if (order == nullptr || is_terminal(order->status) ||
      order->status == OrderStatus::kPendingCancel) {
    return;
  }
  (void)orders_.cancel(id);
}

void PriceManager::chase_step(const ClientOrderId& id) {
  auto it = chases_.find(id);
  if (it == chases_.end()) return;
  Chase& chase = it->second;
  const ManagedOrder* order = orders_.find(id);
  if (order == nullptr || is_terminal(order->status)) {
    drop_chase(id);
    return;
  }
  if (chase.replace_with_market || !modifiable(order->status) || !order->order.limit_price) return;

  const bool buy = order->order.side == Side::kBuy;
  const Price limit = *order->order.limit_price;
  const Price tick = chase.policy.tick_size;
  const Price reach = floor_to_tick(chase.policy.max_distance, tick);
  const Price bound = buy ? chase.original + reach : chase.original - reach;
  if (buy ? limit >= bound : limit <= bound) {
    exhaust(id);
    return;
  }
  const Price step = tick * chase.policy.ticks;
  Price next = buy ? std::min(limit + step, bound) : std::max(limit - step, bound);
  // Never past the touch: a limit at the touch is already marketable.
  if (auto touch = touches_.find(order->order.contract.symbol); touch != touches_.end()) {
    if (buy && touch->second.ask) next = std::min(next, *touch->second.ask);
    if (!buy && touch->second.bid) next = std::max(next, *touch->second.bid);
  }
  if (buy ? next <= limit : next >= limit) return;  // at the touch already: wait in the queue
  (void)orders_.modify(id, {.limit_price = next});
}

void PriceManager::exhaust(const ClientOrderId& id) {
  // A denied cancel (cancel rate) is tried again at the next step.
  if (!orders_.cancel(id).ok()) return;
  // Looked up again: the cancel's update may have come back to us and ended the chase.
  auto it = chases_.find(id);
  if (it == chases_.end()) return;
  Chase& chase = it->second;
  if (chase.policy.on_exhausted == ChaseExhausted::kCancel) {
    drop_chase(id);
    return;
  }
  timers_.cancel(chase.timer);
  timer_targets_.erase(chase.timer);
  chase.timer = 0;
  chase.replace_with_market = true;
}

void PriceManager::replace_if_cancelled(const ClientOrderId& id) {
  auto it = chases_.find(id);
  if (it == chases_.end() || !it->second.replace_with_market) return;
  const ManagedOrder* order = orders_.find(id);
  if (order != nullptr && !is_terminal(order->status)) return;  // cancel not confirmed yet
  drop_chase(id);
  if (order == nullptr || !order->remaining().is_positive() ||
      (order->status != OrderStatus::kCancelled && order->status != OrderStatus::kApiCancelled)) {
    return;  // filled after all, or rejected: nothing to replace
  }
  Order market = order->order;
  market.client_order_id = ClientOrderId{id.value() + "-mkt"};
  market.type = OrderType::kMarket;
  market.quantity = order->remaining();
  market.limit_price.reset();
  market.stop_price.reset();
  market.parent_id.reset();
  (void)orders_.submit(std::move(market));
}

void PriceManager::on_order_updated(const ManagedOrder& order) {
  const ClientOrderId& id = order.order.client_order_id;
  if (auto it = chases_.find(id); it != chases_.end()) {
    if (it->second.replace_with_market) {
      replace_if_cancelled(id);
    } else if (is_terminal(order.status)) {
      drop_chase(id);
    }
  }
  if (is_terminal(order.status)) {
    stops_.erase(id);
    drop_timeout(id);
    note_change();
  }
}

// --- stops -----------------------------------------------------------------------------------

void PriceManager::on_quote(const Symbol& symbol, std::optional<Price> bid,
                            std::optional<Price> ask, Timestamp /*time*/) {
  if (last_touch_ == nullptr || !same_bytes(last_touch_->first, symbol)) {
    last_touch_ = &*touches_.try_emplace(symbol).first;
  }
  last_touch_->second = Touch{bid, ask};
  if (stops_.empty()) return;
  std::vector<ClientOrderId> ids;
  for (const auto& [id, stop] : stops_)
    ids.push_back(id);
  for (const ClientOrderId& id : ids) {
    const ManagedOrder* order = orders_.find(id);
    auto it = stops_.find(id);
    if (order == nullptr || it == stops_.end() || order->order.contract.symbol != symbol) continue;
    // What we could close at: the bid for a long, the ask for a short.
    const std::optional<Price> price = it->second.protects_long ? bid : ask;
    if (!price) continue;
    see_price(it->second, *price, *price);
    adjust_stop(id, it->second);
  }
}

void PriceManager::on_bar(const Symbol& symbol, const Bar& bar, std::optional<double> atr) {
  std::vector<ClientOrderId> ids;
  for (const auto& [id, stop] : stops_)
    ids.push_back(id);
  for (const ClientOrderId& id : ids) {
    const ManagedOrder* order = orders_.find(id);
    auto it = stops_.find(id);
    if (order == nullptr || it == stops_.end() || order->order.contract.symbol != symbol) continue;
    ManagedStop& stop = it->second;
    if (atr) stop.atr = atr;
    see_price(stop, stop.protects_long ? bar.high : bar.low, bar.close);
    adjust_stop(id, stop);
  }
}

void PriceManager::see_price(ManagedStop& stop, Price best_candidate, Price last) {
  const bool long_side = stop.protects_long;
  stop.last = last;
  if (!stop.best || (long_side ? best_candidate > *stop.best : best_candidate < *stop.best)) {
    stop.best = best_candidate;
  }
  if (stop.policy.break_even && !stop.break_even_armed) {
    const Price move = times(stop.risk, stop.policy.break_even->trigger_r);
    const Price trigger = long_side ? stop.policy.entry + move : stop.policy.entry - move;
    stop.break_even_armed = long_side ? *stop.best >= trigger : *stop.best <= trigger;
  }
}

void PriceManager::adjust_stop(const ClientOrderId& id, ManagedStop& stop) {
  const ManagedOrder* order = orders_.find(id);
  if (order == nullptr || is_terminal(order->status)) {
    stops_.erase(id);
    note_change();
    return;
  }
  if (order->status == OrderStatus::kPendingCancel || !order->order.stop_price) return;
  const bool long_side = stop.protects_long;
  const Price tick = stop.policy.tick_size;
  // Candidates are rounded away from the market: never tighter than the rule says.
  const auto round = [&](Price p) {
    return long_side ? floor_to_tick(p, tick) : ceil_to_tick(p, tick);
  };
  const auto better = [&](Price a, Price b) { return long_side ? a > b : a < b; };

  const Price current = *order->order.stop_price;
  Price target = current;
  if (stop.break_even_armed) {
    const Price offset = stop.policy.break_even->offset;
    const Price candidate =
        round(long_side ? stop.policy.entry + offset : stop.policy.entry - offset);
    if (better(candidate, target)) target = candidate;
  }
  if (stop.policy.trailing && stop.best) {
    const TrailingRule& rule = *stop.policy.trailing;
    std::optional<Price> distance;
    if (rule.by == TrailBy::kPercent) {
      distance = percent_of(*stop.best, rule.percent);
    } else if (stop.atr) {
      distance = Price::from_double(rule.atr_multiple.to_double() * *stop.atr, kFixedPrecision);
    }
    if (distance) {
      const Price candidate = round(long_side ? *stop.best - *distance : *stop.best + *distance);
      if (better(candidate, target)) target = candidate;
    }
  }
  if (!better(target, current)) return;
  // A stop through the latest price would trigger at once; keep the old one until the price
  // allows the move.
  if (stop.last && (long_side ? target >= *stop.last : target <= *stop.last)) return;
  OrderChanges changes{.stop_price = target};
  if (order->order.type == OrderType::kStopLimit && order->order.limit_price) {
    changes.limit_price = *order->order.limit_price + (target - current);
  }
  (void)orders_.modify(id, changes);
}

}  // namespace ibtrade::engine
