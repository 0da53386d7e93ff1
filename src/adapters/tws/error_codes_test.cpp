// The error-code classifier, table-driven from protocol doc 5.5.
#include "adapters/tws/error_codes.hpp"

#include <gtest/gtest.h>

namespace ibtrade::tws {
namespace {

TEST(ErrorCodes, ClassifiesTheDocumentedCodes) {
  const struct {
    int code;
    ErrorClass expected;
  } table[] = {
      {2104, ErrorClass::kInfo},          {2106, ErrorClass::kInfo},
      {2158, ErrorClass::kInfo},          {2107, ErrorClass::kInfo},
      {2108, ErrorClass::kInfo},          {2119, ErrorClass::kInfo},
      {2100, ErrorClass::kInfo},          {165, ErrorClass::kInfo},
      {1100, ErrorClass::kConnectivity},  {1101, ErrorClass::kConnectivity},
      {1102, ErrorClass::kConnectivity},  {504, ErrorClass::kConnectivity},
      {502, ErrorClass::kConnectivity},   {326, ErrorClass::kConnectivity},
      {1300, ErrorClass::kConnectivity},  {2103, ErrorClass::kConnectivity},
      {2105, ErrorClass::kConnectivity},  {2157, ErrorClass::kConnectivity},
      {2110, ErrorClass::kConnectivity},  {100, ErrorClass::kPacing},
      {162, ErrorClass::kPacing},         {420, ErrorClass::kPacing},
      {101, ErrorClass::kSubscription},   {354, ErrorClass::kSubscription},
      {10167, ErrorClass::kSubscription}, {10168, ErrorClass::kSubscription},
      {10197, ErrorClass::kSubscription}, {10089, ErrorClass::kSubscription},
      {103, ErrorClass::kOrder},          {110, ErrorClass::kOrder},
      {135, ErrorClass::kOrder},          {201, ErrorClass::kOrder},
      {202, ErrorClass::kOrder},          {399, ErrorClass::kOrder},
      {104, ErrorClass::kOrder},          {161, ErrorClass::kOrder},
      {404, ErrorClass::kOrder},          {2109, ErrorClass::kOrder},
      {10147, ErrorClass::kOrder},        {10148, ErrorClass::kOrder},
      {200, ErrorClass::kSecurity},       {102, ErrorClass::kClient},
      {300, ErrorClass::kClient},         {321, ErrorClass::kClient},
      {414, ErrorClass::kClient},         {505, ErrorClass::kClient},
      {430, ErrorClass::kOther},          {0, ErrorClass::kOther},
      {-1, ErrorClass::kOther},           {99999, ErrorClass::kOther},
  };
  for (const auto& row : table) {
    EXPECT_EQ(classify_error(row.code), row.expected) << row.code;
  }
}

TEST(ErrorCodes, UnlistedFarmNoticesAreInfo) {
  for (int code = 2100; code <= 2199; ++code) {
    const ErrorClass c = classify_error(code);
    EXPECT_TRUE(c == ErrorClass::kInfo || c == ErrorClass::kConnectivity || c == ErrorClass::kOrder)
        << code;
  }
  EXPECT_EQ(classify_error(2150), ErrorClass::kInfo);
}

TEST(ErrorCodes, WarningsDoNotEndTheirRequest) {
  for (int code : {105, 110, 165, 321, 329, 399, 404, 434, 492, 10167, 2104, 2109, 2158, 1100, 1101,
                   1102, 1300}) {
    EXPECT_TRUE(is_warning(code)) << code;
  }
  for (int code : {100, 103, 162, 200, 201, 202, 354, 10197, 326, 504}) {
    EXPECT_FALSE(is_warning(code)) << code;
  }
}

TEST(ErrorCodes, ClassNames) {
  EXPECT_EQ(to_string(ErrorClass::kInfo), "info");
  EXPECT_EQ(to_string(ErrorClass::kConnectivity), "connectivity");
  EXPECT_EQ(to_string(ErrorClass::kPacing), "pacing");
  EXPECT_EQ(to_string(ErrorClass::kSubscription), "subscription");
  EXPECT_EQ(to_string(ErrorClass::kOrder), "order");
  EXPECT_EQ(to_string(ErrorClass::kSecurity), "security");
  EXPECT_EQ(to_string(ErrorClass::kClient), "client");
  EXPECT_EQ(to_string(ErrorClass::kOther), "other");
}

}  // namespace
}  // namespace ibtrade::tws
