#include "adapters/store/candidate_repository.hpp"

#include <algorithm>
#include <map>

#include "adapters/store/codec.hpp"
#include "adapters/store/sql_dialect.hpp"

namespace ibtrade::store {
namespace {

class SqlCandidateRepository final : public CandidateRepository {
 public:
  explicit SqlCandidateRepository(Database& db)
      : db_(db),
        insert_run_(insert_or_ignore(db.dialect(),
                                     "INSERT INTO screener_runs (run_id, screener, started_ns, "
                                     "finished_ns) VALUES (?, ?, ?, ?)",
                                     "run_id", "run_id")) {}

  Result<bool> save_run(const ScreenerRun& run,
                        const std::vector<ScreenerCandidate>& candidates) override {
    bool saved = false;
    DbStatus status = in_transaction(db_, [&](Database&) -> DbStatus {
      auto inserted = db_.execute(
          insert_run_, {run.run_id, run.screener, to_ns(run.started), to_ns(run.finished)});
      if (!inserted.ok()) return inserted.error();
      saved = *inserted > 0;
      if (!saved) return {};
      for (const ScreenerCandidate& c : candidates) {
        auto added = db_.execute(
            "INSERT INTO screener_candidates (run_id, screener, symbol, score, score_dp, passed) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            {run.run_id, run.screener, c.symbol, c.score.raw(), c.score.precision(), c.passed});
        if (!added.ok()) return added.error();
        const std::int64_t id = db_.last_insert_id();
        for (const RuleResult& rule : c.rules) {
          auto r = db_.execute(
              "INSERT INTO screener_rule_values (candidate_id, rule, value, value_dp, passed) "
              "VALUES (?, ?, ?, ?, ?)",
              {id, rule.rule, raw_of(rule.value), rule.value ? rule.value->precision() : 0,
               rule.passed});
          if (!r.ok()) return r.error();
        }
      }
      return {};
    });
    if (!status.ok()) return status.error().to_error();
    return saved;
  }

  Result<std::vector<StoredCandidate>> candidates_after(const std::string& screener,
                                                        std::int64_t after_id, int limit) override {
    auto rows = db_.query(
        "SELECT id, run_id, symbol, score, score_dp, passed FROM screener_candidates "
        "WHERE screener = ? AND id > ? ORDER BY id LIMIT ?",
        {screener, after_id, std::max(limit, 0)});
    if (!rows.ok()) return rows.error().to_error();
    std::vector<StoredCandidate> out;
    if (rows->empty()) return out;
    std::map<std::int64_t, std::size_t> by_id;
    for (const Row& r : *rows) {
      StoredCandidate s;
      s.id = r.int64(0);
      s.run_id = r.text(1);
      s.candidate.symbol = r.text(2);
      s.candidate.score = decimal_of<Score>(r.int64(3), r.int64(4));
      s.candidate.passed = r.int64(5) != 0;
      by_id[s.id] = out.size();
      out.push_back(std::move(s));
    }
    auto rules = db_.query(
        "SELECT candidate_id, rule, value, value_dp, passed FROM screener_rule_values "
        "WHERE candidate_id >= ? AND candidate_id <= ? ORDER BY candidate_id, rule",
        {out.front().id, out.back().id});
    if (!rules.ok()) return rules.error().to_error();
    for (const Row& r : *rules) {
      auto it = by_id.find(r.int64(0));
      if (it == by_id.end()) continue;  // another screener's candidate in the id range
      RuleResult rule;
      rule.rule = r.text(1);
      if (!r.is_null(2)) rule.value = decimal_of<Score>(r.int64(2), r.int64(3));
      rule.passed = r.int64(4) != 0;
      out[it->second].candidate.rules.push_back(std::move(rule));
    }
    return out;
  }

 private:
  Database& db_;
  std::string insert_run_;
};

}  // namespace

std::unique_ptr<CandidateRepository> make_candidate_repository(Database& db) {
  return std::make_unique<SqlCandidateRepository>(db);
}

}  // namespace ibtrade::store
