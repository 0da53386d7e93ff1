// `ibtrade indicators`: reads a bar CSV file and prints one CSV row per bar with the chosen
// indicators (docs/indicators.md). Reads no configuration; runs on the main thread.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "adapters/csv/bar_csv.hpp"
#include "adapters/csv/indicator_csv.hpp"
#include "app/command.hpp"
#include "app/commands/indicator_options.hpp"
#include "core/indicators/indicator_set.hpp"

namespace ibtrade::app {

namespace {

// Option values as typed; CLI11 validators (below) have already checked each one.
struct IndicatorsOptions {
  std::string input;
  std::string format = "auto";
  std::optional<std::string> sma, ema, macd, rsi, atr, bbands, zscore, sigma_spike, vwap_k;
  bool vwap = false;
  bool all = false;
  bool skip_bad = false;
};

// A CLI11 check from one of our parsers: the parser's message becomes CLI11's usage error.
template <class Parse>
CLI::Validator validator(Parse parse) {
  return CLI::Validator(
      [parse](std::string& text) -> std::string {
        auto parsed = parse(text);
        return parsed ? std::string{} : parsed.error().message;
      },
      "");
}

CLI::Validator period_validator(int min_period) {
  return validator([min_period](const std::string& t) { return parse_period(t, min_period); });
}

indicators::IndicatorSetConfig to_config(const IndicatorsOptions& o) {
  indicators::IndicatorSetConfig c;
  if (o.all) {
    c.sma = 20;
    c.ema = 20;
    c.macd = indicators::MacdParams{};
    c.vwap_k = 2.0;
    c.rsi = 14;
    c.atr = 14;
    c.bbands = indicators::BollingerParams{};
    c.zscore = 20;
    c.sigma_spike = 20;
  }
  // Explicit options win over --all's defaults. Values were validated at parse time.
  if (o.sma) c.sma = *parse_period(*o.sma, 1);
  if (o.ema) c.ema = *parse_period(*o.ema, 1);
  if (o.macd) c.macd = *parse_macd(*o.macd);
  if (o.vwap || o.vwap_k) c.vwap_k = o.vwap_k ? *parse_band_k(*o.vwap_k) : 2.0;
  if (o.rsi) c.rsi = *parse_period(*o.rsi, 1);
  if (o.atr) c.atr = *parse_period(*o.atr, 1);
  if (o.bbands) c.bbands = *parse_bbands(*o.bbands);
  if (o.zscore) c.zscore = *parse_period(*o.zscore, 2);
  if (o.sigma_spike) c.sigma_spike = *parse_period(*o.sigma_spike, 2);
  return c;
}

bool any_indicator(const indicators::IndicatorSetConfig& c) {
  return c.sma || c.ema || c.macd || c.vwap_k || c.rsi || c.atr || c.bbands || c.zscore ||
         c.sigma_spike;
}

int run(const IndicatorsOptions& options) {
  const indicators::IndicatorSetConfig config = to_config(options);
  if (!any_indicator(config)) {
    std::cerr << "ibtrade indicators: choose at least one indicator (--macd 12,26,9, --vwap, "
                 "--rsi 14, --atr 14, --bbands 20,2, --zscore 20, --sigma-spike 20, --sma N, "
                 "--ema N) or --all\n";
    return kExitUsage;
  }
  csv::BarCsvOptions read_options;
  read_options.format = options.format == "yahoo"     ? csv::BarCsvFormat::kYahoo
                        : options.format == "generic" ? csv::BarCsvFormat::kGeneric
                                                      : csv::BarCsvFormat::kAuto;
  read_options.skip_bad_rows = options.skip_bad;
  auto bars = csv::read_bar_csv(options.input, read_options);
  if (!bars) {
    std::cerr << "ibtrade indicators: " << bars.error().message << "\n";
    return kExitInput;
  }
  if (options.skip_bad) {
    std::cerr << "ibtrade indicators: skipped " << bars->skipped << " bad row"
              << (bars->skipped == 1 ? "" : "s") << " in " << options.input << "\n";
    for (const std::string& reason : bars->skip_reasons)
      std::cerr << "  " << reason << "\n";
    if (bars->skipped > bars->skip_reasons.size()) std::cerr << "  ...\n";
  }

  indicators::IndicatorSet set(config);
  csv::write_indicator_csv(*bars, set, [](std::string_view chunk) {
    std::fwrite(chunk.data(), 1, chunk.size(), stdout);
  });
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::cerr << "ibtrade indicators: could not write the output\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void add_indicators_command(CLI::App& app, Commands& commands) {
  auto* cli = app.add_subcommand(
      "indicators",
      "Compute indicators over a bar CSV file (Yahoo daily or Date[,Time],OHLCV) and print CSV: "
      "date[,time],close and one column per indicator output, empty while warming up");
  auto options = std::make_shared<IndicatorsOptions>();
  cli->add_option("--input", options->input, "Bar CSV file")->required()->type_name("FILE");
  cli->add_option("--format", options->format, "Input format (default: from the header)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"auto", "yahoo", "generic"}));
  cli->add_option("--sma", options->sma, "Simple moving average over N closes")
      ->type_name("N")
      ->check(period_validator(1));
  cli->add_option("--ema", options->ema, "Exponential moving average over N closes")
      ->type_name("N")
      ->check(period_validator(1));
  cli->add_option("--macd", options->macd, "MACD FAST,SLOW,SIGNAL, e.g. 12,26,9")
      ->type_name("F,S,G")
      ->check(validator([](const std::string& t) { return parse_macd(t); }));
  cli->add_flag("--vwap", options->vwap,
                "Session VWAP with bands (a session starts when the date changes)");
  cli->add_option("--vwap-k", options->vwap_k,
                  "VWAP band width in standard deviations (default 2; implies --vwap)")
      ->type_name("K")
      ->check(validator([](const std::string& t) { return parse_band_k(t); }));
  cli->add_option("--rsi", options->rsi, "Wilder RSI over N closes")
      ->type_name("N")
      ->check(period_validator(1));
  cli->add_option("--atr", options->atr, "Wilder ATR over N bars")
      ->type_name("N")
      ->check(period_validator(1));
  cli->add_option("--bbands", options->bbands, "Bollinger bands PERIOD[,K], e.g. 20,2")
      ->type_name("N[,K]")
      ->check(validator([](const std::string& t) { return parse_bbands(t); }));
  cli->add_option("--zscore", options->zscore, "Z-score of the close over N closes")
      ->type_name("N")
      ->check(period_validator(2));
  cli->add_option("--sigma-spike", options->sigma_spike,
                  "SigmaSpike: today's return over the stdev of the N returns before it")
      ->type_name("N")
      ->check(period_validator(2));
  cli->add_flag("--all", options->all,
                "All indicators with default periods (sma 20, ema 20, macd 12,26,9, vwap, "
                "rsi 14, atr 14, bbands 20,2, zscore 20, sigma-spike 20)");
  cli->add_flag("--skip-bad", options->skip_bad,
                "Skip malformed rows (counted on stderr) instead of failing");
  commands.push_back(Command{cli, /*needs_config=*/false,
                             [options](const CommandContext&) { return run(*options); }});
}

}  // namespace ibtrade::app
