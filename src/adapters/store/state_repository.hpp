// Service state as key/value text (last seen execution id, kill-switch state, ...), written
// with a timestamp. Over one Database; use from the thread that owns it.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "adapters/store/database.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace ibtrade::store {

class StateRepository {
 public:
  virtual ~StateRepository() = default;
  virtual Result<std::optional<std::string>> get(const std::string& key) = 0;
  // Overwrites any previous value.
  virtual Status set(const std::string& key, const std::string& value, Timestamp now) = 0;
};

std::unique_ptr<StateRepository> make_state_repository(Database& db);

}  // namespace ibtrade::store
