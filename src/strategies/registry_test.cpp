#include "strategies/registry.hpp"

#include <string>

#include <gtest/gtest.h>

#include "strategies/fundamental.hpp"
#include "strategies/macd_cross.hpp"
#include "strategies/macd_vwap.hpp"
#include "strategies/sizing.hpp"

namespace ibtrade::strategies {
namespace {

TEST(Registry, ListsAndBuildsEveryStrategy) {
  EXPECT_EQ(strategy_names(),
            (std::vector<std::string_view>{"fundamental", "macd-cross", "macd-vwap"}));
  for (std::string_view name : strategy_names()) {
    auto made = make_strategy(name, {});
    ASSERT_TRUE(made.ok()) << name << ": " << made.error().message;
    EXPECT_NE(made->get(), nullptr);
  }
  auto cross = make_strategy("macd-cross", {{"size", "7"}, {"fast", "5"}});
  ASSERT_TRUE(cross.ok());
  auto* typed = dynamic_cast<MacdCross*>(cross->get());
  ASSERT_NE(typed, nullptr);
  EXPECT_EQ(typed->params().size, Quantity::from_units(7));
  EXPECT_EQ(typed->params().fast, 5);

  StrategyInputs inputs;
  inputs.candidates = std::vector<Candidate>{};
  EXPECT_TRUE(make_strategy("fundamental", {{"max_positions", "2"}}, std::move(inputs)).ok());
}

TEST(Registry, UnknownNamesAndBadParametersAreErrors) {
  auto unknown = make_strategy("macd", {});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message,
            "unknown strategy 'macd'; known: fundamental, macd-cross, macd-vwap");
  auto bad = make_strategy("macd-vwap", {{"bar_minutes", "five"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message,
            "macd-vwap: parameter 'bar_minutes': expected a whole number, got 'five'");
}

TEST(Sizing, WholeSharesFromTheRiskBudget) {
  const Money equity = Money::from_units(100'000);
  const Ratio half_percent = Ratio::parse("0.005").value();
  // 500 / 0.11 = 4545.45
  EXPECT_EQ(shares_for_risk(equity, half_percent, Price::parse("0.11").value(), Quantity{}),
            Quantity::from_units(4545));
  // Exactly 500 shares at 1.00: no rounding down below the exact quotient.
  EXPECT_EQ(shares_for_risk(equity, half_percent, Price::from_units(1), Quantity{}),
            Quantity::from_units(500));
  EXPECT_EQ(shares_for_risk(equity, half_percent, Price::from_units(1), Quantity::from_units(300)),
            Quantity::from_units(300));
  EXPECT_TRUE(shares_for_risk(equity, half_percent, Price::from_units(600), Quantity{}).is_zero());
  EXPECT_TRUE(shares_for_risk(Money{}, half_percent, Price::from_units(1), Quantity{}).is_zero());
  EXPECT_TRUE(shares_for_risk(equity, half_percent, Price{}, Quantity{}).is_zero());
}

TEST(Params, TimesNumbersAndFlags) {
  auto read = [](const ParamMap& values) {
    struct Out {
      std::chrono::minutes t{};
      double x = 0;
      bool flag = false;
      std::string error;
    } out;
    ParamReader reader("s", values);
    reader.time_of_day("t", out.t);
    reader.number("x", out.x, -1.0, 1.0);
    reader.flag("flag", out.flag);
    Status s = reader.finish();
    if (!s.ok()) out.error = s.error().message;
    return out;
  };
  auto ok = read({{"t", "24:00"}, {"x", "-0.5"}, {"flag", "yes"}});
  EXPECT_EQ(ok.error, "");
  EXPECT_EQ(ok.t, std::chrono::hours(24));
  EXPECT_DOUBLE_EQ(ok.x, -0.5);
  EXPECT_TRUE(ok.flag);
  EXPECT_EQ(read({{"t", "24:01"}}).error,
            "s: parameter 't': expected a time of day HH:MM such as 09:30, got '24:01'");
  EXPECT_EQ(read({{"x", "2"}}).error, "s: parameter 'x': must be from -1 to 1, got '2'");
  EXPECT_EQ(read({{"x", "nan"}}).error, "s: parameter 'x': expected a number, got 'nan'");
  EXPECT_EQ(read({{"y", "1"}}).error, "s: unknown parameter 'y'; known: flag, t, x");
}

}  // namespace
}  // namespace ibtrade::strategies
