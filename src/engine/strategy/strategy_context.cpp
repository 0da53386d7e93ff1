#include "engine/strategy/strategy_context.hpp"

namespace ibtrade::engine {

Order StrategyContext::new_order(const Symbol& symbol, Side side, OrderType type,
                                 Quantity quantity) {
  Order order;  // its contract is a US stock through SMART (the defaults) once named
  fill_new(order, symbol, side, type, quantity);
  return order;
}

void StrategyContext::fill_new(Order& order, const Symbol& symbol, Side side, OrderType type,
                               Quantity quantity) {
  order.client_order_id = next_order_id();
  order.strategy_id = strategy_id();
  order.contract.symbol = symbol;
  order.side = side;
  order.type = type;
  order.quantity = quantity;
  order.order_ref = order.client_order_id.value();
}

SubmitResult StrategyContext::submit_new(const Symbol& symbol, Side side, OrderType type,
                                         Quantity quantity, const OrderTerms& terms) {
  Order order = new_order(symbol, side, type, quantity);
  terms.apply_to(order);
  return submit(std::move(order));
}

SubmitResult StrategyContext::market(const Symbol& symbol, Side side, Quantity quantity,
                                     TimeInForce tif) {
  return submit_new(symbol, side, OrderType::kMarket, quantity, {.tif = tif});
}

SubmitResult StrategyContext::limit(const Symbol& symbol, Side side, Quantity quantity,
                                    Price limit_price, TimeInForce tif) {
  return submit_new(symbol, side, OrderType::kLimit, quantity,
                    {.limit_price = limit_price, .tif = tif});
}

SubmitResult StrategyContext::stop(const Symbol& symbol, Side side, Quantity quantity,
                                   Price stop_price) {
  return submit_new(symbol, side, OrderType::kStop, quantity, {.stop_price = stop_price});
}

SubmitResult StrategyContext::stop_limit(const Symbol& symbol, Side side, Quantity quantity,
                                         Price stop_price, Price limit_price) {
  return submit_new(symbol, side, OrderType::kStopLimit, quantity,
                    {.limit_price = limit_price, .stop_price = stop_price});
}

SubmitResult StrategyContext::trailing_stop(const Symbol& symbol, Side side, Quantity quantity,
                                            Price trail_amount) {
  return submit_new(symbol, side, OrderType::kTrailingStop, quantity,
                    {.trail_amount = trail_amount});
}

SubmitResult StrategyContext::trailing_stop_percent(const Symbol& symbol, Side side,
                                                    Quantity quantity, Percent trail_percent) {
  return submit_new(symbol, side, OrderType::kTrailingStop, quantity,
                    {.trail_percent = trail_percent});
}

SubmitResult StrategyContext::market_on_close(const Symbol& symbol, Side side, Quantity quantity) {
  return submit_new(symbol, side, OrderType::kMarketOnClose, quantity, {});
}

SubmitResult StrategyContext::limit_on_close(const Symbol& symbol, Side side, Quantity quantity,
                                             Price limit_price) {
  return submit_new(symbol, side, OrderType::kLimitOnClose, quantity, {.limit_price = limit_price});
}

}  // namespace ibtrade::engine
