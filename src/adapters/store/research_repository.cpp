#include "adapters/store/research_repository.hpp"

#include <algorithm>

#include "adapters/store/codec.hpp"
#include "adapters/store/sql_dialect.hpp"

namespace ibtrade::store {
namespace {

class SqlResearchRepository final : public ResearchRepository {
 public:
  explicit SqlResearchRepository(Database& db)
      : db_(db),
        add_watch_(insert_or_ignore(
            db.dialect(),
            "INSERT INTO watchlists (name, symbol, added_ns, note) VALUES (?, ?, ?, ?)",
            "name, symbol", "note")),
        upsert_earnings_(upsert(db.dialect(),
                                "INSERT INTO earnings (symbol, report_date, time_of_day, "
                                "classification, eps_estimate, eps_actual, eps_dp, updated_ns) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                "symbol, report_date",
                                {"time_of_day", "classification", "eps_estimate", "eps_actual",
                                 "eps_dp", "updated_ns"})),
        insert_signal_(insert_or_ignore(
            db.dialect(),
            "INSERT INTO signals (signal_key, strategy_id, symbol, time_ns, kind, decision, "
            "reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            "signal_key", "signal_key")) {}

  Result<bool> add_to_watchlist(const std::string& name, const WatchlistEntry& e) override {
    auto r = db_.execute(add_watch_, {name, e.symbol, to_ns(e.added), e.note});
    if (!r.ok()) return r.error().to_error();
    return *r > 0;
  }

  Result<bool> remove_from_watchlist(const std::string& name, const std::string& symbol) override {
    auto r = db_.execute("DELETE FROM watchlists WHERE name = ? AND symbol = ?", {name, symbol});
    if (!r.ok()) return r.error().to_error();
    return *r > 0;
  }

  Result<std::vector<WatchlistEntry>> watchlist(const std::string& name) override {
    auto rows = db_.query(
        "SELECT symbol, note, added_ns FROM watchlists WHERE name = ? ORDER BY symbol", {name});
    if (!rows.ok()) return rows.error().to_error();
    std::vector<WatchlistEntry> out;
    for (const Row& r : *rows)
      out.push_back({r.text(0), r.text(1), from_ns(r.int64(2))});
    return out;
  }

  Status upsert_earnings(const EarningsEvent& e, Timestamp now) override {
    const int dp = std::max(e.eps_estimate ? e.eps_estimate->precision() : 0,
                            e.eps_actual ? e.eps_actual->precision() : 0);
    auto r = db_.execute(upsert_earnings_,
                         {e.symbol, e.report_date, e.time_of_day, e.classification,
                          raw_of(e.eps_estimate), raw_of(e.eps_actual), dp, to_ns(now)});
    return r.ok() ? Status{} : Status{r.error().to_error()};
  }

  Result<std::vector<EarningsEvent>> earnings_between(const std::string& from,
                                                      const std::string& to) override {
    auto rows = db_.query(
        "SELECT symbol, report_date, time_of_day, classification, eps_estimate, eps_actual, "
        "eps_dp FROM earnings WHERE report_date >= ? AND report_date <= ? "
        "ORDER BY report_date, symbol",
        {from, to});
    if (!rows.ok()) return rows.error().to_error();
    std::vector<EarningsEvent> out;
    for (const Row& r : *rows) {
      EarningsEvent e{r.text(0), r.text(1), r.text(2), r.text(3), std::nullopt, std::nullopt};
      if (!r.is_null(4)) e.eps_estimate = decimal_of<Money>(r.int64(4), r.int64(6));
      if (!r.is_null(5)) e.eps_actual = decimal_of<Money>(r.int64(5), r.int64(6));
      out.push_back(std::move(e));
    }
    return out;
  }

  Result<bool> record_signal(const Signal& s) override {
    auto r = db_.execute(insert_signal_, {s.signal_key, s.strategy_id, s.symbol, to_ns(s.time),
                                          s.kind, s.decision, s.reason});
    if (!r.ok()) return r.error().to_error();
    return *r > 0;
  }

  Result<std::vector<Signal>> recent_signals(const std::string& strategy_id, int limit) override {
    auto rows = db_.query(
        "SELECT signal_key, strategy_id, symbol, time_ns, kind, decision, reason FROM signals "
        "WHERE strategy_id = ? ORDER BY time_ns DESC, id DESC LIMIT ?",
        {strategy_id, std::max(limit, 0)});
    if (!rows.ok()) return rows.error().to_error();
    std::vector<Signal> out;
    for (const Row& r : *rows) {
      out.push_back(
          {r.text(0), r.text(1), r.text(2), from_ns(r.int64(3)), r.text(4), r.text(5), r.text(6)});
    }
    return out;
  }

 private:
  Database& db_;
  std::string add_watch_;
  std::string upsert_earnings_;
  std::string insert_signal_;
};

}  // namespace

std::unique_ptr<ResearchRepository> make_research_repository(Database& db) {
  return std::make_unique<SqlResearchRepository>(db);
}

}  // namespace ibtrade::store
