// FakeTwsServer: a small TWS for loopback tests, speaking the real protocol through FrameStream
// and the real handshake and message codecs. It negotiates the version, answers START_API with
// MANAGED_ACCTS and NEXT_VALID_ID (or 326 for a busy client id), records every message it
// receives, and lets a test send messages, raw bytes or drop the connection. Runs its own io
// thread; every public method may be called from any thread (waits block the caller).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <asio.hpp>

#include "adapters/tws/messages/codec.hpp"
#include "adapters/tws/messages/dispatch.hpp"
#include "adapters/tws/net/frame_stream.hpp"
#include "adapters/tws/wire/handshake.hpp"

namespace ibtrade::tws::testing {

class FakeTwsServer {
 public:
  struct Received {
    int connection = 0;  // 1 for the first accepted connection
    std::chrono::steady_clock::time_point at;
    std::string payload;
    ToServerMessage message;
  };
  // Runs on the server's io thread for every message received (after it is recorded).
  using Handler = std::function<void(FakeTwsServer&, const Received&)>;

  FakeTwsServer()
      : acceptor_(io_, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    accept();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~FakeTwsServer() {
    asio::post(io_, [this] {
      asio::error_code ignored;
      acceptor_.close(ignored);
      if (current_) current_->stream->close("server shutting down");
      work_.reset();
    });
    asio::post(io_, [this] { io_.stop(); });
    thread_.join();
  }
  FakeTwsServer(const FakeTwsServer&) = delete;
  FakeTwsServer& operator=(const FakeTwsServer&) = delete;

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

  // Configuration; set before the client connects.
  void set_server_max_version(int version) {
    with_lock([&] { server_max_ = version; });
  }
  void set_next_valid_id(int id) {
    with_lock([&] { next_valid_id_ = id; });
  }
  void set_accounts(std::vector<std::string> accounts) {
    with_lock([&] { accounts_ = std::move(accounts); });
  }
  void set_busy_client_ids(std::set<int> ids) {
    with_lock([&] { busy_ids_ = std::move(ids); });
  }
  void set_handler(Handler handler) {
    with_lock([&] { handler_ = std::move(handler); });
  }

  // To the current connection (no-op when there is none).
  void send(const ToClientMessage& message) {
    send_raw(encode_frame(encode_message(message, caps())));
  }
  void send_raw(std::string bytes) {
    asio::post(io_, [this, bytes = std::move(bytes)]() mutable {
      if (current_) current_->stream->send(std::move(bytes));
    });
  }
  // Closes the current connection, as TWS's daily restart does.
  void drop() {
    asio::post(io_, [this] {
      if (current_) current_->stream->close("dropped by the test");
    });
  }

  std::vector<Received> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }
  // Messages of type M received on `connection` (0 = any), in order.
  template <class M>
  std::vector<M> messages(int connection = 0) const {
    std::vector<M> out;
    std::lock_guard lock(mutex_);
    for (const Received& r : received_) {
      if (connection != 0 && r.connection != connection) continue;
      if (const M* m = std::get_if<M>(&r.message)) out.push_back(*m);
    }
    return out;
  }
  int connections() const {
    std::lock_guard lock(mutex_);
    return accepted_;
  }
  int closed_connections() const {
    std::lock_guard lock(mutex_);
    return closed_;
  }
  std::vector<int> client_ids() const {
    std::lock_guard lock(mutex_);
    return client_ids_;
  }

