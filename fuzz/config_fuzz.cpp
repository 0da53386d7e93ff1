// Fuzzes the configuration loader: any TOML text is loaded or refused with a message, never a
// crash.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "app/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto config = ibtrade::app::load_config_from_string(text, "fuzz.toml", {}, {});
  if (!config.ok() && config.error().message.empty()) std::abort();
  return 0;
}
