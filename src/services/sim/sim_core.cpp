#include "services/sim/sim_core.hpp"

#include <spdlog/spdlog.h>

#include "adapters/tws/mapping.hpp"
#include "adapters/tws/tws_time.hpp"
#include "services/sim/account_values.hpp"
#include "services/sim/fundamental_ratios.hpp"
#include "services/sim/historical.hpp"

namespace ibtrade::sim {
namespace {

constexpr int kMaxMarketDataLines = 100;  // IB's default line count
constexpr std::size_t kMaxScans = 10;
constexpr Nanoseconds kRealTimeBar = std::chrono::seconds(5);
// At high replay speeds a subscription could be owed thousands of bars per tick; IB never
// bursts like that, so the backlog is skipped beyond this many.
constexpr int kMaxBarsPerAdvance = 120;

std::int64_t epoch_seconds(Timestamp t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

Timestamp floor_to(Timestamp t, Nanoseconds step) {
  const auto since = t.time_since_epoch();
  return Timestamp(since - since % step);
}

// TICK_SIZE 8 counts round lots of 100 for US stocks below v220 (protocol doc 4.10).
Quantity in_lots(Quantity shares) {
  return Quantity::from_units(shares.raw() / kFixedScale / 100);
}

bool wants_ratios(const std::string& generic_ticks) {
  std::size_t start = 0;
  while (start <= generic_ticks.size()) {
    const auto end = std::min(generic_ticks.find(',', start), generic_ticks.size());
    if (generic_ticks.substr(start, end - start) == "258") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

SimCore::SimCore(const BarSource& source, SimOptions options, const date::time_zone& zone,
                 SimOutput& output, Timestamp market_start)
    : source_(source),
      options_(std::move(options)),
      zone_(zone),
      output_(output),
      contracts_(source.symbols()),
      view_(source, options_.max_displayed_size) {
  BrokerListener& listener = *this;
  broker_ = std::make_unique<SimBroker>(contracts_, view_, options_, listener, zone_, market_start);
}

SimCore::~SimCore() = default;

std::vector<int> SimCore::client_ids() const {
  std::vector<int> out;
  for (const auto& [client, connection] : by_client_)
    out.push_back(client);
  return out;
}

void SimCore::connected(ConnectionId connection) {
  connections_.try_emplace(connection);
}

void SimCore::disconnected(ConnectionId connection) {
  auto it = connections_.find(connection);
  if (it == connections_.end()) return;
  if (it->second.client_id) {
    auto owner = by_client_.find(*it->second.client_id);
    if (owner != by_client_.end() && owner->second == connection) by_client_.erase(owner);
  }
  connections_.erase(it);
}

void SimCore::send(ConnectionId id, tws::ToClientMessage message) {
  output_.send(id, std::move(message));
}

void SimCore::error(ConnectionId id, int req_id, int code, std::string text) {
  send(id, tws::ErrMsg{req_id, code, std::move(text), ""});
}

void SimCore::notice_all(int code, const std::string& text) {
  for (const auto& [id, c] : connections_) {
    if (c.started) error(id, tws::kNoRequestId, code, text);
  }
}

void SimCore::order_message(int client_id, tws::ToClientMessage message) {
  auto owner = by_client_.find(client_id);
  if (owner != by_client_.end()) send(owner->second, message);
  // Client 0 with auto-binding sees every client's order updates too (protocol doc 5.1).
  const bool order_update = std::holds_alternative<tws::OpenOrder>(message) ||
                            std::holds_alternative<tws::OrderStatus>(message);
  if (!order_update || client_id == 0) return;
  if (auto master = by_client_.find(0); master != by_client_.end()) {
    if (connections_.at(master->second).auto_bind) send(master->second, std::move(message));
  }
}

void SimCore::portfolio_changed() {
  for (auto& [id, c] : connections_) {
    if (!c.started) continue;
    if (c.account_updates) send_account_download(id);
    if (c.positions) {
      for (auto& p : positions(broker_->ledger(), contracts_, broker_->account()))
        send(id, std::move(p));
    }
    for (const auto& [req_id, model] : c.account_multi)
      send_account_multi(id, req_id, model, false);
  }
}

bool SimCore::within_pace(ConnectionId id, Connection& c, Timestamp wall) {
  while (!c.recent.empty() && c.recent.front() + std::chrono::seconds(1) <= wall)
    c.recent.pop_front();
  if (c.recent.size() >= options_.max_messages_per_second) {
    // IB's "reject" pacing mode: the message is dropped with error 100.
    error(id, tws::kNoRequestId, 100,
          "Max rate of messages per second has been exceeded:max=" +
              std::to_string(options_.max_messages_per_second) +
              " rec=" + std::to_string(c.recent.size() + 1));
    return false;
  }
  c.recent.push_back(wall);
  return true;
}

void SimCore::on_message(ConnectionId id, const tws::ToServerMessage& message, Timestamp wall) {
  auto it = connections_.find(id);
  if (it == connections_.end() || it->second.closing) return;
  Connection& c = it->second;
  if (!within_pace(id, c, wall)) return;
  if (const auto* start = std::get_if<tws::StartApi>(&message)) {
    start_api(id, c, *start);
    return;
  }
  if (!c.started) {
    spdlog::warn("sim: connection {}: {} before START_API ignored", id, tws::message_name(message));
    return;
  }
  handle(id, c, message, wall);
}

void SimCore::start_api(ConnectionId id, Connection& c, const tws::StartApi& m) {
  if (c.started) return;
  if (by_client_.contains(m.client_id)) {
    error(id, tws::kNoRequestId, 326,
          "Unable to connect as the client id is already in use. Retry with a unique client id.");
    c.closing = true;
    output_.close(id, "client id " + std::to_string(m.client_id) + " is already in use");
    return;
  }
  c.client_id = m.client_id;
  c.started = true;
  by_client_[m.client_id] = id;
  spdlog::info("sim: connection {} started the API as client {} (SIMULATED account {})", id,
               m.client_id, broker_->account());
  send(id, tws::ManagedAccts{{broker_->account()}});
  send(id, tws::NextValidId{broker_->next_order_id(m.client_id)});
  error(id, tws::kNoRequestId, 2104, "Market data farm connection is OK:usfarm");
  error(id, tws::kNoRequestId, 2106, "HMDS data farm connection is OK:ushmds");
  error(id, tws::kNoRequestId, 2158, "Sec-def data farm connection is OK:secdefnj");
}

void SimCore::handle(ConnectionId id, Connection& c, const tws::ToServerMessage& message,
                     Timestamp wall) {
  const int client = *c.client_id;
  std::visit(
      [&](const auto& m) {
        using M = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<M, tws::UnknownMessage>) {
          spdlog::info("sim: client {}: message id {} is not simulated; ignored", client, m.id);
        } else if constexpr (std::is_same_v<M, tws::ReqIds>) {
          send(id, tws::NextValidId{broker_->next_order_id(client)});
        } else if constexpr (std::is_same_v<M, tws::ReqCurrentTime>) {
          send(id, tws::CurrentTime{epoch_seconds(broker_->now())});
        } else if constexpr (std::is_same_v<M, tws::ReqManagedAccts>) {
          send(id, tws::ManagedAccts{{broker_->account()}});
        } else if constexpr (std::is_same_v<M, tws::ReqAccountSummary>) {
          c.account_summaries[m.req_id] = m.tags;
          for (auto& row : account_summary(broker_->ledger(), broker_->account(), m.tags)) {
            send(id, tws::AccountSummary{m.req_id, broker_->account(), row.key, row.value,
                                         row.currency});
          }
          send(id, tws::AccountSummaryEnd{m.req_id});
        } else if constexpr (std::is_same_v<M, tws::CancelAccountSummary>) {
          c.account_summaries.erase(m.req_id);
        } else if constexpr (std::is_same_v<M, tws::ReqAcctData>) {
          c.account_updates = m.subscribe;
          if (m.subscribe) send_account_download(id);
        } else if constexpr (std::is_same_v<M, tws::ReqPositions>) {
          c.positions = true;
          send_positions(id);
        } else if constexpr (std::is_same_v<M, tws::CancelPositions>) {
          c.positions = false;
        } else if constexpr (std::is_same_v<M, tws::ReqAccountUpdatesMulti>) {
          c.account_multi[m.req_id] = m.model_code;
          send_account_multi(id, m.req_id, m.model_code, true);
        } else if constexpr (std::is_same_v<M, tws::CancelAccountUpdatesMulti>) {
          c.account_multi.erase(m.req_id);
        } else if constexpr (std::is_same_v<M, tws::PlaceOrder>) {
          broker_->place(client, m);
        } else if constexpr (std::is_same_v<M, tws::CancelOrder>) {
          broker_->cancel(client, m.order_id);
        } else if constexpr (std::is_same_v<M, tws::ReqGlobalCancel>) {
          broker_->cancel_all();
        } else if constexpr (std::is_same_v<M, tws::ReqOpenOrders>) {
          send_open_orders(id, client);
        } else if constexpr (std::is_same_v<M, tws::ReqAllOpenOrders>) {
          send_open_orders(id, std::nullopt);
        } else if constexpr (std::is_same_v<M, tws::ReqAutoOpenOrders>) {
          if (client != 0) {
            error(id, tws::kNoRequestId, 327,
                  "Only the default client (i.e client with clientId 0) can request auto open "
                  "orders.");
          } else {
            c.auto_bind = m.auto_bind;
          }
        } else if constexpr (std::is_same_v<M, tws::ReqCompletedOrders>) {
          send(id, tws::CompletedOrdersEnd{});
        } else if constexpr (std::is_same_v<M, tws::ReqExecutions>) {
          send_executions(id, c, m);
        } else if constexpr (std::is_same_v<M, tws::ReqMktData>) {
          request_market_data(id, c, m);
        } else if constexpr (std::is_same_v<M, tws::CancelMktData>) {
          if (c.market_data.erase(m.req_id) == 0) {
            error(id, m.req_id, 300, "Can't find EId with tickerId:" + std::to_string(m.req_id));
          }
        } else if constexpr (std::is_same_v<M, tws::ReqMarketDataType>) {
          // Live data is always available here, and TWS prefers live: nothing to switch.
        } else if constexpr (std::is_same_v<M, tws::ReqRealTimeBars>) {
          request_real_time_bars(id, c, m);
        } else if constexpr (std::is_same_v<M, tws::CancelRealTimeBars>) {
          c.real_time_bars.erase(m.req_id);
        } else if constexpr (std::is_same_v<M, tws::ReqHistoricalData>) {
          request_historical(id, m);
        } else if constexpr (std::is_same_v<M, tws::CancelHistoricalData>) {
          // Answers go out whole at request time; nothing is left to cancel.
        } else if constexpr (std::is_same_v<M, tws::ReqContractData>) {
          request_contract_details(id, m);
        } else if constexpr (std::is_same_v<M, tws::ReqScannerSubscription>) {
          request_scanner(id, c, m, wall);
        } else if constexpr (std::is_same_v<M, tws::CancelScannerSubscription>) {
          c.scans.erase(m.req_id);
        } else if constexpr (std::is_same_v<M, tws::ReqScannerParameters>) {
          send(id, tws::ScannerParameters{scanner_parameters_xml()});
        } else if constexpr (std::is_same_v<M, tws::StartApi>) {
          // handled before
        }
      },
      message);
}

void SimCore::send_account_download(ConnectionId id) {
  const auto& ledger = broker_->ledger();
  for (auto& row : account_values(ledger, broker_->account())) {
    send(id, tws::AcctValue{row.key, row.value, row.currency, broker_->account()});
  }
  for (auto& v : portfolio_values(ledger, contracts_, broker_->account()))
    send(id, std::move(v));
  const auto local = zone_.to_local(date::floor<std::chrono::minutes>(broker_->now()));
  send(id, tws::AcctUpdateTime{date::format("%H:%M", local)});
  send(id, tws::AcctDownloadEnd{broker_->account()});
}

void SimCore::send_account_multi(ConnectionId id, int req_id, const std::string& model_code,
                                 bool end) {
  for (auto& row : account_values(broker_->ledger(), broker_->account())) {
    send(id, tws::AccountUpdateMulti{req_id, broker_->account(), model_code, row.key, row.value,
                                     row.currency});
  }
  if (end) send(id, tws::AccountUpdateMultiEnd{req_id});
}

void SimCore::send_positions(ConnectionId id) {
  for (auto& p : positions(broker_->ledger(), contracts_, broker_->account()))
    send(id, std::move(p));
  send(id, tws::PositionEnd{});
}

void SimCore::send_open_orders(ConnectionId id, std::optional<int> client_id) {
  for (const BrokerOrder* order : broker_->open_orders(client_id)) {
    send(id, broker_->open_order_message(*order));
    send(id, broker_->status_message(*order));
  }
  send(id, tws::OpenOrderEnd{});
}

void SimCore::send_executions(ConnectionId id, Connection& c, const tws::ReqExecutions& m) {
  const tws::ExecutionFilter& f = m.filter;
  std::optional<Timestamp> after;
  if (!f.time.empty()) {
    auto parsed = tws::parse_tws_time(f.time);
    if (parsed) {
      auto instant = tws::to_timestamp(*parsed, &zone_);
      if (instant) after = *instant;
    }
  }
  for (const ExecutionRecord& e : broker_->executions()) {
    // A client sees its own executions; client 0 (the master here) sees every client's.
    if (*c.client_id != 0 && e.client_id != *c.client_id) continue;
    if (f.client_id != 0 && e.client_id != f.client_id) continue;
    if (!f.account.empty() && f.account != broker_->account()) continue;
    if (!f.symbol.empty() && f.symbol != e.data.contract.symbol) continue;
    if (!f.sec_type.empty() && f.sec_type != e.data.contract.sec_type) continue;
    if (!f.exchange.empty() && f.exchange != e.data.execution.exchange) continue;
    if (!f.side.empty() && (f.side == "BUY"    ? "BOT"
                            : f.side == "SELL" ? "SLD"
                                               : f.side) != e.data.execution.side)
      continue;
    if (after && e.time < *after) continue;
    tws::ExecutionData data = e.data;
    data.req_id = m.req_id;
    send(id, std::move(data));
    if (e.commission_known) send(id, e.commission);
  }
  send(id, tws::ExecutionDataEnd{m.req_id});
}

void SimCore::request_market_data(ConnectionId id, Connection& c, const tws::ReqMktData& m) {
  const SimContract* contract = contracts_.resolve(m.contract);
  if (contract == nullptr) {
    error(id, m.req_id, 200, "No security definition has been found for the request");
    return;
  }
  if (m.snapshot && !m.generic_tick_list.empty()) {
    error(id, m.req_id, 321,
          "Error validating request.-'bC' : cause - Snapshot market data subscription is not "
          "applicable to generic ticks");
    return;
  }
  if (c.market_data.contains(m.req_id)) {
    error(id, m.req_id, 322, "Error processing request.-'bC' : cause - Duplicate ticker id");
    return;
  }
  if (!m.snapshot && static_cast<int>(c.market_data.size()) >= kMaxMarketDataLines) {
    error(id, m.req_id, 101, "Max number of tickers has been reached");
    return;
  }
  const Price tick = view_.tick(contract->index, source_.sessions().market_date(broker_->now()));
  send(id, tws::TickReqParams{m.req_id, tws::to_wire(tick), "9c0001", 3});
  send(id, tws::MarketDataType{m.req_id, tws::kMarketDataLive});
  MarketDataSub sub;
  sub.contract = contract;
  sub.fundamentals = wants_ratios(m.generic_tick_list);
  send_ticks(id, m.req_id, sub, true);
  if (m.snapshot) {
    send(id, tws::TickSnapshotEnd{m.req_id});
    return;
  }
  c.market_data[m.req_id] = std::move(sub);
}

void SimCore::send_ticks(ConnectionId id, int req_id, MarketDataSub& sub, bool full) {
  auto now = view_.snapshot(sub.contract->index, broker_->now());
  if (!now) return;
  const std::optional<MarketSnapshot>& was = sub.sent;
  const bool everything = full || !was;
  auto price = [&](int type, Price p, std::optional<Quantity> size) {
    send(id, tws::TickPrice{req_id, type, tws::to_wire(p), size, tws::TickPrice::kCanAutoExecute});
  };
  if (everything || was->bid != now->bid || was->bid_size != now->bid_size)
    price(tws::kTickBid, now->bid, now->bid_size);
  if (everything || was->ask != now->ask || was->ask_size != now->ask_size)
    price(tws::kTickAsk, now->ask, now->ask_size);
  if (everything || was->last != now->last || was->volume != now->volume) {
    const Quantity traded = everything ? Quantity::from_units(100) : now->volume - was->volume;
    price(tws::kTickLast, now->last, traded.is_positive() ? traded : Quantity::from_units(100));
    send(id, tws::TickString{req_id, tws::kTickLastTimestamp,
                             std::to_string(epoch_seconds(now->time))});
  }
  if (everything || was->volume != now->volume)
    send(id, tws::TickSize{req_id, tws::kTickVolume, in_lots(now->volume)});
  if (everything || was->high != now->high) price(tws::kTickHigh, now->high, std::nullopt);
  if (everything || was->low != now->low) price(tws::kTickLow, now->low, std::nullopt);
  if (everything) {
    price(tws::kTickOpen, now->open, std::nullopt);
    if (now->previous_close) price(tws::kTickClose, *now->previous_close, std::nullopt);
  }
  const bool new_day =
      was && source_.sessions().market_date(was->time) != source_.sessions().market_date(now->time);
  if (sub.fundamentals && (everything || new_day)) {
    if (auto f = view_.fundamentals(sub.contract->index, now->time)) {
      send(id, tws::TickString{req_id, tws::kTickFundamentalRatios, fundamental_ratios_text(*f)});
    }
  }
  sub.sent = now;
}

void SimCore::request_real_time_bars(ConnectionId id, Connection& c,
                                     const tws::ReqRealTimeBars& m) {
  const SimContract* contract = contracts_.resolve(m.contract);
  if (contract == nullptr) {
    error(id, m.req_id, 200, "No security definition has been found for the request");
    return;
  }
  const std::string& what = m.what_to_show;
  if (what != "TRADES" && what != "MIDPOINT" && what != "BID" && what != "ASK") {
    error(id, m.req_id, 420, "Invalid Real-time Query:whatToShow " + what + " is not simulated");
    return;
  }
  // The first bar is the one in progress: it goes out once it completes.
  c.real_time_bars[m.req_id] =
      RealTimeBarSub{contract, floor_to(broker_->now(), kRealTimeBar), what == "TRADES"};
}

void SimCore::send_real_time_bars(ConnectionId id, int req_id, RealTimeBarSub& sub, Timestamp now) {
  const Timestamp latest = floor_to(now, kRealTimeBar);  // start of the bar in progress
  if (latest - sub.next_start > kRealTimeBar * kMaxBarsPerAdvance) {
    sub.next_start = latest - kRealTimeBar * kMaxBarsPerAdvance;
  }
  for (; sub.next_start < latest; sub.next_start += kRealTimeBar) {
    auto bar = view_.sub_minute_bar(sub.contract->index, sub.next_start, kRealTimeBar);
    if (!bar) continue;  // the night the replay skipped
    tws::RealTimeBars m;
    m.req_id = req_id;
    m.time = epoch_seconds(bar->time);
    m.open = tws::to_wire(bar->open);
    m.high = tws::to_wire(bar->high);
    m.low = tws::to_wire(bar->low);
    m.close = tws::to_wire(bar->close);
    if (sub.trades) {
      m.volume = bar->volume;
      m.wap = Price::from_raw(
                  fixed::mul_div(bar->high.raw() + bar->low.raw() + bar->close.raw(), 1, 3), 4)
                  .rounded(4);
      m.count = static_cast<int>(bar->volume.raw() / kFixedScale / 100);
    } else {
      m.volume = Quantity::from_units(-1);
      m.wap = Price::from_units(-1);
      m.count = -1;
    }
    send(id, std::move(m));
  }
}

void SimCore::request_historical(ConnectionId id, const tws::ReqHistoricalData& m) {
  const SimContract* contract = contracts_.resolve(m.contract);
  if (contract == nullptr) {
    error(id, m.req_id, 200, "No security definition has been found for the request");
    return;
  }
  HistoricalResult result = historical_bars(source_, contract->index, m, broker_->now(), zone_);
  if (result.error) {
    error(id, m.req_id, result.error->code, result.error->message);
    return;
  }
  send(id, std::move(*result.data));
}

std::string SimCore::session_hours_text(bool liquid) const {
  // Today and the next six days, as IB lists them: "20231207:0400-20231207:2000;20231209:CLOSED".
  const auto& calendar = source_.sessions();
  date::year_month_day day = calendar.market_date(broker_->now());
  auto local = [&](Timestamp t) {
    return date::format("%Y%m%d:%H%M", zone_.to_local(date::floor<std::chrono::minutes>(t)));
  };
  std::string out;
  for (int i = 0; i < 7; ++i) {
    if (!out.empty()) out += ';';
    if (auto hours = calendar.hours(day)) {
      out += liquid ? local(hours->open) + "-" + local(hours->close)
                    : local(hours->pre_open) + "-" + local(hours->post_close);
    } else {
      out += date::format("%Y%m%d", date::sys_days(day)) + ":CLOSED";
    }
    day = date::year_month_day(date::sys_days(day) + date::days(1));
  }
  return out;
}

void SimCore::request_contract_details(ConnectionId id, const tws::ReqContractData& m) {
  const SimContract* contract = contracts_.resolve(m.contract);
  if (contract == nullptr) {
    error(id, m.req_id, 200, "No security definition has been found for the request");
    return;
  }
  const Price tick = view_.tick(contract->index, source_.sessions().market_date(broker_->now()));
  send(id, tws::ContractData{
               m.req_id, contracts_.details(*contract, tws::to_wire(tick),
                                            session_hours_text(false), session_hours_text(true))});
  send(id, tws::ContractDataEnd{m.req_id});
}

void SimCore::request_scanner(ConnectionId id, Connection& c, const tws::ReqScannerSubscription& m,
                              Timestamp wall) {
  auto request = parse_scan_request(m);
  if (!request) {
    error(id, m.req_id, 321, "Error validating request.-'bd' : cause - " + request.error().message);
    return;
  }
  if (c.scans.size() >= kMaxScans && !c.scans.contains(m.req_id)) {
    error(id, m.req_id, 322,
          "Error processing request.-'bd' : cause - Max number of scanner subscriptions (10)");
    return;
  }
  c.scans[m.req_id] = ScanSub{*request, wall + options_.scanner_interval};
  send_scan(id, m.req_id, *request);
}

void SimCore::send_scan(ConnectionId id, int req_id, const ScanRequest& request) {
  std::vector<ScanCandidate> candidates;
  candidates.reserve(contracts_.size());
  const Timestamp now = broker_->now();
  const date::year_month_day today = source_.sessions().market_date(now);
  for (const SimContract& contract : contracts_.all()) {
    auto snapshot = view_.snapshot(contract.index, now);
    if (!snapshot) continue;
    ScanCandidate candidate;
    candidate.index = contract.index;
    candidate.exchange = contract.primary_exchange;
    candidate.last = snapshot->last;
    candidate.previous_close = snapshot->previous_close;
    candidate.volume = snapshot->volume;
    candidate.avg_volume = source_.avg_volume(contract.index, today);
    if (auto shares = source_.shares_outstanding(contract.index))
      candidate.market_cap = engine::market::market_cap_of(snapshot->last, *shares);
    candidates.push_back(std::move(candidate));
  }
  tws::ScannerData data;
  data.req_id = req_id;
  int rank = 0;
  for (std::size_t index : run_scan(request, candidates)) {
    tws::ScannerRow row;
    row.rank = rank++;
    row.contract = contracts_.wire(contracts_.at(index));
    row.contract.primary_exchange.clear();
    row.market_name = row.contract.trading_class;
    data.rows.push_back(std::move(row));
  }
  send(id, std::move(data));
}

void SimCore::advance(Timestamp market_now, Timestamp wall) {
  broker_->advance(market_now);
  const Timestamp now = broker_->now();
  for (auto& [id, c] : connections_) {
    if (!c.started || c.closing) continue;
    for (auto& [req_id, sub] : c.market_data)
      send_ticks(id, req_id, sub, false);
    for (auto& [req_id, sub] : c.real_time_bars)
      send_real_time_bars(id, req_id, sub, now);
    for (auto& [req_id, scan] : c.scans) {
      if (wall < scan.next_wall) continue;
      scan.next_wall = wall + options_.scanner_interval;
      send_scan(id, req_id, scan.request);
    }
  }
}

}  // namespace ibtrade::sim
