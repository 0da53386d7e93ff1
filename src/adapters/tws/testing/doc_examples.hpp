// Test data: the protocol doc's example messages at v178, copied by hand from its tables
// (sections 3 and 4; '|' separates fields, see doc_payload.hpp). Each one is verified there
// against the official Python client and ib_async. Header-only, for tests; no threading rule.
#pragma once

#include <string_view>

namespace ibtrade::tws::testing {

struct DocExample {
  std::string_view name;   // IB's message name
  std::string_view pipes;  // the fields, '|'-separated
};

// PLACE_ORDER, LMT BUY 100 AAPL @150.25 DAY, SMART/USD, orderId 1001 (doc 3.10, verbatim):
// 114 fields as the official 10.30 encoder sends them.
inline constexpr std::string_view kPlaceOrderLmt =
    "3|1001|0|AAPL|STK||0.0|||SMART||USD|||||BUY|100|LMT|150.25||DAY||||0||1|0|0|0|0|0|0|0||0||"
    "|||||0||-1|0|||0|||0|0||0||||||0|||||0|||||||||||0|||0|0|||0||0|0|0|0||"
    "1.7976931348623157e+308|1.7976931348623157e+308|1.7976931348623157e+308|"
    "1.7976931348623157e+308|1.7976931348623157e+308|0||||1.7976931348623157e+308|||||0|0|0||"
    "2147483647|2147483647|0||";

// PLACE_ORDER, MKT BUY 100 AAPL DAY: the same list with the doc's "Market buy 100" row of the
// simple-order value sheet (#18 MKT, #19 lmtPrice "").
inline constexpr std::string_view kPlaceOrderMkt =
    "3|1002|0|AAPL|STK||0.0|||SMART||USD|||||BUY|100|MKT|||DAY||||0||1|0|0|0|0|0|0|0||0||"
    "|||||0||-1|0|||0|||0|0||0||||||0|||||0|||||||||||0|||0|0|||0||0|0|0|0||"
    "1.7976931348623157e+308|1.7976931348623157e+308|1.7976931348623157e+308|"
    "1.7976931348623157e+308|1.7976931348623157e+308|0||||1.7976931348623157e+308|||||0|0|0||"
    "2147483647|2147483647|0||";

// REQ_MKT_DATA with generic tick list "258" (doc 3.4's example with the list replaced).
inline constexpr std::string_view kReqMktData258 =
    "1|11|1|0|AAPL|STK||0.0|||SMART|NASDAQ|USD|||0|258|0|0|";

// REQ_HISTORICAL_DATA, 2 daily bars up to now (doc 3.6, verbatim).
inline constexpr std::string_view kReqHistoricalData =
    "20|3|0|AAPL|STK||0.0|||SMART|NASDAQ|USD|||0||1 day|2 D|1|TRADES|1|0|";

// OPEN_ORDER for the working LMT order above (doc 4.16, verbatim): 127 fields.
inline constexpr std::string_view kOpenOrderLmt =
    "5|1001|265598|AAPL|STK||0.0|||SMART|USD|AAPL|NMS|BUY|100|LMT|150.25|0.0|DAY||DU111111||0||7|"
    "123456789|0|0|0|||||||||||0||-1|0||||||2147483647|0|0|0||3|0|0||0|0||0|||0|0||||2147483647||"
    "0|0|0||2147483647|||0|||0|0||0|0|Submitted|1.7976931348623157E308|1.7976931348623157E308|"
    "1.7976931348623157E308|1.7976931348623157E308|1.7976931348623157E308|"
    "1.7976931348623157E308|1.7976931348623157E308|1.7976931348623157E308|"
    "1.7976931348623157E308|1.7976931348623157E308|1.7976931348623157E308|"
    "1.7976931348623157E308|||0|0|0||1.7976931348623157E308|1.7976931348623157E308|"
    "1.7976931348623157E308|1.7976931348623157E308|1.7976931348623157E308|"
    "1.7976931348623157E308|0||||0|0|0|0|0|2147483647|2147483647|0|2147483647|2147483647|"
    "1.7976931348623157E308|1.7976931348623157E308|1.7976931348623157E308";

// Client -> server examples (doc 1.5, 3.2-3.10).
inline constexpr DocExample kToServerExamples[] = {
    {"START_API", "71|2|7|"},
    {"REQ_IDS", "8|1|-1"},
    {"REQ_CURRENT_TIME", "49|1"},
    {"REQ_ACCOUNT_SUMMARY", "62|1|9001|All|NetLiquidation,BuyingPower"},
    {"CANCEL_ACCOUNT_SUMMARY", "63|1|9001"},
    {"REQ_POSITIONS", "61|1"},
    {"CANCEL_POSITIONS", "64|1"},
    {"REQ_ACCT_DATA", "6|2|1|DU111111"},
    {"REQ_ACCOUNT_UPDATES_MULTI", "76|1|7|DU111111||0"},
    {"CANCEL_ACCOUNT_UPDATES_MULTI", "77|1|7"},
    {"REQ_MANAGED_ACCTS", "17|1"},
    {"REQ_OPEN_ORDERS", "5|1"},
    {"REQ_ALL_OPEN_ORDERS", "16|1"},
    {"REQ_AUTO_OPEN_ORDERS", "15|1|1"},
    {"REQ_COMPLETED_ORDERS", "99|0"},
    {"CANCEL_ORDER", "4|1|1001|"},
    {"REQ_GLOBAL_CANCEL", "58|1"},
    {"REQ_MARKET_DATA_TYPE", "59|1|3"},
    {"CANCEL_MKT_DATA", "2|2|1"},
    {"CANCEL_REAL_TIME_BARS", "51|1|2"},
    {"CANCEL_HISTORICAL_DATA", "25|1|3"},
    {"REQ_SCANNER_PARAMETERS", "24|1"},
    {"CANCEL_SCANNER_SUBSCRIPTION", "23|1|5"},
    {"REQ_EXECUTIONS", "7|3|5|0||||||"},
    {"REQ_MKT_DATA", "1|11|1|0|AAPL|STK||0.0|||SMART|NASDAQ|USD|||0|233,236|0|0|"},
    {"REQ_MKT_DATA", kReqMktData258},
    {"REQ_REAL_TIME_BARS", "50|3|2|0|AAPL|STK||0.0|||SMART|NASDAQ|USD|||5|TRADES|1|"},
    {"REQ_HISTORICAL_DATA", kReqHistoricalData},
    {"REQ_CONTRACT_DATA", "9|8|4|0|AAPL|STK||0.0|||SMART|NASDAQ|USD|||0|||"},
    {"REQ_SCANNER_SUBSCRIPTION",
     "22|5|50|STK|STK.US.MAJOR|TOP_PERC_GAIN||||||||||||||0||||priceAbove=5;marketCapAbove1e6=100;"
     "|"},
    {"PLACE_ORDER", kPlaceOrderLmt},
    {"PLACE_ORDER", kPlaceOrderMkt},
};

// Server -> client examples (doc 4.1-4.16).
inline constexpr DocExample kToClientExamples[] = {
    {"NEXT_VALID_ID", "9|1|1001"},
    {"CURRENT_TIME", "49|1|1700000000"},
    {"MANAGED_ACCTS", "15|1|DU111111,DU222222"},
    {"ACCOUNT_SUMMARY", "63|1|9001|DU111111|NetLiquidation|100000.00|USD"},
    {"ACCOUNT_SUMMARY_END", "64|1|9001"},
    {"POSITION_END", "62|1"},
    {"ACCT_VALUE", "6|2|NetLiquidation|100000.00|USD|DU111111"},
    {"ACCT_UPDATE_TIME", "8|1|15:47"},
    {"ACCT_DOWNLOAD_END", "54|1|DU111111"},
    {"OPEN_ORDER_END", "53|1"},
    {"EXECUTION_DATA_END", "55|1|5"},
    {"CONTRACT_DATA_END", "52|1|4"},
    {"TICK_STRING", "46|6|1|45|1701950000"},
    {"TICK_GENERIC", "45|6|1|49|0.0"},
    {"TICK_SNAPSHOT_END", "57|1|1"},
    {"MARKET_DATA_TYPE", "58|1|1|3"},
    {"SCANNER_PARAMETERS", "19|1|<ScanParameterResponse></ScanParameterResponse>"},
    {"ACCOUNT_UPDATE_MULTI", "73|1|7|DU111111||NetLiquidation|100000.00|USD"},
    {"ACCOUNT_UPDATE_MULTI_END", "74|1|7"},
    {"COMPLETED_ORDERS_END", "102"},
    {"TICK_REQ_PARAMS", "81|1|0.01|9c0001|3"},
    {"ERR_MSG", "4|2|-1|2104|Market data farm connection is OK:usfarm|"},
    {"ERR_MSG", "4|2|1001|201|Order rejected - reason:Test|"},
    {"ERR_MSG", "4|2|41|202|Order Canceled - reason:|"},
    {"POSITION_DATA", "61|3|DU111111|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|100|150.25"},
    {"PORTFOLIO_VALUE",
     "7|8|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|100|151.0|15100.0|150.25|75.0|0.0|DU111111"},
    {"ORDER_STATUS", "3|1001|Submitted|0|100|0.0|123456789|0|0.0|7||0.0"},
    {"EXECUTION_DATA",
     "11|-1|1001|265598|AAPL|STK||0.0|||ISLAND|USD|AAPL|NMS|0000e0d5.6571d3f1.01.01|"
     "20231207  09:35:01|DU111111|ISLAND|BOT|100|150.25|123456789|7|0|100|150.25|||||2|0"},
    {"COMMISSION_REPORT",
     "59|1|0000e0d5.6571d3f1.01.01|1.0|USD|1.7976931348623157E308|1.7976931348623157E308|0"},
    {"TICK_PRICE", "1|6|1|1|150.24|300|1"},
    {"TICK_SIZE", "2|6|1|8|12345"},
    {"REAL_TIME_BARS", "50|3|2|1701950000|150.1|150.3|150.0|150.2|1200|150.18|15"},
    {"HISTORICAL_DATA",
     "17|3|20231206  09:30:00|20231207  09:30:00|2|20231206|149.0|151.0|148.5|150.5|123456|"
     "150.01|5000|20231207|150.5|152.0|150.0|151.5|100000|151.2|4000"},
    {"HISTORICAL_DATA_UPDATE", "90|3|15|20231207 10:00:00|151.0|151.2|151.3|150.9|151.1|1200"},
    {"CONTRACT_DATA",
     "10|4|AAPL|STK||0.0||SMART|USD|AAPL|NMS|NMS|265598|0.01||ACTIVETIM,AD,LMT,MKT,STP,STPLMT,"
     "TRAIL,WHATIF|SMART,AMEX,NYSE,CBOE,ISLAND|1|0|APPLE INC|NASDAQ||Technology|Computers|"
     "Computers|US/Eastern|20231207:0400-20231207:2000;20231209:CLOSED|"
     "20231207:0930-20231207:1600|||1|ISIN|US0378331005|1|||26,26,26,26,26||COMMON|1|1|100"},
    {"SCANNER_DATA",
     "20|3|5|2|0|265598|AAPL|STK||0.0||SMART|USD|AAPL|NMS|NMS|||||1|272093|MSFT|STK||0.0||SMART|"
     "USD|MSFT|NMS|NMS||||"},
    {"OPEN_ORDER", kOpenOrderLmt},
};

}  // namespace ibtrade::tws::testing
