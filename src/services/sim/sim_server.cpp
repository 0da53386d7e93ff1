#include "services/sim/sim_server.hpp"

#include <atomic>
#include <future>
#include <map>
#include <thread>

#include <asio.hpp>
#include <date/tz.h>
#include <httplib.h>
#include <spdlog/spdlog.h>

#include "adapters/tws/messages/dispatch.hpp"
#include "adapters/tws/net/frame_stream.hpp"
#include "adapters/tws/wire/handshake.hpp"
#include "services/sim/market_clock.hpp"
#include "services/sim/sim_core.hpp"
#include "services/sim/sim_http.hpp"
#include "services/sim/synthetic_bar_source.hpp"

namespace ibtrade::sim {
namespace {

using SteadyClock = std::chrono::steady_clock;

Timestamp wall_stamp(SteadyClock::time_point t) {
  return Timestamp(std::chrono::duration_cast<Nanoseconds>(t.time_since_epoch()));
}

// The first session replayed: --from, else the first bar of a replay that starts somewhere
// (CSV), else the most recent trading day.
date::year_month_day start_day(const BarSource& source, const SimOptions& options) {
  if (options.from) return *options.from;
  const SessionSchedule& sessions = source.sessions();
  if (auto first = source.first_bar_time()) return sessions.market_date(*first);
  const auto today = sessions.market_date(Timestamp(std::chrono::duration_cast<Nanoseconds>(
      std::chrono::system_clock::now().time_since_epoch())));
  auto day = sessions.most_recent_trading_day(today);
  if (!day) throw std::invalid_argument("the trading calendar has no day near today");
  return *day;
}

}  // namespace

struct SimServer::Impl final : SimOutput {
  struct Session {
    std::shared_ptr<tws::FrameStream> stream;
    bool greeted = false;
    bool bad = false;  // a malformed message was seen: ignore the rest until the close lands
    tws::Capabilities caps;
    std::string peer;
  };

  Impl(const TradingCalendar& cal, SimOptions opts)
      : calendar(cal),
        options(std::move(opts)),
        zone(date::locate_zone("America/New_York")),
        market(options.seed, options.symbols, calendar),
        synthetic(market),
        source(options.bars ? *options.bars : static_cast<const BarSource&>(synthetic)),
        clock(source.sessions(), start_day(source, options), options.speed,
              options.from ? std::nullopt : source.first_bar_time()),
        core(source, options, *zone, *this, clock.now()) {
    market_now_ns.store(clock.now().time_since_epoch().count());
  }

  // SimOutput: the core's messages onto the sockets, at the session's negotiated version.
  void send(ConnectionId id, tws::ToClientMessage message) override {
    auto it = sessions.find(id);
    if (it == sessions.end() || !it->second.greeted) return;
    std::string frame = tws::encode_frame(tws::encode_message(message, it->second.caps));
    if (status_delay > Nanoseconds::zero() && std::holds_alternative<tws::OrderStatus>(message)) {
      auto timer = std::make_shared<asio::steady_timer>(io, status_delay);
      timer->async_wait([timer, stream = it->second.stream,
                         frame = std::move(frame)](asio::error_code ec) mutable {
        if (!ec) stream->send(std::move(frame));
      });
      return;
    }
    it->second.stream->send(std::move(frame));
  }
  void close(ConnectionId id, std::string reason) override {
    auto it = sessions.find(id);
    if (it == sessions.end()) return;
    spdlog::info("sim: closing connection {}: {}", id, reason);
    it->second.stream->close_after_sending(std::move(reason));
  }

  void accept() {
    acceptor.async_accept(
        [this, generation = listen_generation](asio::error_code ec, asio::ip::tcp::socket socket) {
          // The listener was closed (restart window, shutdown) since this accept was started.
          if (generation != listen_generation || !acceptor.is_open()) return;
          if (ec) {
            if (ec != asio::error::operation_aborted) {
              spdlog::warn("sim: accept failed: {}", ec.message());
              accept();
            }
            return;
          }
          open_session(std::move(socket));
          accept();
        });
  }

