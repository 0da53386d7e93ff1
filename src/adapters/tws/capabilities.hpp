// The capability table: which optional fields and layouts exist at a negotiated server version,
// in one place, so encoders and decoders never compare version numbers themselves. Plain values.
#pragma once

#include <array>
#include <string_view>

#include "core/result.hpp"

namespace ibtrade::tws {

// The range this adapter speaks. 178 is the highest version ib_insync/ib_async understand and
// stays below 201 (protobuf), so the whole session is text; 157 is the lowest they accept, and
// below it the layouts change in ways this adapter does not implement.
inline constexpr int kMinSupportedVersion = 157;
inline constexpr int kMaxSupportedVersion = 178;

// Server versions (IB's MIN_SERVER_VER_* names) that change a covered message.
inline constexpr int kVersionDuration = 158;               // PLACE_ORDER/OPEN_ORDER + duration
inline constexpr int kVersionPostToAts = 160;              // + postToAts
inline constexpr int kVersionAutoCancelParent = 162;       // + autoCancelParent
inline constexpr int kVersionFractionalSizeSupport = 163;  // CONTRACT_DATA sizeMinTick (163 only)
inline constexpr int kVersionSizeRules = 164;              // CONTRACT_DATA: no version, size rules
inline constexpr int kVersionHistoricalSchedule = 165;     // whatToShow=SCHEDULE
inline constexpr int kVersionAdvancedOrderReject = 166;    // ERR_MSG json, PLACE_ORDER override
inline constexpr int kVersionManualOrderTime = 169;        // PLACE_ORDER/CANCEL_ORDER times
inline constexpr int kVersionPegBestPegMidOffsets = 170;   // PEG BEST/MID fields
inline constexpr int kVersionBondIssuerId = 176;           // REQ_CONTRACT_DATA + issuerId
inline constexpr int kVersionFaProfileDesupport = 177;     // faProfile dropped
inline constexpr int kVersionPendingPriceRevision = 178;   // EXECUTION_DATA + flag

// What a negotiated version allows; derived from the version only, never set by hand.
struct Capabilities {
  int server_version = kMaxSupportedVersion;
  bool order_duration = false;            // 158
  bool order_post_to_ats = false;         // 160
  bool order_auto_cancel_parent = false;  // 162
  bool contract_size_min_tick = false;    // exactly 163: an obsolete sizeMinTick field
  bool contract_size_rules = false;       // 164: minSize/sizeIncrement/suggested..., no version
  bool historical_schedule = false;       // 165
  bool advanced_order_reject = false;     // 166
  bool manual_order_time = false;         // 169
  bool peg_best_peg_mid_offsets = false;  // 170
  bool contract_issuer_id = false;        // 176
  bool order_fa_profile = false;          // below 177 only: the deprecated faProfile field
  bool execution_pending_price_revision = false;  // 178

  // The capabilities at `version`, which must be within [kMinSupportedVersion,
  // kMaxSupportedVersion] for the result to describe real layouts.
  static constexpr Capabilities at(int version) {
    Capabilities c;
    c.server_version = version;
    c.order_duration = version >= kVersionDuration;
    c.order_post_to_ats = version >= kVersionPostToAts;
    c.order_auto_cancel_parent = version >= kVersionAutoCancelParent;
    c.contract_size_min_tick = version == kVersionFractionalSizeSupport;
    c.contract_size_rules = version >= kVersionSizeRules;
    c.historical_schedule = version >= kVersionHistoricalSchedule;
    c.advanced_order_reject = version >= kVersionAdvancedOrderReject;
    c.manual_order_time = version >= kVersionManualOrderTime;
    c.peg_best_peg_mid_offsets = version >= kVersionPegBestPegMidOffsets;
    c.contract_issuer_id = version >= kVersionBondIssuerId;
    c.order_fa_profile = version < kVersionFaProfileDesupport;
    c.execution_pending_price_revision = version >= kVersionPendingPriceRevision;
    return c;
  }

  friend constexpr bool operator==(const Capabilities&, const Capabilities&) = default;
};

// The capabilities at the version this adapter prefers (and the tables in the protocol doc).
inline constexpr Capabilities kCapabilities178 = Capabilities::at(kMaxSupportedVersion);

// The capabilities at a negotiated version, or why the adapter cannot speak it.
Result<Capabilities> capabilities_for(int server_version);

// One row per gate, for documentation, logs and tests: the version and what it changes.
struct VersionGate {
  int version;
  std::string_view name;
  std::string_view effect;
};
inline constexpr std::array<VersionGate, 12> kVersionGates{{
    {kVersionDuration, "DURATION", "PLACE_ORDER and OPEN_ORDER append duration"},
    {kVersionPostToAts, "POST_TO_ATS", "PLACE_ORDER and OPEN_ORDER append postToAts"},
    {kVersionAutoCancelParent, "AUTO_CANCEL_PARENT",
     "PLACE_ORDER and OPEN_ORDER append autoCancelParent"},
    {kVersionFractionalSizeSupport, "FRACTIONAL_SIZE_SUPPORT",
     "CONTRACT_DATA carries an obsolete sizeMinTick (at exactly 163)"},
    {kVersionSizeRules, "SIZE_RULES",
     "CONTRACT_DATA loses its version and mdSizeMultiplier, gains minSize, sizeIncrement and "
     "suggestedSizeIncrement"},
    {kVersionHistoricalSchedule, "HISTORICAL_SCHEDULE", "REQ_HISTORICAL_DATA accepts SCHEDULE"},
    {kVersionAdvancedOrderReject, "ADVANCED_ORDER_REJECT",
     "ERR_MSG appends advancedOrderRejectJson; PLACE_ORDER appends advancedErrorOverride"},
    {kVersionManualOrderTime, "MANUAL_ORDER_TIME",
     "PLACE_ORDER appends manualOrderTime; CANCEL_ORDER appends manualOrderCancelTime"},
    {kVersionPegBestPegMidOffsets, "PEGBEST_PEGMID_OFFSETS",
     "PLACE_ORDER sends PEG BEST/MID fields when they apply; OPEN_ORDER appends 5 fields"},
    {kVersionBondIssuerId, "BOND_ISSUERID", "REQ_CONTRACT_DATA appends issuerId"},
    {kVersionFaProfileDesupport, "FA_PROFILE_DESUPPORT",
     "PLACE_ORDER and OPEN_ORDER drop faProfile"},
    {kVersionPendingPriceRevision, "PENDING_PRICE_REVISION",
     "EXECUTION_DATA appends pendingPriceRevision"},
}};

}  // namespace ibtrade::tws
