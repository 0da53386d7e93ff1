// Session messages: START_API, order-id and time requests, managed accounts (protocol doc 1.5,
// 3.2, 4.1). Plain message values with their field codecs; no threading rule.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/message_ids.hpp"
#include "adapters/tws/wire/fields.hpp"

namespace ibtrade::tws {

// 71|2|clientId|optionalCapabilities
struct StartApi {
  static constexpr ToServerId kId = ToServerId::kStartApi;
  static constexpr std::string_view kName = "START_API";
  int client_id = 0;
  std::string optional_capabilities;
  friend bool operator==(const StartApi&, const StartApi&) = default;
};

// 8|1|numIds (TWS ignores the count)
struct ReqIds {
  static constexpr ToServerId kId = ToServerId::kReqIds;
  static constexpr std::string_view kName = "REQ_IDS";
  int num_ids = 1;
  friend bool operator==(const ReqIds&, const ReqIds&) = default;
};

// 9|1|orderId
struct NextValidId {
  static constexpr ToClientId kId = ToClientId::kNextValidId;
  static constexpr std::string_view kName = "NEXT_VALID_ID";
  int order_id = 0;
  friend bool operator==(const NextValidId&, const NextValidId&) = default;
};

// 49|1
struct ReqCurrentTime {
  static constexpr ToServerId kId = ToServerId::kReqCurrentTime;
  static constexpr std::string_view kName = "REQ_CURRENT_TIME";
  friend bool operator==(const ReqCurrentTime&, const ReqCurrentTime&) = default;
};

// 49|1|epochSeconds
struct CurrentTime {
  static constexpr ToClientId kId = ToClientId::kCurrentTime;
  static constexpr std::string_view kName = "CURRENT_TIME";
  std::int64_t epoch_seconds = 0;
  friend bool operator==(const CurrentTime&, const CurrentTime&) = default;
};

// 17|1
struct ReqManagedAccts {
  static constexpr ToServerId kId = ToServerId::kReqManagedAccts;
  static constexpr std::string_view kName = "REQ_MANAGED_ACCTS";
  friend bool operator==(const ReqManagedAccts&, const ReqManagedAccts&) = default;
};

// 15|1|accountsList (comma separated; empty names, e.g. from a trailing comma, are dropped)
struct ManagedAccts {
  static constexpr ToClientId kId = ToClientId::kManagedAccts;
  static constexpr std::string_view kName = "MANAGED_ACCTS";
  std::vector<std::string> accounts;
  friend bool operator==(const ManagedAccts&, const ManagedAccts&) = default;
};

void write_fields(FieldWriter& w, const StartApi& m, const Capabilities& caps);
void read_fields(FieldReader& r, StartApi& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqIds& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqIds& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const NextValidId& m, const Capabilities& caps);
void read_fields(FieldReader& r, NextValidId& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqCurrentTime& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqCurrentTime& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const CurrentTime& m, const Capabilities& caps);
void read_fields(FieldReader& r, CurrentTime& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ReqManagedAccts& m, const Capabilities& caps);
void read_fields(FieldReader& r, ReqManagedAccts& m, const Capabilities& caps);
void write_fields(FieldWriter& w, const ManagedAccts& m, const Capabilities& caps);
void read_fields(FieldReader& r, ManagedAccts& m, const Capabilities& caps);

}  // namespace ibtrade::tws
