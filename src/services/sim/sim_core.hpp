// SimCore: everything `ibtrade sim` decides, without sockets. It takes decoded client messages
// per connection and the advance of market time, and answers through SimOutput with the typed
// messages IB would send: session setup (326 on a client id in use), account, positions, orders
// (through SimBroker), executions, market data, real-time and historical bars, contract details,
// the scanner, pacing (error 100). Single-threaded: every call on the simulator's io thread.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <date/tz.h>

#include "adapters/tws/messages/dispatch.hpp"
#include "services/sim/bar_source.hpp"
#include "services/sim/contract_book.hpp"
#include "services/sim/market_view.hpp"
#include "services/sim/scanner.hpp"
#include "services/sim/sim_broker.hpp"
#include "services/sim/sim_options.hpp"

namespace ibtrade::sim {

using ConnectionId = std::uint64_t;

// The transport behind the core: one call per message to put on a connection, and closing one
// (after what was queued for it has been written).
class SimOutput {
 public:
  virtual ~SimOutput() = default;
  virtual void send(ConnectionId connection, tws::ToClientMessage message) = 0;
  virtual void close(ConnectionId connection, std::string reason) = 0;
};

class SimCore final : private BrokerListener {
 public:
  // `source`, `zone` and `output` must outlive the core. `market_start` is the replay's first
  // instant.
  SimCore(const BarSource& source, SimOptions options, const date::time_zone& zone,
          SimOutput& output, Timestamp market_start);
  ~SimCore() override;
  SimCore(const SimCore&) = delete;
  SimCore& operator=(const SimCore&) = delete;

  void connected(ConnectionId connection);
  // Frees the client id and drops the connection's subscriptions; its orders keep working.
  void disconnected(ConnectionId connection);
  // One decoded message; `wall` is the transport's monotonic clock (for pacing only).
  void on_message(ConnectionId connection, const tws::ToServerMessage& message, Timestamp wall);
  // Market time moved on: orders meet the market, subscriptions get their updates.
  void advance(Timestamp market_now, Timestamp wall);
  // An ERR_MSG with id -1 to every client that started the API (system notices 1100/1102).
  void notice_all(int code, const std::string& text);

  Timestamp market_now() const { return broker_->now(); }
  std::vector<int> client_ids() const;
  const ContractBook& contracts() const { return contracts_; }
  SimBroker& broker() { return *broker_; }
  MarketView& market_view() { return view_; }

 private:
  struct MarketDataSub {
    const SimContract* contract = nullptr;
    bool fundamentals = false;  // generic tick 258
    std::optional<MarketSnapshot> sent;
  };
  struct RealTimeBarSub {
    const SimContract* contract = nullptr;
    Timestamp next_start;
    bool trades = true;
  };
  struct ScanSub {
    ScanRequest request;
    Timestamp next_wall;
  };
  struct Connection {
    std::optional<int> client_id;
    bool started = false;
    bool closing = false;
    bool auto_bind = false;
    std::deque<Timestamp> recent;  // accepted messages within the last second
    std::map<int, MarketDataSub> market_data;
    std::map<int, RealTimeBarSub> real_time_bars;
    std::map<int, ScanSub> scans;
    std::map<int, std::string> account_summaries;  // reqId -> tags
    std::map<int, std::string> account_multi;      // reqId -> model code
    bool positions = false;
    bool account_updates = false;
  };

  // BrokerListener
  void order_message(int client_id, tws::ToClientMessage message) override;
  void portfolio_changed() override;

  void send(ConnectionId id, tws::ToClientMessage message);
  void error(ConnectionId id, int req_id, int code, std::string text);
  bool within_pace(ConnectionId id, Connection& c, Timestamp wall);
  void start_api(ConnectionId id, Connection& c, const tws::StartApi& m);
  void handle(ConnectionId id, Connection& c, const tws::ToServerMessage& message, Timestamp wall);

  void send_account_download(ConnectionId id);
  void send_account_multi(ConnectionId id, int req_id, const std::string& model_code, bool end);
  void send_positions(ConnectionId id);
  void send_open_orders(ConnectionId id, std::optional<int> client_id);
  void send_executions(ConnectionId id, Connection& c, const tws::ReqExecutions& m);
  void request_market_data(ConnectionId id, Connection& c, const tws::ReqMktData& m);
  void send_ticks(ConnectionId id, int req_id, MarketDataSub& sub, bool full);
  void request_real_time_bars(ConnectionId id, Connection& c, const tws::ReqRealTimeBars& m);
  void send_real_time_bars(ConnectionId id, int req_id, RealTimeBarSub& sub, Timestamp now);
  void request_historical(ConnectionId id, const tws::ReqHistoricalData& m);
  void request_contract_details(ConnectionId id, const tws::ReqContractData& m);
  void request_scanner(ConnectionId id, Connection& c, const tws::ReqScannerSubscription& m,
                       Timestamp wall);
  void send_scan(ConnectionId id, int req_id, const ScanRequest& request);
  std::string session_hours_text(bool liquid) const;

  const BarSource& source_;
  SimOptions options_;
  const date::time_zone& zone_;
  SimOutput& output_;
  ContractBook contracts_;
  MarketView view_;
  std::unique_ptr<SimBroker> broker_;
  std::map<ConnectionId, Connection> connections_;
  std::map<int, ConnectionId> by_client_;
};

}  // namespace ibtrade::sim
