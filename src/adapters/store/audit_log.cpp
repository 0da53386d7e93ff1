#include "adapters/store/audit_log.hpp"

#include <algorithm>

#include "adapters/store/codec.hpp"

namespace ibtrade::store {
namespace {

class SqlAuditLog final : public AuditLog {
 public:
  explicit SqlAuditLog(Database& db) : db_(db) {}

  Status append(const AuditEntry& e) override {
    auto r =
        db_.execute("INSERT INTO audit_log (time_ns, actor, action, detail) VALUES (?, ?, ?, ?)",
                    {to_ns(e.time), e.actor, e.action, e.detail});
    return r.ok() ? Status{} : Status{r.error().to_error()};
  }

  Result<std::vector<AuditEntry>> recent(int limit) override {
    auto rows =
        db_.query("SELECT time_ns, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?",
                  {std::max(limit, 0)});
    if (!rows.ok()) return rows.error().to_error();
    std::vector<AuditEntry> out;
    for (const Row& r : *rows)
      out.push_back({from_ns(r.int64(0)), r.text(1), r.text(2), r.text(3)});
    return out;
  }

 private:
  Database& db_;
};

}  // namespace

std::unique_ptr<AuditLog> make_audit_log(Database& db) {
  return std::make_unique<SqlAuditLog>(db);
}

}  // namespace ibtrade::store
