// Test helpers for the simulator: a calendar, small fast server options, and a real-socket TWS
// client built from FrameStream and the message codecs that records everything it receives and
// lets a test wait for a condition (never for a fixed time).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <asio.hpp>
#include <date/tz.h>
#include <gtest/gtest.h>

#include "adapters/tws/messages/dispatch.hpp"
#include "adapters/tws/net/frame_stream.hpp"
#include "adapters/tws/wire/handshake.hpp"
#include "core/calendar/trading_calendar.hpp"
#include "services/sim/sim_options.hpp"

namespace ibtrade::sim::testing {

// Generous: the suite runs on a loaded 2-core machine, under sanitizers.
inline constexpr std::chrono::seconds kTimeout{30};

inline const TradingCalendar& calendar() {
  static const TradingCalendar c(*date::locate_zone("America/New_York"), HolidayTable::us_equity());
  return c;
}

inline SimOptions fast_options() {
  SimOptions o;
  o.port = 0;
  o.http_port = 0;
  o.symbols = 12;
  o.speed = 60.0;
  o.from = date::year_month_day{date::year{2025}, date::month{3}, date::day{3}};  // a Monday
  o.tick_interval = std::chrono::milliseconds(50);
  o.scanner_interval = std::chrono::milliseconds(200);
  return o;
}

class TestClient {
 public:
  using Message = tws::ToClientMessage;

  // Connects and sends the hello; with `client_id` also START_API once the server answered.
  explicit TestClient(unsigned short port, std::optional<int> client_id = 1,
                      std::string version_range = "v100..178") {
    asio::ip::tcp::socket socket(io_);
    socket.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    stream_ = tws::FrameStream::create(std::move(socket), tws::FrameDecoder::Start::kFrames);
    stream_->start([this](std::string payload) { on_frame(std::move(payload)); },
                   [this](const std::string& reason) {
                     std::lock_guard lock(mutex_);
                     closed_ = reason;
                     changed_.notify_all();
                   });
    thread_ = std::thread([this] {
      auto guard = asio::make_work_guard(io_);
      io_.run();
    });
    std::string hello(tws::kApiPrefix);
    hello += tws::encode_frame(version_range);
    stream_->send(std::move(hello));
    if (client_id) {
      if (!wait_until([&] { return server_version_ != 0 || closed_.has_value(); })) return;
      if (server_version() > 0) send(tws::StartApi{*client_id, ""});
    }
  }
  ~TestClient() {
    stream_->close("test over");
    io_.stop();
    thread_.join();
  }

  void send(const tws::ToServerMessage& message) {
    stream_->send(tws::encode_frame(tws::encode_message(message)));
  }
  void send_raw(std::string bytes) { stream_->send(std::move(bytes)); }

  int server_version() {
    std::lock_guard lock(mutex_);
    return server_version_;
  }
  bool closed() {
    std::lock_guard lock(mutex_);
    return closed_.has_value();
  }
  bool wait_closed() {
    return wait_until([&] { return closed_.has_value(); });
  }
  std::vector<Message> messages() {
    std::lock_guard lock(mutex_);
    return received_;
  }

  // The first message of type M (in arrival order) satisfying `match`, waiting for it.
  template <class M>
  std::optional<M> wait_for(std::function<bool(const M&)> match = nullptr) {
    std::optional<M> found;
    wait_until([&] {
      for (const Message& m : received_) {
        if (const M* typed = std::get_if<M>(&m); typed && (!match || match(*typed))) {
          found = *typed;
          return true;
        }
      }
      return false;
    });
    return found;
  }
  // Waits until at least `n` messages of type M satisfy `match`; returns them all.
  template <class M>
  std::vector<M> wait_count(std::size_t n, std::function<bool(const M&)> match = nullptr) {
    std::vector<M> all;
    wait_until([&] {
      all.clear();
      for (const Message& m : received_) {
        if (const M* typed = std::get_if<M>(&m); typed && (!match || match(*typed)))
          all.push_back(*typed);
      }
      return all.size() >= n;
    });
    return all;
  }
  std::optional<tws::ErrMsg> wait_error(int code, std::optional<int> id = std::nullopt) {
    return wait_for<tws::ErrMsg>(
        [=](const tws::ErrMsg& e) { return e.code == code && (!id || e.id == *id); });
  }

 private:
  // `done` runs with mutex_ held.
  template <class F>
  bool wait_until(F done) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kTimeout, done);
  }

  void on_frame(std::string payload) {
    std::lock_guard lock(mutex_);
    if (server_version_ == 0) {
      auto hello = tws::decode_server_hello(payload);
      server_version_ = hello ? hello->server_version : -1;
    } else {
      auto message = tws::decode_to_client_message(payload);
      if (message) {
        received_.push_back(std::move(*message));
      } else {
        decode_errors_.push_back(message.error().message);
        ADD_FAILURE() << "client could not decode a server message: " << message.error().message;
      }
    }
    changed_.notify_all();
  }

  asio::io_context io_;
  std::shared_ptr<tws::FrameStream> stream_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  int server_version_ = 0;
  std::vector<Message> received_;
  std::vector<std::string> decode_errors_;
  std::optional<std::string> closed_;
};

}  // namespace ibtrade::sim::testing
