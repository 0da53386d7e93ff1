// How engine values become column values and back: fixed-point raws and precisions, instants
// as nanoseconds, enums as short codes. Pure functions; no threading rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/store/value.hpp"
#include "core/fixed_point.hpp"
#include "core/order.hpp"
#include "core/time.hpp"
#include "engine/venue.hpp"

namespace ibtrade::store {

inline std::int64_t to_ns(Timestamp t) {
  return t.time_since_epoch().count();
}
inline Timestamp from_ns(std::int64_t ns) {
  return Timestamp(Nanoseconds(ns));
}

template <class Tag>
Value raw_of(const std::optional<Decimal<Tag>>& d) {
  return d ? Value(d->raw()) : Value();
}

template <class D>
D decimal_of(std::int64_t raw, std::int64_t precision) {
  return D::from_raw(raw, static_cast<int>(precision));
}

std::string_view to_code(engine::VenueOrderState state);
std::optional<engine::VenueOrderState> venue_state_from_code(std::string_view code);

}  // namespace ibtrade::store
