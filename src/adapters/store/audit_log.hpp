// The audit log: who did what and when (a kill switch tripped, a config change, a manual order),
// append-only. Over one Database; one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "adapters/store/database.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace ibtrade::store {

struct AuditEntry {
  Timestamp time;
  std::string actor;   // "risk", "operator", "backend"
  std::string action;  // "kill_switch.trip", "order.cancel_all", ...
  std::string detail;  // free text or JSON

  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual Status append(const AuditEntry& entry) = 0;
  // The latest `limit` entries, newest first.
  virtual Result<std::vector<AuditEntry>> recent(int limit) = 0;
};

std::unique_ptr<AuditLog> make_audit_log(Database& db);

}  // namespace ibtrade::store
