// FrameStream over real loopback sockets: the handshake bytes, frames in both directions in any
// chunking, and a malformed stream closing only its own connection with a reason.
#include "adapters/tws/net/frame_stream.hpp"

#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "adapters/tws/wire/handshake.hpp"

namespace ibtrade::tws {
namespace {

using asio::ip::tcp;
using namespace std::string_view_literals;

struct Loopback {
  asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  std::thread thread;

  ~Loopback() {
    io.stop();
    if (thread.joinable()) thread.join();
  }
  unsigned short port() const { return acceptor.local_endpoint().port(); }
  void run() {
    thread = std::thread([this] {
      auto guard = asio::make_work_guard(io);
      io.run();
    });
  }
};

// A blocking client socket, as a third-party client would be.
tcp::socket connect(asio::io_context& io, unsigned short port) {
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  return socket;
}

std::string read_exactly(tcp::socket& socket, std::size_t n) {
  std::string out(n, '\0');
  asio::read(socket, asio::buffer(out));
  return out;
}

TEST(FrameStream, ServerReadsTheHelloAndFramesInAnyChunkingAndAnswers) {
  Loopback net;
  std::promise<std::vector<std::string>> got;
  std::vector<std::string> frames;
  std::shared_ptr<FrameStream> server;
  net.acceptor.async_accept([&](asio::error_code ec, tcp::socket socket) {
    ASSERT_FALSE(ec);
    server = FrameStream::create(std::move(socket), FrameDecoder::Start::kExpectApiPrefix);
    server->start(
        [&](std::string payload) {
          frames.push_back(payload);
          if (frames.size() == 1) server->send(encode_server_hello({178, "20261121 09:30:00 EST"}));
          if (frames.size() == 3) got.set_value(frames);
        },
        [](const std::string&) {});
  });
  net.run();

  asio::io_context client_io;
  tcp::socket client = connect(client_io, net.port());
  std::string bytes = encode_client_hello({100, 178, ""}) +
                      encode_frame(
                          "71\0"
                          "2\0"
                          "7\0"
                          "\0"sv) +
                      encode_frame(
                          "49\0"
                          "1\0"sv);
  for (char c : bytes)
    asio::write(client, asio::buffer(&c, 1));  // one byte at a time
  auto result = got.get_future();
  ASSERT_EQ(result.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  const std::vector<std::string> seen = result.get();
  EXPECT_EQ(seen[0], "v100..178");
  EXPECT_EQ(seen[1],
            "71\0"
            "2\0"
            "7\0"
            "\0"sv);
  EXPECT_EQ(seen[2],
            "49\0"
            "1\0"sv);

  // The answer arrives as one length-prefixed frame.
  const std::string header = read_exactly(client, 4);
  const auto length = static_cast<std::size_t>(static_cast<unsigned char>(header[3]) |
                                               static_cast<unsigned char>(header[2]) << 8);
  auto hello = decode_server_hello(read_exactly(client, length));
  ASSERT_TRUE(hello.ok()) << hello.error().message;
  EXPECT_EQ(hello->server_version, 178);
}

TEST(FrameStream, AMalformedStreamClosesItsConnectionWithAReason) {
  Loopback net;
  std::promise<std::string> closed;
  std::shared_ptr<FrameStream> server;
  net.acceptor.async_accept([&](asio::error_code ec, tcp::socket socket) {
    ASSERT_FALSE(ec);
    server = FrameStream::create(std::move(socket), FrameDecoder::Start::kExpectApiPrefix);
    server->start([](std::string) { FAIL() << "no frame expected"; },
                  [&](const std::string& reason) { closed.set_value(reason); });
  });
  net.run();
  asio::io_context client_io;
  tcp::socket client = connect(client_io, net.port());
  asio::write(client, asio::buffer(std::string("GET / HTTP/1.1\r\n\r\n")));
  auto reason = closed.get_future();
  ASSERT_EQ(reason.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  EXPECT_NE(reason.get().find("malformed stream"), std::string::npos);
  // The peer sees the connection end.
  char byte = 0;
  asio::error_code ec;
  client.read_some(asio::buffer(&byte, 1), ec);
  EXPECT_TRUE(ec == asio::error::eof || ec == asio::error::connection_reset) << ec.message();
}

TEST(FrameStream, CloseAfterSendingDeliversWhatWasQueuedFirst) {
  Loopback net;
  std::shared_ptr<FrameStream> server;
  net.acceptor.async_accept([&](asio::error_code ec, tcp::socket socket) {
    ASSERT_FALSE(ec);
    server = FrameStream::create(std::move(socket), FrameDecoder::Start::kFrames);
    server->start([](std::string) {}, [](const std::string&) {});
    server->send(
        encode_frame("4\0"
                     "2\0"
                     "-1\0"
                     "326\0"
                     "client id in use\0"sv));
    server->close_after_sending("client id in use");
  });
  net.run();
  asio::io_context client_io;
  tcp::socket client = connect(client_io, net.port());
  std::string all;
  asio::error_code ec;
  for (;;) {
    char buffer[256];
    const std::size_t n = client.read_some(asio::buffer(buffer), ec);
    all.append(buffer, n);
    if (ec) break;
  }
  EXPECT_EQ(all, encode_frame("4\0"
                              "2\0"
                              "-1\0"
                              "326\0"
                              "client id in use\0"sv));
}

}  // namespace
}  // namespace ibtrade::tws
