// SimBroker: the paper account behind `ibtrade sim`. Orders from any client go to one
// SimulatedVenue in tick mode, fed with quotes and prints from the MarketView; the venue's
// answers become IB's OPEN_ORDER / ORDER_STATUS / EXECUTION_DATA / COMMISSION_REPORT / ERR_MSG
// for the order's owner, and fills are booked in a Ledger (fixed point). Order ids are per client
// id, as IB keeps them. Single-threaded: the simulator's io thread, like the engine's kernel.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <date/tz.h>

#include "adapters/tws/messages/dispatch.hpp"
#include "core/clock.hpp"
#include "engine/fees/ibkr_fixed.hpp"
#include "engine/portfolio/ledger.hpp"
#include "engine/sim/simulated_venue.hpp"
#include "services/sim/contract_book.hpp"
#include "services/sim/market_view.hpp"
#include "services/sim/sim_options.hpp"

namespace ibtrade::sim {

// Where the broker's messages go: to the connection(s) of a client id, and a note that the
// account's positions or cash changed (for the account-update and position streams).
class BrokerListener {
 public:
  virtual ~BrokerListener() = default;
  virtual void order_message(int client_id, tws::ToClientMessage message) = 0;
  virtual void portfolio_changed() = 0;
};

// One order as IB tracks it.
struct BrokerOrder {
  int client_id = 0;
  int order_id = 0;
  std::int64_t perm_id = 0;
  const SimContract* contract = nullptr;
  tws::PlaceOrder placed;  // as last placed/modified, echoed in OPEN_ORDER
  ClientOrderId venue_id;
  std::string status;  // IB's status last reported
  Quantity filled;
  Quantity remaining;
  double avg_fill_price = 0.0;
  double last_fill_price = 0.0;
  Money commission;  // reported so far
  bool commission_known = false;
  bool finished = false;
};

struct ExecutionRecord {
  int client_id = 0;
  Timestamp time;
  tws::ExecutionData data;
  tws::CommissionReport commission;
  bool commission_known = false;
  Money realized_gross;  // ledger's realized PnL change from this fill
  bool closing = false;  // the fill reduced a position
};

class SimBroker {
 public:
  // `contracts`, `market`, `listener` and `zone` must outlive the broker.
  SimBroker(const ContractBook& contracts, MarketView& market, const SimOptions& options,
            BrokerListener& listener, const date::time_zone& zone, Timestamp start);
  ~SimBroker();
  SimBroker(const SimBroker&) = delete;
  SimBroker& operator=(const SimBroker&) = delete;

  // PLACE_ORDER from `client_id`: a new order, or a modify when the id names a working order of
  // that client. Refusals come back as ERR_MSG (103, 104, 200, 201).
  void place(int client_id, const tws::PlaceOrder& message);
  // CANCEL_ORDER: unknown id 10147, finished order 10148.
  void cancel(int client_id, int order_id);
  // REQ_GLOBAL_CANCEL: every working order of the account.
  void cancel_all();
  // Market time moved on: the venue sees the symbols' books and prints, sessions close, open
  // positions are marked.
  void advance(Timestamp now);

  Timestamp now() const { return clock_.now(); }
  const std::string& account() const { return options_.account; }
  int next_order_id(int client_id) const;
  // Working orders, of one client or of all.
  std::vector<const BrokerOrder*> open_orders(std::optional<int> client_id) const;
  tws::OpenOrder open_order_message(const BrokerOrder& order) const;
  tws::OrderStatus status_message(const BrokerOrder& order) const;
  const std::vector<ExecutionRecord>& executions() const { return executions_; }
  const engine::Ledger& ledger() const { return ledger_; }

 private:
  class MarketClock final : public Clock {
   public:
    explicit MarketClock(Timestamp t) : now_(t) {}
    Timestamp now() const override { return now_; }
    void set(Timestamp t) { now_ = t; }

   private:
    Timestamp now_;
  };
  using Key = std::pair<int, int>;  // client id, order id

  void error(int client_id, int id, int code, std::string text);
  void feed(const SimContract& contract, Timestamp at);
  void drain();
  void on_status(const engine::OrderStatusReport& report);
  void on_execution(const engine::ExecutionReport& report);
  void on_commission(const engine::CommissionUpdate& update);
  void on_rejected(const engine::CommandRejected& rejected);
  BrokerOrder* by_venue_id(const ClientOrderId& id);
  void send_order(const BrokerOrder& order, bool open_order_first, bool open_order_after);
  Result<Order> core_order(const BrokerOrder& order) const;

  const ContractBook& contracts_;
  MarketView& market_;
  SimOptions options_;
  BrokerListener& listener_;
  const date::time_zone& zone_;
  MarketClock clock_;
  engine::IbkrFixedCommission commission_model_;
  engine::Ledger ledger_;
  std::deque<engine::VenueMessage> pending_;  // the venue's answers, handled after each call
  std::unique_ptr<engine::SimulatedVenue> venue_;

  std::map<Key, BrokerOrder> orders_;
  std::unordered_map<ClientOrderId, Key> by_venue_;
  std::map<int, int> max_order_id_;       // per client id, ids ever used
  std::map<std::size_t, Timestamp> fed_;  // symbols given to the venue, last data time
  std::map<std::size_t, Quantity> fed_volume_;
  std::vector<ExecutionRecord> executions_;
  std::unordered_map<std::string, std::size_t> execution_index_;
  std::int64_t next_perm_id_ = 1'100'000'001;
  date::year_month_day session_day_;
};

}  // namespace ibtrade::sim
