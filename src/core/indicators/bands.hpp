// Bands: a centre line with a lower and an upper band (Bollinger, VWAP bands).
// Plain value type; no threading rule.
#pragma once

namespace ibtrade::indicators {

struct Bands {
  double lower;
  double middle;
  double upper;
};

}  // namespace ibtrade::indicators
