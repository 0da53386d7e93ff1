// Fuzzes the decimal parser: any text either fails with a message or round-trips exactly.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/fixed_point.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = ibtrade::Price::parse(text);
  if (!parsed.ok()) {
    if (parsed.error().message.empty()) std::abort();
    return 0;
  }
  auto again = ibtrade::Price::parse(parsed->to_string());
  if (!again.ok() || *again != *parsed || again->precision() != parsed->precision()) std::abort();
  return 0;
}
