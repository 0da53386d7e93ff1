#include "core/bar_aggregator.hpp"

#include <stdexcept>

namespace ibtrade {

BarAggregator::BarAggregator(std::chrono::minutes bucket) : bucket_(bucket) {
  if (bucket < std::chrono::minutes(1) || bucket > kMaxBucket) {
    throw std::invalid_argument("BarAggregator: the bucket must be 1 minute to 1 day");
  }
}

Timestamp BarAggregator::bucket_start(Timestamp t) const {
  // floor, not duration_cast: instants before 1970 must round down too.
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const auto into_day = std::chrono::floor<std::chrono::minutes>(t - day);
  return day + into_day - into_day % bucket_;
}

std::optional<Bar> BarAggregator::update(const Bar& bar) {
  if (last_time_ && bar.time <= *last_time_) {
    throw std::invalid_argument("BarAggregator: bars must come in strictly increasing time");
  }
  last_time_ = bar.time;
  const Timestamp start = bucket_start(bar.time);
  if (current_ && current_->time == start) {
    Bar& b = *current_;
    if (bar.high > b.high) b.high = bar.high;
    if (bar.low < b.low) b.low = bar.low;
    b.close = bar.close;
    b.volume += bar.volume;  // exact; overflow throws FixedPointOverflow
    return std::nullopt;
  }
  std::optional<Bar> completed = current_;
  current_ = bar;
  current_->time = start;
  return completed;
}

std::optional<Bar> BarAggregator::flush() {
  std::optional<Bar> completed = current_;
  current_.reset();
  return completed;
}

}  // namespace ibtrade
