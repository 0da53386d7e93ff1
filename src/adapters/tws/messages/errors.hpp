// ERR_MSG (protocol doc 4.2): errors, warnings and notices from TWS, tied to a request id, an
// order id, or -1 for the connection. Plain message value with its field codec.
#pragma once

#include <string>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/message_ids.hpp"
#include "adapters/tws/wire/fields.hpp"

namespace ibtrade::tws {

// Id for notices that concern the connection, not a request or order.
inline constexpr int kNoRequestId = -1;

// 4|2|id|errorCode|errorString|advancedOrderRejectJson (the last at v >= 166)
struct ErrMsg {
  static constexpr ToClientId kId = ToClientId::kErrMsg;
  static constexpr std::string_view kName = "ERR_MSG";
  int id = kNoRequestId;
  int code = 0;
  std::string message;  // may hold \uXXXX escapes for non-ASCII text (v >= 153)
  // Empty normally; when present it must be valid JSON (stoqey parses it).
  std::string advanced_order_reject_json;
  friend bool operator==(const ErrMsg&, const ErrMsg&) = default;
};

void write_fields(FieldWriter& w, const ErrMsg& m, const Capabilities& caps);
void read_fields(FieldReader& r, ErrMsg& m, const Capabilities& caps);

}  // namespace ibtrade::tws
