#include "engine/strategy/strategy_context.hpp"

namespace ibtrade::engine {

Order StrategyContext::new_order(const Symbol& symbol, Side side, OrderType type,
                                 Quantity quantity) {
  Order order;  // its contract is a US stock through SMART (the defaults) once named
  order.client_order_id = next_order_id();
  order.strategy_id = strategy_id();
  order.contract.symbol = symbol;
  order.side = side;
  order.type = type;
  order.quantity = quantity;
  order.order_ref = order.client_order_id.value();
  return order;
}

SubmitResult StrategyContext::market(const Symbol& symbol, Side side, Quantity quantity) {
  return submit(new_order(symbol, side, OrderType::kMarket, quantity));
}

SubmitResult StrategyContext::limit(const Symbol& symbol, Side side, Quantity quantity,
                                    Price limit_price, TimeInForce tif) {
  Order order = new_order(symbol, side, OrderType::kLimit, quantity);
  order.limit_price = limit_price;
  order.tif = tif;
  return submit(std::move(order));
}

SubmitResult StrategyContext::stop(const Symbol& symbol, Side side, Quantity quantity,
                                   Price stop_price) {
  Order order = new_order(symbol, side, OrderType::kStop, quantity);
  order.stop_price = stop_price;
  return submit(std::move(order));
}

SubmitResult StrategyContext::stop_limit(const Symbol& symbol, Side side, Quantity quantity,
                                         Price stop_price, Price limit_price) {
  Order order = new_order(symbol, side, OrderType::kStopLimit, quantity);
  order.stop_price = stop_price;
  order.limit_price = limit_price;
  return submit(std::move(order));
}

SubmitResult StrategyContext::trailing_stop(const Symbol& symbol, Side side, Quantity quantity,
                                            Price trail_amount) {
  Order order = new_order(symbol, side, OrderType::kTrailingStop, quantity);
  order.trail_amount = trail_amount;
  return submit(std::move(order));
}

SubmitResult StrategyContext::trailing_stop_percent(const Symbol& symbol, Side side,
                                                    Quantity quantity, Percent trail_percent) {
  Order order = new_order(symbol, side, OrderType::kTrailingStop, quantity);
  order.trail_percent = trail_percent;
  return submit(std::move(order));
}

SubmitResult StrategyContext::market_on_close(const Symbol& symbol, Side side, Quantity quantity) {
  return submit(new_order(symbol, side, OrderType::kMarketOnClose, quantity));
}

SubmitResult StrategyContext::limit_on_close(const Symbol& symbol, Side side, Quantity quantity,
                                             Price limit_price) {
  Order order = new_order(symbol, side, OrderType::kLimitOnClose, quantity);
  order.limit_price = limit_price;
  return submit(std::move(order));
}

}  // namespace ibtrade::engine
