#!/usr/bin/env node
// Drives @stoqey/ib through the fixed request list of the byte comparison against a recording
// server: `node stoqey_requests.js <port>`. cpp_requests.cpp sends the same requests with the
// same values through our typed messages; keep the two lists in step (compare_requests.js
// compares the recordings frame by frame).
//
// The same requests means the same values: stoqey writes an attribute its caller leaves
// undefined as an empty field, where the official clients (and we) write the attribute's
// default. So every attribute the wire carries is given here with the official default
// (OFFICIAL_ORDER_DEFAULTS, conId, strike, the flags); what is left to compare is how each
// library spells those values. compare_requests.js's allow-list names what still differs.
"use strict";
const { IBApi, EventName, Instrument, LocationCode, ScanCode } = require("@stoqey/ib");

const port = Number(process.argv[2]);
if (!port) {
  console.error("usage: stoqey_requests.js <port>");
  process.exit(2);
}

const CLIENT_ID = 7;
const ACCOUNT = "DU1234567";
const aapl = { conId: 0, symbol: "AAPL", secType: "STK", strike: 0, exchange: "SMART",
               primaryExch: "NASDAQ", currency: "USD" };
// The official Order defaults for the attributes PLACE_ORDER carries and stoqey leaves undefined:
// zero / false flags, "unset" doubles (Double.MAX_VALUE), "unset" ints (Integer.MAX_VALUE), and
// exemptCode -1.
const UNSET_DOUBLE = Number.MAX_VALUE;
const UNSET_INT = 2147483647;
const OFFICIAL_ORDER_DEFAULTS = {
  origin: 0, parentId: 0, blockOrder: false, sweepToFill: false, displaySize: 0,
  triggerMethod: 0, outsideRth: false, hidden: false, discretionaryAmt: 0, shortSaleSlot: 0,
  exemptCode: -1, ocaType: 0, allOrNone: false, eTradeOnly: false, firmQuoteOnly: false,
  auctionStrategy: 0, overridePercentageConstraints: false, continuousUpdate: false,
  optOutSmartRouting: false, notHeld: false, whatIf: false, solicited: false,
  randomizeSize: false, randomizePrice: false, adjustableTrailingUnit: 0,
  dontUseAutoPriceForHedge: false, isOmsContainer: false, discretionaryUpToLimitPrice: false,
  autoCancelParent: false, triggerPrice: UNSET_DOUBLE, lmtPriceOffset: UNSET_DOUBLE,
  adjustedStopPrice: UNSET_DOUBLE, adjustedStopLimitPrice: UNSET_DOUBLE,
  adjustedTrailingAmount: UNSET_DOUBLE, cashQty: UNSET_DOUBLE, duration: UNSET_INT,
  postToAts: UNSET_INT,
};
const order = (fields) => ({ ...OFFICIAL_ORDER_DEFAULTS, account: ACCOUNT, transmit: true,
                             ...fields });

