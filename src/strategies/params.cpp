#include "strategies/params.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace ibtrade::strategies {
namespace {

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

// Decimal text through the fixed-point parser, so "0.005" is exact.
template <class Tag>
std::optional<Decimal<Tag>> parse_decimal(std::string_view text) {
  auto parsed = Decimal<Tag>::parse(text);
  if (!parsed.ok()) return std::nullopt;
  return *parsed;
}

// Shortest text that reads back as the same double ("2", "0.5").
std::string format_number(double value) {
  char buffer[32];
  auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, ptr) : std::string("?");
}

}  // namespace

ParamReader::ParamReader(std::string_view strategy, const ParamMap& values)
    : strategy_(strategy), values_(values) {}

const std::string* ParamReader::find(std::string_view key) {
  known_.emplace(key);
  auto it = values_.find(std::string(key));
  return it == values_.end() ? nullptr : &it->second;
}

void ParamReader::fail(std::string_view key, std::string_view what, std::string_view value) {
  if (!error_.empty()) return;
  error_ = strategy_ + ": parameter " + quoted(key) + ": " + std::string(what) + ", got " +
           quoted(value);
}

void ParamReader::require(bool ok, std::string_view message) {
  if (!ok && error_.empty()) error_ = strategy_ + ": " + std::string(message);
}

void ParamReader::integer(std::string_view key, int& out, int min, int max) {
  const std::string* value = find(key);
  if (value == nullptr) return;
  int parsed = 0;
  const char* end = value->data() + value->size();
  auto [ptr, ec] = std::from_chars(value->data(), end, parsed);
  if (ec != std::errc() || ptr != end || value->empty()) {
    fail(key, "expected a whole number", *value);
    return;
  }
  if (parsed < min || parsed > max) {
    fail(key, "must be from " + std::to_string(min) + " to " + std::to_string(max), *value);
    return;
  }
  out = parsed;
}

void ParamReader::number(std::string_view key, double& out, double min, double max) {
  const std::string* value = find(key);
  if (value == nullptr) return;
  double parsed = 0.0;
  const char* end = value->data() + value->size();
  auto [ptr, ec] = std::from_chars(value->data(), end, parsed);
  if (ec != std::errc() || ptr != end || value->empty() || !std::isfinite(parsed)) {
    fail(key, "expected a number", *value);
    return;
  }
  if (parsed < min || parsed > max) {
    fail(key, "must be from " + format_number(min) + " to " + format_number(max), *value);
    return;
  }
  out = parsed;
}

void ParamReader::ratio(std::string_view key, Ratio& out, Ratio min, bool min_exclusive) {
  const std::string* value = find(key);
  if (value == nullptr) return;
  auto parsed = parse_decimal<engine::RatioTag>(*value);
  if (!parsed) {
    fail(key, "expected a decimal number such as 1.5", *value);
    return;
  }
  if (min_exclusive ? *parsed <= min : *parsed < min) {
    fail(key, std::string("must be ") + (min_exclusive ? "above " : "at least ") + min.to_string(),
         *value);
    return;
  }
  out = *parsed;
}

void ParamReader::percent(std::string_view key, Percent& out, Percent min, Percent max,
                          bool min_exclusive) {
  const std::string* value = find(key);
  if (value == nullptr) return;
  auto parsed = parse_decimal<PercentTag>(*value);
  if (!parsed) {
    fail(key, "expected a percentage such as 8 or 2.5 (no % sign)", *value);
    return;
  }
  if ((min_exclusive ? *parsed <= min : *parsed < min) || *parsed > max) {
    fail(key,
         std::string("must be ") + (min_exclusive ? "above " : "at least ") + min.to_string() +
             " and at most " + max.to_string(),
         *value);
    return;
  }
  out = *parsed;
}

void ParamReader::price(std::string_view key, Price& out, bool allow_zero) {
  const std::string* value = find(key);
  if (value == nullptr) return;
  auto parsed = parse_decimal<PriceTag>(*value);
  if (!parsed) {
    fail(key, "expected a price such as 0.01", *value);
    return;
  }
  if (parsed->is_negative() || (!allow_zero && parsed->is_zero())) {
    fail(key, allow_zero ? "must not be negative" : "must be positive", *value);
    return;
  }
  out = *parsed;
}

void ParamReader::shares(std::string_view key, Quantity& out, std::int64_t min) {
  const std::string* value = find(key);
  if (value == nullptr) return;
  auto parsed = parse_decimal<QuantityTag>(*value);
  if (!parsed || parsed->raw() % kFixedScale != 0) {
    fail(key, "expected a whole number of shares", *value);
    return;
  }
  if (parsed->raw() / kFixedScale < min) {
    fail(key, "must be at least " + std::to_string(min) + " shares", *value);
    return;
  }
  out = Quantity::from_units(parsed->raw() / kFixedScale);
}

void ParamReader::time_of_day(std::string_view key, std::chrono::minutes& out) {
  const std::string* value = find(key);
  if (value == nullptr) return;
  const std::string& v = *value;
  auto digits = [&](std::size_t at, int& result) {
    const char* begin = v.data() + at;
    auto [ptr, ec] = std::from_chars(begin, begin + 2, result);
    return ec == std::errc() && ptr == begin + 2;
  };
  int hours = 0;
  int minutes = 0;
  if (v.size() != 5 || v[2] != ':' || !digits(0, hours) || !digits(3, minutes) || minutes > 59 ||
      hours > 24 || (hours == 24 && minutes != 0)) {
    fail(key, "expected a time of day HH:MM such as 09:30", v);
    return;
  }
  out = std::chrono::hours(hours) + std::chrono::minutes(minutes);
}

void ParamReader::text(std::string_view key, std::string& out) {
  const std::string* value = find(key);
  if (value != nullptr) out = *value;
}

void ParamReader::flag(std::string_view key, bool& out) {
  const std::string* value = find(key);
  if (value == nullptr) return;
  if (*value == "true" || *value == "1" || *value == "yes") {
    out = true;
  } else if (*value == "false" || *value == "0" || *value == "no") {
    out = false;
  } else {
    fail(key, "expected true or false", *value);
  }
}

Status ParamReader::finish() const {
  for (const auto& [key, value] : values_) {
    if (known_.contains(key)) continue;
    std::string message = strategy_ + ": unknown parameter " + quoted(key) + "; known:";
    const char* separator = " ";
    for (const std::string& k : known_) {
      message += separator + k;
      separator = ", ";
    }
    return make_error(std::move(message));
  }
  if (!error_.empty()) return make_error(error_);
  return {};
}

}  // namespace ibtrade::strategies
