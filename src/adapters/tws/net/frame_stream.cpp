#include "adapters/tws/net/frame_stream.hpp"

namespace ibtrade::tws {

std::shared_ptr<FrameStream> FrameStream::create(asio::ip::tcp::socket socket,
                                                 FrameDecoder::Start start) {
  return std::shared_ptr<FrameStream>(new FrameStream(std::move(socket), start));
}

FrameStream::FrameStream(asio::ip::tcp::socket socket, FrameDecoder::Start start)
    : socket_(std::move(socket)), decoder_(start), drain_timer_(socket_.get_executor()) {}

void FrameStream::start(FrameHandler on_frame, CloseHandler on_close) {
  on_frame_ = std::move(on_frame);
  on_close_ = std::move(on_close);
  asio::error_code ignored;
  socket_.set_option(asio::ip::tcp::no_delay(true), ignored);  // small messages, low latency
  asio::post(socket_.get_executor(), [self = shared_from_this()] { self->read_more(); });
}

void FrameStream::read_more() {
  if (closed_) return;
  socket_.async_read_some(
      asio::buffer(read_buffer_), [self = shared_from_this()](asio::error_code ec, std::size_t n) {
        if (self->closed_) return;
        if (self->draining_) {  // closing: the peer's bytes are read only to be dropped
          if (ec) {
            self->finish(*self->draining_);
          } else {
            self->read_more();
          }
          return;
        }
        if (ec) {
          self->finish(ec == asio::error::eof ? "peer closed the connection" : ec.message());
          return;
        }
        self->decoder_.feed(std::string_view(self->read_buffer_.data(), n));
        for (;;) {
          auto frame = self->decoder_.next();
          if (!frame) {
            self->finish("malformed stream: " + frame.error().message);
            return;
          }
          if (!frame->has_value()) break;
          self->on_frame_(std::move(**frame));
          if (self->closed_) return;  // the handler closed the connection
        }
        self->read_more();
      });
}

void FrameStream::send(std::string bytes) {
  asio::post(socket_.get_executor(),
             [self = shared_from_this(), bytes = std::move(bytes)]() mutable {
               if (self->closed_ || self->draining_) return;  // our side is already shut
               self->queued_bytes_ += bytes.size();
               self->outbox_.push_back(std::move(bytes));
               if (!self->writing_) self->write_next();
             });
}

void FrameStream::write_next() {
  if (outbox_.empty() || closed_) {
    writing_ = false;
    if (!closed_ && close_when_flushed_ && !draining_) drain(*close_when_flushed_);
    return;
  }
  writing_ = true;
  asio::async_write(socket_, asio::buffer(outbox_.front()),
                    [self = shared_from_this()](asio::error_code ec, std::size_t written) {
                      if (self->closed_) return;
                      if (ec) {
                        self->finish("write failed: " + ec.message());
                        return;
                      }
                      self->queued_bytes_ -= written;
                      self->outbox_.pop_front();
                      self->write_next();
                    });
}

void FrameStream::close(std::string reason) {
  asio::post(socket_.get_executor(),
             [self = shared_from_this(), reason = std::move(reason)] { self->finish(reason); });
}

void FrameStream::close_after_sending(std::string reason) {
  asio::post(socket_.get_executor(), [self = shared_from_this(), reason = std::move(reason)] {
    if (self->closed_) return;
    self->close_when_flushed_ = reason;
    if (!self->writing_) self->write_next();
  });
}

void FrameStream::drain(std::string reason) {
  asio::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);  // FIN after our last byte
  draining_ = std::move(reason);
  drain_timer_.expires_after(kDrainTimeout);
  drain_timer_.async_wait([self = shared_from_this()](asio::error_code ec) {
    if (!ec && self->draining_) self->finish(*self->draining_);
  });
}

void FrameStream::finish(const std::string& reason) {
  if (closed_) return;
  closed_ = true;
  drain_timer_.cancel();
  asio::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
  outbox_.clear();
  queued_bytes_ = 0;
  if (on_close_) on_close_(reason);
}

}  // namespace ibtrade::tws