const requests = [
  (ib) => ib.reqIds(1),
  (ib) => ib.reqCurrentTime(),
  (ib) => ib.reqManagedAccts(),
  (ib) => ib.reqAccountSummary(9001, "All", "NetLiquidation,BuyingPower,TotalCashValue"),
  (ib) => ib.reqPositions(),
  (ib) => ib.placeOrder(1000, aapl, order({ action: "BUY", totalQuantity: 100, orderType: "LMT",
                                            lmtPrice: 150.25, tif: "DAY", orderRef: "conf-lmt" })),
  (ib) => ib.placeOrder(1001, aapl, order({ action: "SELL", totalQuantity: 50, orderType: "MKT",
                                            tif: "DAY", orderRef: "conf-mkt" })),
  (ib) => ib.placeOrder(1002, aapl, order({ action: "SELL", totalQuantity: 100, orderType: "STP",
                                            auxPrice: 140, tif: "GTC", orderRef: "conf-stp" })),
  (ib) => ib.placeOrder(1003, aapl, order({ action: "SELL", totalQuantity: 100,
                                            orderType: "STP LMT", lmtPrice: 139.5,
                                            auxPrice: 140.5, tif: "DAY",
                                            orderRef: "conf-stp-lmt" })),
  (ib) => ib.placeOrder(1004, aapl, order({ action: "SELL", totalQuantity: 100,
                                            orderType: "TRAIL", auxPrice: 2.5,
                                            trailStopPrice: 147.75, tif: "DAY",
                                            orderRef: "conf-trail" })),
  (ib) => ib.placeOrder(1005, aapl, order({ action: "SELL", totalQuantity: 100,
                                            orderType: "TRAIL", trailingPercent: 1.5,
                                            tif: "GTC", outsideRth: true,
                                            orderRef: "conf-trail-pct" })),
  (ib) => ib.placeOrder(1006, aapl, order({ action: "BUY", totalQuantity: 100, orderType: "MOC",
                                            tif: "DAY", orderRef: "conf-moc" })),
  (ib) => ib.placeOrder(1007, aapl, order({ action: "BUY", totalQuantity: 100, orderType: "LOC",
                                            lmtPrice: 151.1, tif: "DAY",
                                            orderRef: "conf-loc" })),
  (ib) => ib.cancelOrder(1000),
  (ib) => ib.reqGlobalCancel(),
  (ib) => ib.reqOpenOrders(),
  (ib) => ib.reqAllOpenOrders(),
  (ib) => ib.reqExecutions(9002, { clientId: CLIENT_ID, acctCode: ACCOUNT,
                                   time: "20260302 09:30:00", symbol: "AAPL", secType: "STK",
                                   exchange: "SMART", side: "BUY" }),
  (ib) => ib.reqMarketDataType(3),
  (ib) => ib.reqMktData(9003, aapl, "258", false, false),
  (ib) => ib.reqRealTimeBars(9004, aapl, 5, "TRADES", true),
  (ib) => ib.reqHistoricalData(9005, aapl, "20260302 16:00:00 US/Eastern", "2 D", "1 day",
                               "TRADES", 1, 1, false),
  (ib) => ib.reqContractDetails(9006, { conId: 0, symbol: "AAPL", secType: "STK", strike: 0,
                                        exchange: "SMART", currency: "USD",
                                        includeExpired: false }),
  (ib) => ib.reqScannerSubscription(
      // stoqey's scanCode is its numeric ScanCode enum; the encoder sends the member's name.
      9007, { numberOfRows: 50, instrument: Instrument.STK,
              locationCode: LocationCode.STK_US_MAJOR, scanCode: ScanCode.TOP_PERC_GAIN,
              excludeConvertible: false },
      [], [{ tag: "priceAbove", value: "5" }, { tag: "volumeAbove", value: "500000" },
           { tag: "marketCapAbove1e6", value: "300" }]),
  (ib) => ib.reqScannerParameters(),
  (ib) => ib.cancelScannerSubscription(9007),
  (ib) => ib.cancelHistoricalData(9005),
  (ib) => ib.cancelRealTimeBars(9004),
  (ib) => ib.cancelMktData(9003),
  (ib) => ib.cancelPositions(),
  (ib) => ib.cancelAccountSummary(9001),
];

const ib = new IBApi({ host: "127.0.0.1", port, maxReqPerSec: 1000 });
const problems = [];
ib.on(EventName.error, (error, code, reqId) => {
  problems.push(`error ${code} (req ${reqId}): ${error?.message ?? error}`);
});
let sent = 0;
ib.on(EventName.sent, () => { sent += 1; });

const timer = setTimeout(() => {
  console.error(`timed out: ${sent} frames sent; ${problems.join("; ")}`);
  process.exit(1);
}, 15000);

ib.once(EventName.nextValidId, () => {
  const before = sent;
  for (const request of requests) request(ib);
  // The socket writes in order; disconnect once every request is written and flushed.
  const poll = setInterval(() => {
    const socket = ib.controller?.socket?.client;
    if (sent - before >= requests.length && socket && socket.writableLength === 0) {
      clearInterval(poll);
      clearTimeout(timer);
      ib.disconnect();
      if (problems.length) {
        console.error(problems.join("\n"));
        process.exit(1);
      }
    }
  }, 20);
});
ib.connect(CLIENT_ID);
