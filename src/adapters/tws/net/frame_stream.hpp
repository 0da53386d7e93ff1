// FrameStream: one TCP connection carrying TWS frames, on an Asio io_context. Bytes read are
// cut into frames (FrameDecoder) and handed to the owner; frames to send are queued and written
// in order. A malformed stream closes the connection with a reason; it never throws into the
// loop. Every handler runs on the io_context's thread; send() and close() may be called from any
// thread (they are posted there).
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <asio.hpp>

#include "adapters/tws/wire/frame.hpp"

namespace ibtrade::tws {

class FrameStream : public std::enable_shared_from_this<FrameStream> {
 public:
  using FrameHandler = std::function<void(std::string payload)>;
  // Called once, with why the connection ended ("peer closed", "bad frame: ...", ...).
  using CloseHandler = std::function<void(const std::string& reason)>;

  // `start` says whether the peer begins with "API\0" (we are the server) or with frames.
  static std::shared_ptr<FrameStream> create(asio::ip::tcp::socket socket,
                                             FrameDecoder::Start start);

  void start(FrameHandler on_frame, CloseHandler on_close);
  // Raw bytes: an encoded frame (encode_frame) or a hello.
  void send(std::string bytes);
  void close(std::string reason);
  // Closes once everything queued so far is written (an error message, then goodbye). The close
  // is graceful: our side is shut after the last byte, and what the peer still sends is read and
  // dropped until it closes too (at most kDrainTimeout). Closing with unread bytes in the socket
  // would reset the connection, and a reset can destroy our last bytes in the peer's buffer.
  void close_after_sending(std::string reason);
  static constexpr std::chrono::seconds kDrainTimeout{2};
  bool closed() const { return closed_; }
  // Bytes queued and not yet written (back-pressure for a slow reader).
  std::size_t queued_bytes() const { return queued_bytes_; }
  asio::any_io_executor executor() { return socket_.get_executor(); }

 private:
  FrameStream(asio::ip::tcp::socket socket, FrameDecoder::Start start);
  void read_more();
  void write_next();
  void finish(const std::string& reason);
  void drain(std::string reason);

  asio::ip::tcp::socket socket_;
  FrameDecoder decoder_;
  FrameHandler on_frame_;
  CloseHandler on_close_;
  std::array<char, 64 * 1024> read_buffer_{};
  std::deque<std::string> outbox_;
  std::size_t queued_bytes_ = 0;
  bool writing_ = false;
  std::optional<std::string> close_when_flushed_;
  std::optional<std::string> draining_;  // our side is shut; why we close once the peer has
  asio::steady_timer drain_timer_;
  bool closed_ = false;
};

}  // namespace ibtrade::tws