  // Waits until `condition` (checked under the server's lock, so it must only read the
  // server) holds, or `timeout` passes. True when it held.
  bool wait_until(const std::function<bool()>& condition,
                  std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return condition(); });
  }
  // Unlocked readers for use inside wait_until's condition.
  int connections_locked() const { return accepted_; }
  int closed_locked() const { return closed_; }
  template <class M>
  std::size_t count_locked(int connection = 0) const {
    std::size_t n = 0;
    for (const Received& r : received_) {
      if ((connection == 0 || r.connection == connection) && std::holds_alternative<M>(r.message))
        ++n;
    }
    return n;
  }

 private:
  struct Connection {
    int index = 0;
    std::shared_ptr<FrameStream> stream;
    bool hello_done = false;
    Capabilities caps = kCapabilities178;
  };

  template <class F>
  void with_lock(F&& f) {
    std::lock_guard lock(mutex_);
    f();
  }
  Capabilities caps() const {
    std::lock_guard lock(mutex_);
    return caps_;
  }

  void accept() {
    acceptor_.async_accept([this](asio::error_code ec, asio::ip::tcp::socket socket) {
      if (ec) return;
      auto connection = std::make_shared<Connection>();
      {
        std::lock_guard lock(mutex_);
        connection->index = ++accepted_;
      }
      connection->stream =
          FrameStream::create(std::move(socket), FrameDecoder::Start::kExpectApiPrefix);
      current_ = connection;
      all_.push_back(connection);
      // The stream's callbacks see the connection by pointer (all_ keeps it): a shared_ptr there
      // would be a cycle through the stream.
      Connection* c = connection.get();
      connection->stream->start(
          [this, c](std::string payload) { on_frame(*c, std::move(payload)); },
          [this, c](const std::string&) {
            {
              std::lock_guard lock(mutex_);
              ++closed_;
            }
            if (current_.get() == c) current_.reset();
            changed_.notify_all();
          });
      changed_.notify_all();
      accept();
    });
  }

  void on_frame(Connection& c, std::string payload) {
    if (!c.hello_done) {
      auto hello = parse_client_hello(payload);
      int server_max = 0;
      {
        std::lock_guard lock(mutex_);
        server_max = server_max_;
      }
      auto version = hello ? negotiate_version(*hello, server_max) : Result<int>(hello.error());
      if (!version) {
        c.stream->close("refused: " + version.error().message);
        return;
      }
      c.hello_done = true;
      c.caps = Capabilities::at(*version);
      {
        std::lock_guard lock(mutex_);
        caps_ = c.caps;
      }
      c.stream->send(encode_server_hello({*version, "20260105 09:30:00 EST"}));
      return;
    }
    auto message = decode_to_server_message(payload, c.caps);
    if (!message) {
      c.stream->close("client sent a malformed message: " + message.error().message);
      return;
    }
    Received r{c.index, std::chrono::steady_clock::now(), payload, *message};
    Handler handler;
    bool busy = false;
    int next_id = 0;
    std::vector<std::string> accounts;
    {
      std::lock_guard lock(mutex_);
      received_.push_back(r);
      handler = handler_;
      next_id = next_valid_id_;
      accounts = accounts_;
      if (const auto* start = std::get_if<StartApi>(&r.message)) {
        client_ids_.push_back(start->client_id);
        busy = busy_ids_.contains(start->client_id);
      }
    }
    changed_.notify_all();
    if (const auto* start = std::get_if<StartApi>(&r.message)) {
      if (busy) {
        ErrMsg error{-1, 326,
                     "Unable to connect as the client id is already in use. Retry with "
                     "a unique client id.",
                     ""};
        c.stream->send(encode_frame(error, c.caps));
        c.stream->close_after_sending("client id in use");
        return;
      }
      (void)start;
      c.stream->send(encode_frame(ManagedAccts{accounts}, c.caps));
      c.stream->send(encode_frame(NextValidId{next_id}, c.caps));
      c.stream->send(
          encode_frame(ErrMsg{-1, 2104, "Market data farm connection is OK:usfarm", ""}, c.caps));
    }
    if (handler) handler(*this, r);
  }

  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_ = asio::make_work_guard(io_);
  asio::ip::tcp::acceptor acceptor_;
  std::thread thread_;
  std::shared_ptr<Connection> current_;           // io thread only
  std::vector<std::shared_ptr<Connection>> all_;  // io thread only

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Received> received_;
  int accepted_ = 0;
  int closed_ = 0;
  std::vector<int> client_ids_;
  int server_max_ = kMaxSupportedVersion;
  int next_valid_id_ = 1001;
  std::vector<std::string> accounts_{"DU1234567"};
  std::set<int> busy_ids_;
  Capabilities caps_ = kCapabilities178;
  Handler handler_;
};

}  // namespace ibtrade::tws::testing
