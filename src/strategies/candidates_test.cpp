#include "strategies/candidates.hpp"

#include <string>

#include <gtest/gtest.h>

namespace ibtrade::strategies {
namespace {

std::string error_of(std::string_view text) {
  auto r = parse_candidates_csv(text, "cands.csv");
  return r.ok() ? std::string("(ok)") : r.error().message;
}

TEST(Candidates, PlainRowsWithAndWithoutScore) {
  auto r = parse_candidates_csv("2024-03-05,AAPL,3.5\n2024-03-05,MSFT\n\n2024-03-06, ORCL ,\n",
                                "cands.csv");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0], (Candidate{date::year{2024} / 3 / 5, "AAPL", 3.5}));
  EXPECT_EQ((*r)[1], (Candidate{date::year{2024} / 3 / 5, "MSFT", std::nullopt}));
  EXPECT_EQ((*r)[2], (Candidate{date::year{2024} / 3 / 6, "ORCL", std::nullopt}));
}

TEST(Candidates, AHeaderNamesTheColumnsAndOthersAreIgnored) {
  auto r = parse_candidates_csv(
      "\xEF\xBB\xBFsymbol,price,Date,score\r\nAAPL,170.1,2024-03-05,2.75\r\nMSFT,400,2024-03-05,"
      "\r\n",
      "screen.csv");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0], (Candidate{date::year{2024} / 3 / 5, "AAPL", 2.75}));
  EXPECT_EQ((*r)[1], (Candidate{date::year{2024} / 3 / 5, "MSFT", std::nullopt}));
}

TEST(Candidates, EmptyTextIsAnEmptyList) {
  auto r = parse_candidates_csv("", "cands.csv");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(Candidates, ErrorsNameTheSourceAndLine) {
  EXPECT_EQ(error_of("date,symbol\n2024-03-05,AAPL\n2024-13-01,MSFT\n"),
            "cands.csv:3: bad date '2024-13-01' (expected YYYY-MM-DD)");
  EXPECT_EQ(error_of("2024-03-05\n"),
            "cands.csv:1: expected date,symbol[,score], got '2024-03-05'");
  EXPECT_EQ(error_of("2024-03-05,AAPL,high\n"),
            "cands.csv:1: bad score 'high' (expected a number)");
  EXPECT_EQ(error_of("2024-03-05,\n"), "cands.csv:1: bad symbol ''");
  EXPECT_EQ(error_of("2024-03-05,AAPL\n\n2024-03-05,AAPL\n"),
            "cands.csv:3: duplicate candidate AAPL on the same date as line 1");
  EXPECT_EQ(error_of("symbol,score\nAAPL,1\n"),
            "cands.csv:1: the header needs a 'date' and a 'symbol' column");
  EXPECT_EQ(error_of("03/05/2024,AAPL\n"),
            "cands.csv:1: bad date '03/05/2024' (expected YYYY-MM-DD)");
}

}  // namespace
}  // namespace ibtrade::strategies
