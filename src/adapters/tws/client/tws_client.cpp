#include "adapters/tws/client/tws_client.hpp"

#include <future>

namespace ibtrade::tws {

namespace {

asio::steady_timer::duration until(Timestamp at, const Clock& clock) {
  const Nanoseconds left = at - clock.now();
  return std::chrono::duration_cast<asio::steady_timer::duration>(
      std::max(left, Nanoseconds::zero()));
}

}  // namespace

TwsClient::TwsClient(ClientConfig config, ClientListener& listener, const Clock& clock)
    : work_(asio::make_work_guard(io_)),
      clock_(clock),
      config_(config),
      session_(std::move(config), listener, *this, clock),
      resolver_(io_),
      wake_timer_(io_),
      reconnect_timer_(io_),
      connect_timer_(io_),
      stop_timer_(io_) {}

TwsClient::~TwsClient() {
  stop();
}

void TwsClient::start() {
  if (started_) return;
  started_ = true;
  asio::post(io_, [this] { session_.start(); });
  thread_ = std::thread([this] { io_.run(); });
}

void TwsClient::stop() {
  if (!started_ || stopped_) return;
  stopped_ = true;
  std::promise<void> done;
  asio::post(io_, [this, &done] {
    finish_stop_ = [this, &done] {
      work_.reset();
      io_.stop();
      done.set_value();
    };
    stopping_ = true;
    session_.stop("stopped by the owner");  // closes through close(): after the queued bytes
    resolver_.cancel();
    wake_timer_.cancel();
    reconnect_timer_.cancel();
    connect_timer_.cancel();
    if (!stream_) {
      // Nothing to flush; the posted closes of a connection attempt run first.
      asio::post(io_, [this] { finish_stop_(); });
      return;
    }
    stop_timer_.expires_after(
        std::chrono::duration_cast<asio::steady_timer::duration>(config_.stop_flush_timeout));
    stop_timer_.async_wait([this](asio::error_code ec) {
      if (ec || !stream_) return;
      stream_->close("stopped: the peer did not read what was queued within " +
                     std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        config_.stop_flush_timeout)
                                        .count()) +
                     " ms");
    });
  });
  done.get_future().wait();
  if (thread_.joinable()) thread_.join();
}

void TwsClient::post(std::function<void(ClientSession&)> work) {
  asio::post(io_, [this, work = std::move(work)] { work(session_); });
}

void TwsClient::send(std::string bytes) {
  if (stream_ && !stream_->closed()) stream_->send(std::move(bytes));
}

void TwsClient::close(std::string reason) {
  if (stream_) {
    // Stopping: what was handed to the socket still goes out (it may be an order). Any other
    // close (a malformed message, a refused handshake) is immediate.
    if (stopping_) {
      stream_->close_after_sending(std::move(reason));
    } else {
      stream_->close(std::move(reason));
    }
    return;
  }
  if (connecting_) {
    asio::error_code ignored;
    connecting_->close(ignored);  // the connect handler reports the failure
  }
  resolver_.cancel();
}

void TwsClient::connect_after(Nanoseconds delay) {
  reconnect_timer_.expires_after(std::chrono::duration_cast<asio::steady_timer::duration>(delay));
  reconnect_timer_.async_wait([this](asio::error_code ec) {
    if (!ec) connect();
  });
}

void TwsClient::wake_at(Timestamp at) {
  if (wake_armed_ && *wake_armed_ <= at) return;
  wake_armed_ = at;
  wake_timer_.expires_after(until(at, clock_));
  wake_timer_.async_wait([this](asio::error_code ec) {
    if (ec) return;  // re-armed or cancelled
    wake_armed_.reset();
    session_.on_timer();
  });
}

void TwsClient::connect() {
  const std::uint64_t generation = ++generation_;
  stream_.reset();
  connecting_ = std::make_shared<asio::ip::tcp::socket>(io_);
  connect_timer_.expires_after(
      std::chrono::duration_cast<asio::steady_timer::duration>(config_.connect_timeout));
  connect_timer_.async_wait([this, generation](asio::error_code ec) {
    if (ec || generation != generation_ || !connecting_) return;
    resolver_.cancel();
    asio::error_code ignored;
    connecting_->close(ignored);
  });
  resolver_.async_resolve(
      config_.host, std::to_string(config_.port),
      [this, generation](asio::error_code ec, asio::ip::tcp::resolver::results_type endpoints) {
        if (generation != generation_) return;
        if (ec) {
          connect_attempt_failed("resolving " + config_.host + ": " + ec.message());
          return;
        }
        auto socket = connecting_;
        asio::async_connect(
            *socket, endpoints,
            [this, generation, socket](asio::error_code error, const asio::ip::tcp::endpoint&) {
              if (generation != generation_) return;
              if (error) {
                connect_attempt_failed(error.message());
                return;
              }
              connected(std::move(*socket));
            });
      });
}

void TwsClient::connect_attempt_failed(const std::string& reason) {
  connect_timer_.cancel();
  connecting_.reset();
  session_.connect_failed(reason);
}

void TwsClient::connected(asio::ip::tcp::socket socket) {
  connect_timer_.cancel();
  connecting_.reset();
  const std::uint64_t generation = generation_;
  stream_ = FrameStream::create(std::move(socket), FrameDecoder::Start::kFrames);
  stream_->start(
      [this, generation](std::string payload) {
        if (generation == generation_) session_.frame_received(payload);
      },
      [this, generation](const std::string& reason) {
        if (generation == generation_) stream_closed(reason);
      });
  session_.connection_opened();
}

void TwsClient::stream_closed(const std::string& reason) {
  stream_.reset();
  session_.connection_closed(reason);
  if (stopping_ && finish_stop_) {
    stop_timer_.cancel();
    asio::post(io_, [this] { finish_stop_(); });
  }
}

}  // namespace ibtrade::tws
