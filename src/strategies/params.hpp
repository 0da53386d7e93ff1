// Strategy parameters from text: key=value pairs (`ibtrade backtest --param k=v`) read into a
// strategy's Params struct, with errors that name the strategy and the key. Single-threaded.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/fixed_point.hpp"
#include "core/order.hpp"
#include "core/result.hpp"
#include "engine/orders/price_policies.hpp"

namespace ibtrade::strategies {

using ParamMap = std::map<std::string, std::string>;
using engine::Ratio;

// Reads the keys a strategy knows; each reader leaves its output alone when the key is absent
// (so the Params default stays). The first problem is kept; finish() reports it, or else the
// first key nobody read (a typo must not silently fall back to a default).
class ParamReader {
 public:
  // `strategy` prefixes every message: "macd-cross: parameter 'fast': ...".
  ParamReader(std::string_view strategy, const ParamMap& values);

  void integer(std::string_view key, int& out, int min, int max);
  // A finite number (not money: thresholds such as sigma bounds).
  void number(std::string_view key, double& out, double min, double max);
  // Fixed-point decimals, exact; `min` inclusive, or exclusive when `min_exclusive`.
  void ratio(std::string_view key, Ratio& out, Ratio min, bool min_exclusive);
  void percent(std::string_view key, Percent& out, Percent min, Percent max, bool min_exclusive);
  void price(std::string_view key, Price& out, bool allow_zero);
  // Whole shares, at least `min`.
  void shares(std::string_view key, Quantity& out, std::int64_t min);
  // HH:MM, 00:00 to 24:00.
  void time_of_day(std::string_view key, std::chrono::minutes& out);
  void text(std::string_view key, std::string& out);
  void flag(std::string_view key, bool& out);

  // A rule across several parameters; `message` is used when `ok` is false.
  void require(bool ok, std::string_view message);

  // OK, or the first problem: a bad value, a broken rule, or an unknown key (which lists the
  // known ones).
  Status finish() const;

 private:
  // The value of `key` when given; records the key as known.
  const std::string* find(std::string_view key);
  void fail(std::string_view key, std::string_view what, std::string_view value);

  std::string strategy_;
  ParamMap values_;  // a copy: readers are short-lived and may be given a temporary
  std::set<std::string, std::less<>> known_;
  std::string error_;
};

}  // namespace ibtrade::strategies