  // Binds and listens on `port`; throws asio's system_error.
  void listen(std::uint16_t port) {
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(options.host), port);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen();
  }

  // IB's daily restart: nothing listens on the port until the window ends.
  void close_listener() {
    ++listen_generation;
    asio::error_code ignored;
    acceptor.close(ignored);
  }

  void reopen_listener() {
    try {
      listen(bound_port);
    } catch (const std::exception& e) {
      // Someone else took the port meanwhile: keep trying, as IB Gateway would come back.
      asio::error_code ignored;
      acceptor.close(ignored);
      spdlog::warn("sim: cannot listen on {}:{} again yet: {}", options.host, bound_port, e.what());
      restart_timer.expires_after(std::chrono::milliseconds(250));
      restart_timer.async_wait([this](asio::error_code ec) {
        if (!ec) reopen_listener();
      });
      return;
    }
    restarting = false;
    spdlog::warn("sim: daily restart over: listening on {}:{} again", options.host, bound_port);
    accept();
  }

  void open_session(asio::ip::tcp::socket socket) {
    const ConnectionId id = next_id++;
    asio::error_code ec;
    const auto remote = socket.remote_endpoint(ec);
    Session session;
    session.peer = ec ? "?" : remote.address().to_string() + ":" + std::to_string(remote.port());
    session.stream =
        tws::FrameStream::create(std::move(socket), tws::FrameDecoder::Start::kExpectApiPrefix);
    auto stream = session.stream;
    sessions.emplace(id, std::move(session));
    spdlog::info("sim: connection {} from {}", id, sessions.at(id).peer);
    stream->start([this, id](std::string payload) { on_frame(id, std::move(payload)); },
                  [this, id](const std::string& reason) { on_closed(id, reason); });
  }

  void on_frame(ConnectionId id, std::string payload) {
    auto it = sessions.find(id);
    if (it == sessions.end() || it->second.bad) return;
    Session& s = it->second;
    if (!s.greeted) {
      auto hello = tws::parse_client_hello(payload);
      auto version = hello ? tws::negotiate_version(*hello, tws::kMaxSupportedVersion)
                           : Result<int>(hello.error());
      auto caps =
          version ? tws::capabilities_for(*version) : Result<tws::Capabilities>(version.error());
      if (!caps) {
        s.bad = true;
        spdlog::warn("sim: connection {}: handshake refused: {}", id, caps.error().message);
        s.stream->close("handshake refused: " + caps.error().message);
        return;
      }
      s.caps = *caps;
      s.greeted = true;
      const auto local = date::make_zoned(zone, date::floor<std::chrono::seconds>(clock.now()));
      s.stream->send(
          tws::encode_server_hello({*version, date::format("%Y%m%d %H:%M:%S %Z", local)}));
      spdlog::info("sim: connection {}: client speaks {}..{}, negotiated version {}", id,
                   hello->min_version, hello->max_version, *version);
      core.connected(id);
      return;
    }
    auto message = tws::decode_to_server_message(payload, s.caps);
    if (!message) {
      // Only this connection goes: the others, and the core's state, are untouched.
      s.bad = true;
      spdlog::warn("sim: connection {}: malformed message, closing: {}", id,
                   message.error().message);
      s.stream->close("malformed message: " + message.error().message);
      return;
    }
    try {
      core.on_message(id, *message, wall_stamp(SteadyClock::now()));
    } catch (const std::exception& e) {
      // A bug in handling one message must not take the simulator (and every client) down.
      s.bad = true;
      spdlog::error("sim: connection {}: {} failed, closing: {}", id, tws::message_name(*message),
                    e.what());
      s.stream->close(std::string("internal error: ") + e.what());
    }
  }

  void on_closed(ConnectionId id, const std::string& reason) {
    spdlog::info("sim: connection {} closed: {}", id, reason);
    core.disconnected(id);
    sessions.erase(id);
  }

