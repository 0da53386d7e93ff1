// Fuzzes the bar CSV reader: any text is parsed or refused with a message naming the source,
// never a crash; parsed rows satisfy the bar invariants.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/csv/bar_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool skip : {false, true}) {
    ibtrade::csv::BarCsvOptions options;
    options.skip_bad_rows = skip;
    auto parsed = ibtrade::csv::parse_bar_csv(text, options, "fuzz.csv");
    if (!parsed.ok()) {
      if (parsed.error().message.find("fuzz.csv") == std::string::npos) std::abort();
      continue;
    }
    for (const auto& row : parsed->rows) {
      if (!ibtrade::check_bar(row.bar).empty()) std::abort();
    }
  }
  return 0;
}
