#include "adapters/store/codec.hpp"

#include <array>
#include <utility>

namespace ibtrade::store {
namespace {

using engine::VenueOrderState;

// IB's own ORDER_STATUS names, so that a row reads like the broker's report.
constexpr std::array<std::pair<VenueOrderState, std::string_view>, 8> kStates = {{
    {VenueOrderState::kPendingSubmit, "PendingSubmit"},
    {VenueOrderState::kPreSubmitted, "PreSubmitted"},
    {VenueOrderState::kSubmitted, "Submitted"},
    {VenueOrderState::kPendingCancel, "PendingCancel"},
    {VenueOrderState::kCancelled, "Cancelled"},
    {VenueOrderState::kApiCancelled, "ApiCancelled"},
    {VenueOrderState::kFilled, "Filled"},
    {VenueOrderState::kInactive, "Inactive"},
}};

}  // namespace

std::string_view to_code(VenueOrderState state) {
  for (const auto& [s, code] : kStates) {
    if (s == state) return code;
  }
  return "Unknown";
}

std::optional<VenueOrderState> venue_state_from_code(std::string_view code) {
  for (const auto& [s, c] : kStates) {
    if (c == code) return s;
  }
  return std::nullopt;
}

}  // namespace ibtrade::store
