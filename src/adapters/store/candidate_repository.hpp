// Screener runs and their candidates with each rule's value and pass flag. A run is saved
// whole or not at all, once per run id; readers poll for candidates after the last id they saw.
// Over one Database; one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adapters/store/database.hpp"
#include "core/fixed_point.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace ibtrade::store {

struct ScoreTag {
  static constexpr std::string_view kName = "score";
};
// Scores and rule values, fixed point like money; a screener picks units that fit (market
// capitalisation in millions, say): the range is about ±9.2e9.
using Score = Decimal<ScoreTag>;

struct RuleResult {
  std::string rule;
  std::optional<Score> value;  // unset when the data was missing
  bool passed = false;

  friend bool operator==(const RuleResult&, const RuleResult&) = default;
};

struct ScreenerCandidate {
  std::string symbol;
  Score score;
  bool passed = false;
  std::vector<RuleResult> rules;

  friend bool operator==(const ScreenerCandidate&, const ScreenerCandidate&) = default;
};

struct ScreenerRun {
  std::string run_id;  // unique: saving the same run twice changes nothing
  std::string screener;
  Timestamp started;
  Timestamp finished;
};

struct StoredCandidate {
  std::int64_t id = 0;  // increasing in save order: the polling cursor
  std::string run_id;
  ScreenerCandidate candidate;
};

class CandidateRepository {
 public:
  virtual ~CandidateRepository() = default;
  // Saves the run and all its candidates in one transaction; false when the run id was known.
  virtual Result<bool> save_run(const ScreenerRun& run,
                                const std::vector<ScreenerCandidate>& candidates) = 0;
  // Candidates of `screener` with id > `after_id`, by id, at most `limit`.
  virtual Result<std::vector<StoredCandidate>> candidates_after(const std::string& screener,
                                                                std::int64_t after_id,
                                                                int limit) = 0;
};

std::unique_ptr<CandidateRepository> make_candidate_repository(Database& db);

}  // namespace ibtrade::store
