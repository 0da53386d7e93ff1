// Research data around the screeners: watchlists (named symbol lists), the earnings calendar with
// each report's classification, and strategy signals/decisions (once per signal key). Over one
// Database; one thread at a time.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adapters/store/database.hpp"
#include "core/fixed_point.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace ibtrade::store {

struct WatchlistEntry {
  std::string symbol;
  std::string note;
  Timestamp added;

  friend bool operator==(const WatchlistEntry&, const WatchlistEntry&) = default;
};

struct EarningsEvent {
  std::string symbol;
  std::string report_date;     // YYYY-MM-DD, the exchange's (ET) calendar date
  std::string time_of_day;     // "before-open", "after-close", "unknown"
  std::string classification;  // e.g. "beat", "miss", "inline", "pending"
  std::optional<Money> eps_estimate;
  std::optional<Money> eps_actual;

  friend bool operator==(const EarningsEvent&, const EarningsEvent&) = default;
};

struct Signal {
  std::string signal_key;  // unique: the same signal recorded twice changes nothing
  std::string strategy_id;
  std::string symbol;
  Timestamp time;
  std::string kind;      // "entry", "exit", ...
  std::string decision;  // "submitted", "denied:risk", "skipped:slots", ...
  std::string reason;

  friend bool operator==(const Signal&, const Signal&) = default;
};

class ResearchRepository {
 public:
  virtual ~ResearchRepository() = default;
  // False when the symbol was already on the list.
  virtual Result<bool> add_to_watchlist(const std::string& name, const WatchlistEntry& entry) = 0;
  virtual Result<bool> remove_from_watchlist(const std::string& name,
                                             const std::string& symbol) = 0;
  virtual Result<std::vector<WatchlistEntry>> watchlist(const std::string& name) = 0;

  // Inserts or updates the report of (symbol, report_date).
  virtual Status upsert_earnings(const EarningsEvent& event, Timestamp now) = 0;
  // Reports dated within [from, to] (YYYY-MM-DD), by date then symbol.
  virtual Result<std::vector<EarningsEvent>> earnings_between(const std::string& from,
                                                              const std::string& to) = 0;

  virtual Result<bool> record_signal(const Signal& signal) = 0;
  // The latest `limit` signals of a strategy, newest first.
  virtual Result<std::vector<Signal>> recent_signals(const std::string& strategy_id, int limit) = 0;
};

std::unique_ptr<ResearchRepository> make_research_repository(Database& db);

}  // namespace ibtrade::store
