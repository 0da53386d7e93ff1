#include "adapters/store/error.hpp"

namespace ibtrade::store {

std::string_view to_string(DbErrorKind kind) {
  switch (kind) {
    case DbErrorKind::kConstraint:
      return "constraint violation";
    case DbErrorKind::kOutOfRange:
      return "value out of range";
    case DbErrorKind::kTooLong:
      return "string too long";
    case DbErrorKind::kBusy:
      return "store busy";
    case DbErrorKind::kConnection:
      return "store connection";
    case DbErrorKind::kMigration:
      return "store migration";
    case DbErrorKind::kOther:
      break;
  }
  return "store error";
}

}  // namespace ibtrade::store
