#include "adapters/tws/error_codes.hpp"

namespace ibtrade::tws {
namespace {

struct CodeClass {
  int code;
  ErrorClass error_class;
};

// Codes with a class of their own; the 2100-2199 range defaults to kInfo below.
constexpr CodeClass kCodes[] = {
    // Connectivity: the connection to TWS, or TWS's to IB, or a data farm's.
    {326, ErrorClass::kConnectivity},   // client id in use: the socket is closed
    {502, ErrorClass::kConnectivity},   // couldn't connect (client side)
    {504, ErrorClass::kConnectivity},   // not connected (client side)
    {507, ErrorClass::kConnectivity},   // bad message length: the stream is lost
    {509, ErrorClass::kConnectivity},   // socket exception
    {1100, ErrorClass::kConnectivity},  // TWS<->IB connectivity lost
    {1101, ErrorClass::kConnectivity},  // restored, market data lost: resubscribe
    {1102, ErrorClass::kConnectivity},  // restored, data maintained
    {1300, ErrorClass::kConnectivity},  // socket port reset: connection dropped
    {2103, ErrorClass::kConnectivity},  // market data farm broken
    {2105, ErrorClass::kConnectivity},  // historical data farm broken
    {2110, ErrorClass::kConnectivity},  // TWS<->server broken
    {2157, ErrorClass::kConnectivity},  // sec-def farm broken
    // Pacing.
    {100, ErrorClass::kPacing},  // message rate exceeded
    {162, ErrorClass::kPacing},  // historical data: pacing violation (also "no data", cancelled)
    {420, ErrorClass::kPacing},  // invalid real-time query: permissions or pacing
    // Subscriptions and market-data permissions.
    {101, ErrorClass::kSubscription},    // max tickers reached
    {309, ErrorClass::kSubscription},    // max market depth requests
    {354, ErrorClass::kSubscription},    // market data not subscribed
    {10089, ErrorClass::kSubscription},  // subscription lacks API support
    {10090, ErrorClass::kSubscription},  // part of the data not subscribed
    {10091, ErrorClass::kSubscription},
    {10167, ErrorClass::kSubscription},  // not subscribed: delayed data shown
    {10168, ErrorClass::kSubscription},  // not subscribed, delayed data not enabled
    {10186, ErrorClass::kSubscription},
    {10197, ErrorClass::kSubscription},  // competing live session
    {10225, ErrorClass::kSubscription},  // bust event: real-time bars deactivated
    // Orders.
    {103, ErrorClass::kOrder},    // duplicate order id
    {104, ErrorClass::kOrder},    // can't modify a filled order
    {105, ErrorClass::kOrder},    // modification does not match
    {110, ErrorClass::kOrder},    // price does not conform to the tick
    {135, ErrorClass::kOrder},    // can't find order
    {161, ErrorClass::kOrder},    // cancel attempted when not cancellable
    {201, ErrorClass::kOrder},    // order rejected
    {202, ErrorClass::kOrder},    // order cancelled
    {203, ErrorClass::kOrder},    // security not allowed for this account
    {399, ErrorClass::kOrder},    // order message (held until RTH, ...)
    {404, ErrorClass::kOrder},    // shares not available to short: held while locating
    {2109, ErrorClass::kOrder},   // outsideRth ignored
    {2137, ErrorClass::kOrder},   // cross-side warning
    {2168, ErrorClass::kOrder},   // eTradeOnly not supported
    {2169, ErrorClass::kOrder},   // firmQuoteOnly not supported
    {10006, ErrorClass::kOrder},  // missing parent order
    {10147, ErrorClass::kOrder},  // order to cancel not found
    {10148, ErrorClass::kOrder},  // order can't be cancelled in its state
    {10268, ErrorClass::kOrder},
    {10269, ErrorClass::kOrder},
    {10270, ErrorClass::kOrder},
    // Security definition.
    {200, ErrorClass::kSecurity},  // no security definition / ambiguous
    // Our request was wrong.
    {102, ErrorClass::kClient},  // duplicate ticker id
    {300, ErrorClass::kClient},  // can't find ticker id
    {321, ErrorClass::kClient},  // error validating request
    {322, ErrorClass::kClient},  // error processing request
    {365, ErrorClass::kClient},  // no scanner subscription with this id
    {366, ErrorClass::kClient},  // no historical query with this id
    {385, ErrorClass::kClient},  // duplicate scanner id
    {386, ErrorClass::kClient},  // duplicate historical id
    {414, ErrorClass::kClient},  // snapshot with generic ticks
    {501, ErrorClass::kClient},  // already connected
    {503, ErrorClass::kClient},  // TWS too old
    {505, ErrorClass::kClient},  // unknown message id
    {508, ErrorClass::kClient},  // bad message
    // Informational.
    {165, ErrorClass::kInfo},   // historical data service message
    {2100, ErrorClass::kInfo},  // account subscription replaced
};

}  // namespace

std::string_view to_string(ErrorClass error_class) {
  switch (error_class) {
    case ErrorClass::kInfo:
      return "info";
    case ErrorClass::kConnectivity:
      return "connectivity";
    case ErrorClass::kPacing:
      return "pacing";
    case ErrorClass::kSubscription:
      return "subscription";
    case ErrorClass::kOrder:
      return "order";
    case ErrorClass::kSecurity:
      return "security";
    case ErrorClass::kClient:
      return "client";
    case ErrorClass::kOther:
      return "other";
  }
  return "other";
}

ErrorClass classify_error(int code) {
  for (const auto& entry : kCodes) {
    if (entry.code == code) return entry.error_class;
  }
  // The rest of 2100-2199 are notices and warnings (farm OK 2104/2106/2158, inactive 2107/2108,
  // connecting 2119, ...).
  if (code >= 2100 && code <= 2199) return ErrorClass::kInfo;
  return ErrorClass::kOther;
}

bool is_warning(int code) {
  switch (code) {
    case 105:
    case 110:
    case 165:
    case 321:
    case 329:
    case 399:
    case 404:
    case 434:
    case 492:
    case 10167:
    case 1100:
    case 1101:
    case 1102:
    case 1300:
      return true;
    default:
      return code >= 2100 && code <= 2199;
  }
}

}  // namespace ibtrade::tws
