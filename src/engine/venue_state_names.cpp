#include "engine/venue_state_names.hpp"

#include <array>
#include <utility>

namespace ibtrade::engine {
namespace {

constexpr std::array<std::pair<VenueOrderState, std::string_view>, 8> kNames{{
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

std::string_view ib_status_name(VenueOrderState state) {
  for (const auto& [known, name] : kNames) {
    if (known == state) return name;
  }
  return "Unknown";  // unreachable: every state is in the table
}

std::optional<VenueOrderState> venue_state_from_ib_name(std::string_view name) {
  for (const auto& [state, known] : kNames) {
    if (known == name) return state;
  }
  return std::nullopt;
}

}  // namespace ibtrade::engine