  void tick() {
    ticker.expires_after(options.tick_interval);
    ticker.async_wait([this](asio::error_code ec) {
      if (ec) return;
      const auto now = SteadyClock::now();
      const Timestamp market_time = clock.at(now - wall_start);
      try {
        core.advance(market_time, wall_stamp(now));
      } catch (const std::exception& e) {
        spdlog::error("sim: market loop: {}", e.what());
      }
      market_now_ns.store(core.market_now().time_since_epoch().count());
      tick();
    });
  }

  // Runs `work` on the io thread and waits for it (directly when not serving).
  template <class F>
  auto on_io(F work) -> decltype(work()) {
    if (!running || std::this_thread::get_id() == io_thread.get_id()) return work();
    std::packaged_task<decltype(work())()> task(std::move(work));
    auto done = task.get_future();
    asio::post(io, [&task] { task(); });
    return done.get();
  }

  std::size_t drop_all() {
    for (auto& [id, s] : sessions) {
      s.bad = true;
      s.stream->close("dropped by fault injection");
    }
    return sessions.size();
  }

  const TradingCalendar& calendar;
  SimOptions options;
  const date::time_zone* zone;
  engine::market::SyntheticMarket market;
  SyntheticBarSource synthetic;
  const BarSource& source;  // `synthetic` or options.bars
  MarketClock clock;
  SimCore core;

  asio::io_context io;
  asio::ip::tcp::acceptor acceptor{io};
  asio::steady_timer ticker{io};
  asio::steady_timer restart_timer{io};
  std::thread io_thread;
  httplib::Server http;
  std::thread http_thread;
  bool running = false;
  std::uint16_t bound_port = 0;
  std::uint16_t bound_http_port = 0;

  std::map<ConnectionId, Session> sessions;
  ConnectionId next_id = 1;
  SteadyClock::time_point wall_start;
  bool restarting = false;              // the listener is closed for a restart window
  std::uint64_t listen_generation = 0;  // bumped whenever the listener closes
  Nanoseconds status_delay{};
  std::atomic<std::int64_t> market_now_ns{0};
};

SimServer::SimServer(const TradingCalendar& calendar, SimOptions options)
    : impl_(std::make_unique<Impl>(calendar, std::move(options))) {}

SimServer::~SimServer() {
  stop();
}

