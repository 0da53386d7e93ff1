#include "adapters/tws/session/message_pacer.hpp"

#include <stdexcept>

namespace ibtrade::tws {

namespace {
constexpr Nanoseconds kWindow = std::chrono::seconds(1);
}  // namespace

MessagePacer::MessagePacer(std::size_t per_second) : limit_(per_second) {
  if (limit_ == 0) throw std::invalid_argument("message pacing needs at least 1 message/s");
}

Timestamp MessagePacer::next_slot(Timestamp now) const {
  // Only sends in (now - 1 s, now] count; the window holds the last `limit_` sends at most.
  if (window_.size() < limit_) return now;
  const Timestamp oldest = window_.front();
  return oldest + kWindow > now ? oldest + kWindow : now;
}

void MessagePacer::sent(Timestamp at) {
  if (!window_.empty() && at < window_.back()) {
    throw std::invalid_argument("message pacer: send times must not go back");
  }
  window_.push_back(at);
  while (window_.size() > limit_)
    window_.pop_front();
}

}  // namespace ibtrade::tws
