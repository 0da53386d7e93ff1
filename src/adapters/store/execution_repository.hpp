// Executions and their commission reports, keyed by IB's execution id, and the positions they
// move. Recording is atomic (execution + commission + position in one transaction) and
// idempotent (a replayed execution id changes nothing). Over one Database; one thread at a time.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adapters/store/database.hpp"
#include "core/account.hpp"
#include "core/execution.hpp"
#include "core/result.hpp"

namespace ibtrade::store {

struct ExecutionRecord {
  Execution execution;
  std::optional<CommissionReport> commission;  // often arrives later: record_commission
};

class ExecutionRepository {
 public:
  virtual ~ExecutionRepository() = default;
  // Records each execution not seen before and applies it to its position, all in one
  // transaction (retried when the database is busy). Returns how many were new.
  virtual Result<int> record(const std::vector<ExecutionRecord>& records) = 0;
  // Sets (or corrects) the commission of an execution; idempotent.
  virtual Status record_commission(const CommissionReport& report) = 0;
  virtual Result<std::optional<Execution>> find(const ExecutionId& id) = 0;
  virtual Result<std::optional<CommissionReport>> commission(const ExecutionId& id) = 0;
  virtual Result<std::vector<Execution>> for_order(const ClientOrderId& id) = 0;
};

// Positions as the recorded executions left them (contract: a US stock by symbol).
class PositionRepository {
 public:
  virtual ~PositionRepository() = default;
  virtual Result<std::vector<Position>> open_positions(const AccountId& account) = 0;
  virtual Result<std::optional<Position>> position(const AccountId& account,
                                                   const std::string& symbol) = 0;
};

std::unique_ptr<ExecutionRepository> make_execution_repository(Database& db);
std::unique_ptr<PositionRepository> make_position_repository(Database& db);

}  // namespace ibtrade::store
