#include "engine/sim/bar_path.hpp"

#include <gtest/gtest.h>

#include "engine/sim/sim_test_support.hpp"

namespace ibtrade::engine {
namespace {

using sim_test::bar;
using sim_test::px;

struct PathCase {
  const char* name;
  Bar input;
  BarPath expected;
};

TEST(SimBarPath, NearerExtremeComesFirstAndTiesFollowTheClose) {
  const PathCase cases[] = {
      {"high nearer",
       bar(0, "10", "10.1", "9.5", "9.6"),
       {px("10"), px("10.1"), px("9.5"), px("9.6")}},
      {"low nearer",
       bar(0, "10", "10.5", "9.9", "10.4"),
       {px("10"), px("9.9"), px("10.5"), px("10.4")}},
      {"tie, up bar: low first",
       bar(0, "10", "10.2", "9.8", "10.1"),
       {px("10"), px("9.8"), px("10.2"), px("10.1")}},
      {"tie, flat bar: low first",
       bar(0, "10", "10.2", "9.8", "10"),
       {px("10"), px("9.8"), px("10.2"), px("10")}},
      {"tie, down bar: high first",
       bar(0, "10", "10.2", "9.8", "9.9"),
       {px("10"), px("10.2"), px("9.8"), px("9.9")}},
      {"no range", bar(0, "10", "10", "10", "10"), {px("10"), px("10"), px("10"), px("10")}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(bar_path(c.input), c.expected) << c.name;
  }
}

}  // namespace
}  // namespace ibtrade::engine
