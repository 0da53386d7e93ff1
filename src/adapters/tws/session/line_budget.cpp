#include "adapters/tws/session/line_budget.hpp"

namespace ibtrade::tws {

bool LineBudget::acquire(std::int64_t id) {
  if (held_.contains(id)) return true;
  if (held_.size() >= lines_) return false;
  held_.insert(id);
  return true;
}

}  // namespace ibtrade::tws
