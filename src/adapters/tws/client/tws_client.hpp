// TwsClient: the TWS API client over TCP. It owns one Asio io_context and the one thread that
// runs it; the connection (FrameStream), the timers and the ClientSession logic all live on that
// thread. Threading rule: start(), post(), stop() and the destructor may be called from any
// thread, stop() and the destructor not from the io thread (they join it); everything else (the
// session's requests, the listener callbacks) runs on the io thread only, reached by post().
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <thread>

#include <asio.hpp>

#include "adapters/tws/client/client_config.hpp"
#include "adapters/tws/client/client_listener.hpp"
#include "adapters/tws/client/client_session.hpp"
#include "adapters/tws/client/session_port.hpp"
#include "adapters/tws/net/frame_stream.hpp"
#include "core/clock.hpp"

namespace ibtrade::tws {

class TwsClient final : private SessionPort {
 public:
  // `listener` and `clock` must outlive the client. The clock must advance with real time (the
  // timers wait for the difference between its readings), e.g. LiveClock.
  TwsClient(ClientConfig config, ClientListener& listener, const Clock& clock);
  ~TwsClient() override;
  TwsClient(const TwsClient&) = delete;
  TwsClient& operator=(const TwsClient&) = delete;

  // Starts the io thread and the first connection attempt.
  void start();
  // Writes what is already queued on the socket (up to config.stop_flush_timeout), closes the
  // connection, tells the listener (on_disconnected, on_stopped) and joins the io thread.
  // Idempotent.
  void stop();
  // Runs `work` on the io thread with the session: the way to make requests from elsewhere.
  void post(std::function<void(ClientSession&)> work);

  // Io thread only (e.g. from a listener callback).
  ClientSession& session() { return session_; }

 private:
  // SessionPort, called by the session on the io thread.
  void send(std::string bytes) override;
  void close(std::string reason) override;
  void connect_after(Nanoseconds delay) override;
  void wake_at(Timestamp at) override;

  void connect();
  void connected(asio::ip::tcp::socket socket);
  void connect_attempt_failed(const std::string& reason);
  void stream_closed(const std::string& reason);

  // io_ first: it is destroyed last, after everything bound to it.
  asio::io_context io_;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work_;
  const Clock& clock_;
  ClientConfig config_;
  ClientSession session_;
  asio::ip::tcp::resolver resolver_;
  asio::steady_timer wake_timer_;
  std::optional<Timestamp> wake_armed_;
  asio::steady_timer reconnect_timer_;
  asio::steady_timer connect_timer_;
  asio::steady_timer stop_timer_;
  // Set while stop() waits for the queued bytes to be written: ends the io loop.
  std::function<void()> finish_stop_;
  bool stopping_ = false;
  std::shared_ptr<asio::ip::tcp::socket> connecting_;
  std::shared_ptr<FrameStream> stream_;
  std::uint64_t generation_ = 0;  // bumps per connection: late callbacks of old ones are ignored
  std::thread thread_;
  bool started_ = false;
  bool stopped_ = false;
};

}  // namespace ibtrade::tws