Status SimServer::start() {
  Impl& m = *impl_;
  if (m.running) return {};
  try {
    m.listen(m.options.port);
    m.bound_port = m.acceptor.local_endpoint().port();
  } catch (const std::exception& e) {
    asio::error_code ignored;
    m.acceptor.close(ignored);
    return Error{"sim: cannot listen on " + m.options.host + ":" + std::to_string(m.options.port) +
                 ": " + e.what()};
  }
  if (m.options.http_enabled) {
    mount_fault_routes(m.http, *this);
    int port = m.options.http_port;
    if (port == 0) {
      port = m.http.bind_to_any_port(m.options.host);
    } else if (!m.http.bind_to_port(m.options.host, port)) {
      port = -1;
    }
    if (port <= 0) {
      asio::error_code ignored;
      m.acceptor.close(ignored);
      return Error{"sim: cannot listen for HTTP on " + m.options.host + ":" +
                   std::to_string(m.options.http_port)};
    }
    m.bound_http_port = static_cast<std::uint16_t>(port);
    m.http_thread = std::thread([&m] { m.http.listen_after_bind(); });
    // httplib's stop() does nothing until its loop has started: a stop() right after start()
    // would otherwise leave that thread in accept() for good.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!m.http.is_running() && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  m.wall_start = std::chrono::steady_clock::now();
  m.accept();
  m.tick();
  m.running = true;
  m.io_thread = std::thread([&m] {
    try {
      m.io.run();
    } catch (const std::exception& e) {
      // A bug, not an outcome: say so loudly rather than die silently on a server thread.
      spdlog::critical("sim: io thread stopped by an exception: {}", e.what());
    }
  });
  spdlog::info(
      "sim: SIMULATED IB Gateway (ibtrade sim) serving paper account {} on {}:{}{}; {}, speed "
      "{}x, market time {}",
      m.options.account, m.options.host, m.bound_port,
      m.options.http_enabled ? ", HTTP " + std::to_string(m.bound_http_port) : "",
      m.source.description(), m.options.speed,
      date::format("%F %H:%M ET",
                   m.zone->to_local(date::floor<std::chrono::seconds>(m.clock.now()))));
  return {};
}

void SimServer::stop() {
  Impl& m = *impl_;
  if (!m.running) return;
  if (m.bound_http_port != 0) {
    m.http.stop();
    if (m.http_thread.joinable()) m.http_thread.join();
  }
  asio::post(m.io, [&m] {
    m.close_listener();
    m.ticker.cancel();
    m.restart_timer.cancel();
    for (auto& [id, s] : m.sessions)
      s.stream->close("simulator shutting down");
    // Posted after the closes above, so they run first.
    asio::post(m.io, [&m] { m.io.stop(); });
  });
  if (m.io_thread.joinable()) m.io_thread.join();
  m.running = false;
  spdlog::info("sim: stopped");
}

std::uint16_t SimServer::port() const {
  return impl_->bound_port;
}
std::uint16_t SimServer::http_port() const {
  return impl_->bound_http_port;
}
const SimOptions& SimServer::options() const {
  return impl_->options;
}
const engine::market::SyntheticMarket& SimServer::market() const {
  return impl_->market;
}
const BarSource& SimServer::bars() const {
  return impl_->source;
}
Timestamp SimServer::market_now() const {
  return Timestamp(Nanoseconds(impl_->market_now_ns.load()));
}
httplib::Server& SimServer::http() {
  return impl_->http;
}

std::size_t SimServer::drop_all_connections() {
  Impl& m = *impl_;
  return m.on_io([&m] {
    spdlog::warn("sim: fault injection: dropping every connection");
    return m.drop_all();
  });
}

void SimServer::refuse_connections_for(Nanoseconds span) {
  Impl& m = *impl_;
  m.on_io([&m, span] {
    spdlog::warn("sim: fault injection: daily restart, port {} closed for {} ms", m.bound_port,
                 std::chrono::duration_cast<std::chrono::milliseconds>(span).count());
    m.drop_all();
    if (!m.running) return;
    // A second restart inside the window only moves its end.
    m.restarting = true;
    m.close_listener();
    m.restart_timer.expires_after(span);
    m.restart_timer.async_wait([&m](asio::error_code ec) {
      if (!ec) m.reopen_listener();
    });
  });
}

void SimServer::set_status_delay(Nanoseconds delay) {
  Impl& m = *impl_;
  m.on_io([&m, delay] {
    spdlog::warn("sim: fault injection: ORDER_STATUS delayed by {} ms",
                 std::chrono::duration_cast<std::chrono::milliseconds>(delay).count());
    m.status_delay = delay;
  });
}

void SimServer::connectivity_lost_for(Nanoseconds lost_for) {
  Impl& m = *impl_;
  m.on_io([&m, lost_for] {
    spdlog::warn("sim: fault injection: connectivity lost for {} ms",
                 std::chrono::duration_cast<std::chrono::milliseconds>(lost_for).count());
    m.core.notice_all(1100, "Connectivity between IB and Trader Workstation has been lost.");
    auto timer = std::make_shared<asio::steady_timer>(m.io, lost_for);
    timer->async_wait([&m, timer](asio::error_code ec) {
      if (ec) return;
      m.core.notice_all(
          1102,
          "Connectivity between IB and Trader Workstation has been restored - data maintained.");
    });
  });
}

SimStatus SimServer::status() {
  Impl& m = *impl_;
  return m.on_io([&m] {
    SimStatus s;
    s.client_ids = m.core.client_ids();
    s.connections = m.sessions.size();
    s.market_time = m.core.market_now();
    s.refusing_connections = m.restarting;
    s.status_delay = m.status_delay;
    return s;
  });
}

}  // namespace ibtrade::sim
