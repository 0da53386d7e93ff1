#include "services/sim/sim_broker.hpp"

#include <spdlog/spdlog.h>

#include "adapters/tws/mapping.hpp"
#include "adapters/tws/order_status_mapping.hpp"
#include "adapters/tws/tws_time.hpp"

namespace ibtrade::sim {
namespace {

using engine::VenueOrderState;

// IB shows an order it accepted but that is not yet working as PreSubmitted.
std::string ib_status(VenueOrderState state) {
  return std::string(tws::to_ib_status(
      state == VenueOrderState::kPendingSubmit ? VenueOrderState::kPreSubmitted : state));
}

bool is_terminal(const std::string& status) {
  return status == "Filled" || status == "Cancelled" || status == "ApiCancelled" ||
         status == "Inactive";
}

std::string execution_venue(const SimContract& c) {
  return c.primary_exchange == "NASDAQ" ? "ISLAND" : "NYSE";
}

// IB's precautionary size limit; it also keeps every notional well inside Money's range.
constexpr std::int64_t kMaxOrderShares = 1'000'000;

// An unset double as TWS spells it (OPEN_ORDER's margin texts are strings).
constexpr std::string_view kUnsetText = "1.7976931348623157E308";

}  // namespace

SimBroker::SimBroker(const ContractBook& contracts, MarketView& market, const SimOptions& options,
                     BrokerListener& listener, const date::time_zone& zone, Timestamp start)
    : contracts_(contracts),
      market_(market),
      options_(options),
      listener_(listener),
      zone_(zone),
      clock_(start),
      ledger_(options.starting_cash, engine::AccountType::kRegTMargin),
      session_day_(market.sessions().market_date(start)) {
  engine::SimulatedVenueConfig config;
  config.fill_mode = engine::FillMode::kTick;
  config.limit_to_displayed_size = true;
  for (const SimContract& c : contracts.all()) {
    const Price tick = market.tick(c.index, session_day_);
    if (tick != config.default_tick_size) config.tick_sizes[c.symbol] = tick;
  }
  venue_ = std::make_unique<engine::SimulatedVenue>(
      [this](engine::VenueMessage&& message) { pending_.push_back(std::move(message)); }, clock_,
      commission_model_, config, nullptr, nullptr, options.seed);
}

SimBroker::~SimBroker() = default;

int SimBroker::next_order_id(int client_id) const {
  auto it = max_order_id_.find(client_id);
  return it == max_order_id_.end() ? 1 : it->second + 1;
}

void SimBroker::error(int client_id, int id, int code, std::string text) {
  listener_.order_message(client_id, tws::ErrMsg{id, code, std::move(text), ""});
}

std::vector<const BrokerOrder*> SimBroker::open_orders(std::optional<int> client_id) const {
  std::vector<const BrokerOrder*> out;
  for (const auto& [key, order] : orders_) {
    if (!order.finished && (!client_id || key.first == *client_id)) out.push_back(&order);
  }
  return out;
}

Result<Order> SimBroker::core_order(const BrokerOrder& order) const {
  // Prices keep their decimals here so that an off-tick price reaches the venue, which refuses
  // it as IB does (110) rather than the simulator quietly rounding it.
  auto core = tws::to_core_order(order.placed, tws::PriceRounding{std::nullopt, 6});
  if (!core) return core.error();
  core->contract = contracts_.core(*order.contract);
  core->client_order_id = order.venue_id;
  core->account_id = AccountId(options_.account);
  if (std::string problem = check_order(*core); !problem.empty()) return Error{problem};
  return core;
}

void SimBroker::place(int client_id, const tws::PlaceOrder& message) {
  const Key key{client_id, message.order_id};
  auto existing = orders_.find(key);
  if (existing != orders_.end() && !existing->second.finished) {
    // A modify: same id, new quantity or prices.
    BrokerOrder& order = existing->second;
    tws::PlaceOrder previous = order.placed;
    order.placed = message;
    auto core = core_order(order);
    if (!core) {
      order.placed = previous;
      error(client_id, message.order_id, 201, "Order rejected - reason:" + core.error().message);
      return;
    }
    venue_->modify(*core);
    venue_->advance_to(clock_.now());
    drain();
    return;
  }
  if (existing != orders_.end()) {
    if (existing->second.status == "Filled") {
      error(client_id, message.order_id, 104, "Can't modify a filled order.");
    } else {
      error(client_id, message.order_id, 103, "Duplicate order id");
    }
    return;
  }
  if (message.order_id <= 0 || message.order_id < next_order_id(client_id)) {
    error(client_id, message.order_id, 103, "Duplicate order id");
    return;
  }
  max_order_id_[client_id] = message.order_id;
  const SimContract* contract = contracts_.resolve(message.contract);
  if (contract == nullptr) {
    error(client_id, message.order_id, 200,
          "No security definition has been found for the request");
    return;
  }
  if (!message.order.account.empty() && message.order.account != options_.account) {
    error(client_id, message.order_id, 201,
          "Order rejected - reason:The account code " + message.order.account +
              " is not one of this session's accounts (" + options_.account + ")");
    return;
  }
  if (message.order.what_if) {
    error(client_id, message.order_id, 201,
          "Order rejected - reason:what-if orders are not simulated");
    return;
  }
  if (message.order.total_quantity > Quantity::from_units(kMaxOrderShares)) {
    error(client_id, message.order_id, 201,
          "Order rejected - reason:The order size exceeds the maximum of " +
              std::to_string(kMaxOrderShares) + " shares");
    return;
  }
  BrokerOrder order;
  order.client_id = client_id;
  order.order_id = message.order_id;
  order.perm_id = next_perm_id_++;
  order.contract = contract;
  order.placed = message;
  order.venue_id =
      ClientOrderId("c" + std::to_string(client_id) + "-" + std::to_string(message.order_id));
  order.remaining = message.order.total_quantity;
  auto core = core_order(order);
  if (!core) {
    error(client_id, message.order_id, 201, "Order rejected - reason:" + core.error().message);
    return;
  }
  // The margin check IB makes before accepting an order that adds to a position.
  const auto* held = ledger_.position(contract->symbol);
  const Quantity position = held != nullptr ? held->quantity : Quantity{};
  const bool adds = core->side == Side::kBuy ? !position.is_negative() : !position.is_positive();
  if (adds) {
    auto snapshot = market_.snapshot(contract->index, clock_.now());
    const Price price = core->limit_price  ? *core->limit_price
                        : core->stop_price ? *core->stop_price
                        : snapshot         ? snapshot->ask
                                           : Price::from_units(1);
    const Money needed = notional(price, core->quantity);
    if (needed > ledger_.buying_power()) {
      error(client_id, message.order_id, 201,
            "Order rejected - reason:YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED "
            "POSITION YOUR BUYING POWER OF " +
                ledger_.buying_power().rounded(2).to_string() + " USD MUST EXCEED " +
                needed.rounded(2).to_string() + " USD");
      return;
    }
  }
  if (message.order.transmit == std::nullopt) {
    spdlog::info("sim: order {} of client {} has an empty transmit field; taken as transmit=1",
                 message.order_id, client_id);
  }
  by_venue_.emplace(order.venue_id, key);
  orders_.emplace(key, std::move(order));
  // The order meets the book as it stands now: make sure the venue has seen one.
  feed(*contract, clock_.now());
  venue_->submit(*core);
  venue_->advance_to(clock_.now());
  drain();
}

void SimBroker::cancel(int client_id, int order_id) {
  auto it = orders_.find({client_id, order_id});
  if (it == orders_.end()) {
    error(client_id, order_id, 10147,
          "OrderId " + std::to_string(order_id) + " that needs to be cancelled is not found.");
    return;
  }
  if (it->second.finished) {
    error(client_id, order_id, 10148,
          "OrderId " + std::to_string(order_id) +
              " that needs to be cancelled cannot be cancelled, state: " + it->second.status + ".");
    return;
  }
  venue_->cancel(it->second.venue_id);
  venue_->advance_to(clock_.now());
  drain();
}

void SimBroker::cancel_all() {
  for (auto& [key, order] : orders_) {
    if (!order.finished) venue_->cancel(order.venue_id);
  }
  venue_->advance_to(clock_.now());
  drain();
}

void SimBroker::feed(const SimContract& contract, Timestamp at) {
  auto last = fed_.find(contract.index);
  if (last != fed_.end() && last->second >= at) return;
  auto snapshot = market_.snapshot(contract.index, at);
  if (!snapshot) return;
  Quote quote;
  quote.con_id = ConId(contract.con_id);
  quote.time = at;
  quote.bid = snapshot->bid;
  quote.ask = snapshot->ask;
  quote.bid_size = snapshot->bid_size;
  quote.ask_size = snapshot->ask_size;
  venue_->on_quote(contract.symbol, quote);
  // A print for what traded since the last look, so stops trigger and resting limits fill.
  const Quantity before =
      fed_volume_.contains(contract.index) ? fed_volume_[contract.index] : snapshot->volume;
  if (last != fed_.end() && snapshot->volume > before) {
    venue_->on_trade(contract.symbol,
                     Trade{ConId(contract.con_id), at, snapshot->last, snapshot->volume - before});
  }
  fed_[contract.index] = at;
  fed_volume_[contract.index] = snapshot->volume;
}

void SimBroker::advance(Timestamp now) {
  if (now < clock_.now()) return;
  const SessionSchedule& calendar = market_.sessions();
  const date::year_month_day day = calendar.market_date(now);
  if (day != session_day_) {
    // The replay jumped over the night: the old session's closing auction ends DAY orders.
    if (auto hours = calendar.hours(session_day_)) {
      std::set<std::size_t> symbols;
      for (const auto& [key, order] : orders_) {
        if (!order.finished) symbols.insert(order.contract->index);
      }
      for (std::size_t index : symbols) {
        const SimContract& c = contracts_.at(index);
        const Timestamp close = hours->close - Nanoseconds(1);
        if (auto price = market_.price_at(index, close)) {
          clock_.set(std::max(clock_.now(), close));
          venue_->on_session_close(c.symbol, *price, close);
          drain();
        }
      }
    }
    session_day_ = day;
    fed_volume_.clear();
  }
  clock_.set(now);
  std::set<std::size_t> working;
  for (const auto& [key, order] : orders_) {
    if (!order.finished) working.insert(order.contract->index);
  }
  for (std::size_t index : working)
    feed(contracts_.at(index), now);
  venue_->advance_to(now);
  drain();
  for (const auto& [symbol, position] : ledger_.positions()) {
    if (position.is_flat()) continue;
    if (const SimContract* c = contracts_.find_symbol(symbol)) {
      if (auto price = market_.price_at(c->index, now)) {
        (void)ledger_.mark(symbol, *price, now);
      }
    }
  }
}

void SimBroker::drain() {
  while (!pending_.empty()) {
    engine::VenueMessage message = std::move(pending_.front());
    pending_.pop_front();
    std::visit(
        [this](const auto& m) {
          using M = std::decay_t<decltype(m)>;
          if constexpr (std::is_same_v<M, engine::OrderStatusReport>) on_status(m);
          if constexpr (std::is_same_v<M, engine::ExecutionReport>) on_execution(m);
          if constexpr (std::is_same_v<M, engine::CommissionUpdate>) on_commission(m);
          if constexpr (std::is_same_v<M, engine::CommandRejected>) on_rejected(m);
        },
        message);
  }
}

BrokerOrder* SimBroker::by_venue_id(const ClientOrderId& id) {
  auto it = by_venue_.find(id);
  if (it == by_venue_.end()) return nullptr;
  return &orders_.at(it->second);
}

tws::OpenOrder SimBroker::open_order_message(const BrokerOrder& order) const {
  tws::OpenOrder m;
  m.order_id = order.order_id;
  m.contract = contracts_.wire(*order.contract);
  m.order = order.placed.order;
  m.order.client_id = order.client_id;
  m.order.perm_id = order.perm_id;
  m.order.account = options_.account;
  if (m.order.tif.empty()) m.order.tif = "DAY";
  if (m.order.oca_type == 0) m.order.oca_type = 3;  // what TWS reports by default
  if (!m.order.cash_qty) m.order.cash_qty = 0.0;
  if (!m.order.aux_price) m.order.aux_price = 0.0;
  tws::WireOrderState& s = m.state;
  s.status = order.status;
  for (std::string* margin :
       {&s.init_margin_before, &s.maint_margin_before, &s.equity_with_loan_before,
        &s.init_margin_change, &s.maint_margin_change, &s.equity_with_loan_change,
        &s.init_margin_after, &s.maint_margin_after, &s.equity_with_loan_after}) {
    *margin = kUnsetText;
  }
  if (order.commission_known) {
    s.commission = order.commission.to_double();
    s.commission_currency = "USD";
  }
  return m;
}

tws::OrderStatus SimBroker::status_message(const BrokerOrder& order) const {
  tws::OrderStatus m;
  m.order_id = order.order_id;
  m.status = order.status;
  m.filled = order.filled;
  m.remaining = order.remaining;
  m.avg_fill_price = order.avg_fill_price;
  m.perm_id = order.perm_id;
  m.parent_id = order.placed.order.parent_id;
  m.last_fill_price = order.last_fill_price;
  m.client_id = order.client_id;
  return m;
}

void SimBroker::send_order(const BrokerOrder& order, bool open_order_first, bool open_order_after) {
  if (open_order_first) listener_.order_message(order.client_id, open_order_message(order));
  listener_.order_message(order.client_id, status_message(order));
  if (open_order_after) listener_.order_message(order.client_id, open_order_message(order));
}

void SimBroker::on_status(const engine::OrderStatusReport& report) {
  BrokerOrder* order = by_venue_id(report.client_order_id);
  if (order == nullptr || order->finished) return;
  const std::string status = ib_status(report.state);
  const bool filled_more = report.filled != order->filled;
  const bool changed = status != order->status || report.remaining != order->remaining;
  if (!filled_more && !changed) return;  // IB does not repeat an unchanged status
  order->status = status;
  order->filled = report.filled;
  order->remaining = report.remaining;
  order->avg_fill_price = tws::to_wire(report.average_fill_price);
  if (is_terminal(status)) order->finished = true;
  if (filled_more) {
    // A fill: the status, and the open order once more when it completes (IB's sequence).
    send_order(*order, false, status == "Filled");
  } else {
    send_order(*order, true, false);
  }
  if (status == "Cancelled") {
    error(order->client_id, order->order_id, 202, "Order Canceled - reason:" + report.reason);
  }
}

void SimBroker::on_execution(const engine::ExecutionReport& report) {
  BrokerOrder* order = by_venue_id(report.fill.client_order_id);
  if (order == nullptr) return;
  const auto* before = ledger_.position(report.fill.symbol);
  const Quantity held = before != nullptr ? before->quantity : Quantity{};
  const Money realized_before = ledger_.realized_pnl();
  if (auto booked = ledger_.apply_fill(report.fill); !booked) {
    spdlog::error("sim: ledger refused fill {}: {}", report.fill.execution_id.value(),
                  booked.error().message);
  }
  order->last_fill_price = tws::to_wire(report.fill.price);
  const Quantity cum = order->filled + report.fill.quantity;

  ExecutionRecord record;
  record.client_id = order->client_id;
  record.time = report.fill.time;
  record.realized_gross = ledger_.realized_pnl() - realized_before;
  record.closing = report.fill.side == Side::kBuy ? held.is_negative() : held.is_positive();
  tws::ExecutionData& d = record.data;
  d.req_id = -1;
  d.order_id = order->order_id;
  d.contract = contracts_.wire(*order->contract);
  d.contract.exchange = execution_venue(*order->contract);
  d.contract.primary_exchange.clear();
  tws::WireExecution& e = d.execution;
  e.exec_id = report.fill.execution_id.value();
  e.time = tws::format_tws_time(report.fill.time, zone_);
  e.account = options_.account;
  e.exchange = d.contract.exchange;
  e.side = report.fill.side == Side::kBuy ? "BOT" : "SLD";
  e.shares = report.fill.quantity;
  e.price = tws::to_wire(report.fill.price);
  e.perm_id = order->perm_id;
  e.client_id = order->client_id;
  e.cum_qty = cum;
  // The running average after this fill, as IB reports it.
  const Money value =
      notional(Price::from_double(order->avg_fill_price, 9).value_or(Price{}), order->filled) +
      notional(report.fill.price, report.fill.quantity);
  e.avg_price = tws::to_wire(per_unit(value, cum, 6));
  e.order_ref = order->placed.order.order_ref;
  e.last_liquidity = order->placed.order.order_type == "LMT" ? 1 : 2;
  record.commission.exec_id = e.exec_id;
  record.commission.currency = "USD";
  execution_index_[e.exec_id] = executions_.size();
  executions_.push_back(record);
  listener_.order_message(order->client_id, record.data);
}

void SimBroker::on_commission(const engine::CommissionUpdate& update) {
  auto it = execution_index_.find(update.execution_id.value());
  if (it == execution_index_.end()) return;
  ExecutionRecord& record = executions_[it->second];
  if (auto booked = ledger_.apply_commission(update.execution_id, update.commission); !booked) {
    spdlog::error("sim: ledger refused commission of {}: {}", update.execution_id.value(),
                  booked.error().message);
  }
  record.commission_known = true;
  record.commission.commission = update.commission.to_double();
  // IB's realized PnL is net of commissions, and unset for a trade that only opened.
  if (record.closing) {
    record.commission.realized_pnl = (record.realized_gross - update.commission).to_double();
  }
  if (auto order = orders_.find({record.client_id, record.data.order_id}); order != orders_.end()) {
    order->second.commission += update.commission;
    order->second.commission_known = true;
  }
  listener_.order_message(record.client_id, record.commission);
  listener_.portfolio_changed();
}

void SimBroker::on_rejected(const engine::CommandRejected& rejected) {
  BrokerOrder* order = by_venue_id(rejected.client_order_id);
  if (order == nullptr) return;
  int code = rejected.code;
  std::string text = rejected.reason;
  if (code == 0 || code == 201) {
    code = 201;
    text = "Order rejected - reason:" + text;
  } else if (code == 110) {
    text = "The price does not conform to the minimum price variation for this contract.";
  }
  error(order->client_id, order->order_id, code, text);
  if (rejected.order_is_dead && !order->finished) {
    order->status = "Cancelled";
    order->finished = true;
    send_order(*order, false, false);
  }
}

}  // namespace ibtrade::sim
