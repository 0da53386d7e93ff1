#include "services/sim/fundamental_ratios.hpp"

#include <cstdio>

namespace ibtrade::sim {
namespace {

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// Issuer-sized whole numbers (they can pass Money's range) as millions for display.
std::string millions(std::int64_t units) {
  return fixed(static_cast<double>(units) / 1e6, 5);
}

}  // namespace

std::string fundamental_ratios_text(const engine::market::Fundamentals& f) {
  const std::string na = "-99999.99";
  std::string out;
  auto add = [&](const char* key, const std::string& value) {
    out += key;
    out += '=';
    out += value;
    out += ';';
  };
  add("CURRENCY", "USD");
  add("NPRICE", f.price.to_string());
  add("MKTCAP", millions(f.market_cap));
  add("PEEXCLXOR", f.pe_ratio ? fixed(*f.pe_ratio, 5) : na);
  add("TTMEPSXCLX", f.eps_ttm ? f.eps_ttm->rounded(5).to_string() : na);
  add("QSHOUT", millions(f.shares_outstanding));
  add("QFLOATSHAREOUT", millions(f.float_shares));
  add("AVOL", fixed(static_cast<double>(f.avg_volume) / 1e3, 5));
  add("LATESTADATE", date::format("%Y-%m-%d", date::sys_days(f.as_of)));
  return out;
}

}  // namespace ibtrade::sim
