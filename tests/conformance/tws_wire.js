// TWS API framing and message names for the conformance tests (protocol doc 1.2-1.7, 3.0, 3.10).
// Pure helpers: frame splitting, client-hello parsing, field naming for readable diffs.
"use strict";

// Client -> server ids (protocol doc 3.0) for the messages these tests use.
const TO_SERVER = {
  1: "REQ_MKT_DATA", 2: "CANCEL_MKT_DATA", 3: "PLACE_ORDER", 4: "CANCEL_ORDER",
  5: "REQ_OPEN_ORDERS", 6: "REQ_ACCT_DATA", 7: "REQ_EXECUTIONS", 8: "REQ_IDS",
  9: "REQ_CONTRACT_DATA", 15: "REQ_AUTO_OPEN_ORDERS", 16: "REQ_ALL_OPEN_ORDERS",
  17: "REQ_MANAGED_ACCTS", 20: "REQ_HISTORICAL_DATA", 22: "REQ_SCANNER_SUBSCRIPTION",
  23: "CANCEL_SCANNER_SUBSCRIPTION", 24: "REQ_SCANNER_PARAMETERS", 25: "CANCEL_HISTORICAL_DATA",
  49: "REQ_CURRENT_TIME", 50: "REQ_REAL_TIME_BARS", 51: "CANCEL_REAL_TIME_BARS",
  58: "REQ_GLOBAL_CANCEL", 59: "REQ_MARKET_DATA_TYPE", 61: "REQ_POSITIONS",
  62: "REQ_ACCOUNT_SUMMARY", 63: "CANCEL_ACCOUNT_SUMMARY", 64: "CANCEL_POSITIONS",
  71: "START_API", 76: "REQ_ACCOUNT_UPDATES_MULTI", 77: "CANCEL_ACCOUNT_UPDATES_MULTI",
  99: "REQ_COMPLETED_ORDERS",
};

const C12 = ["conId", "symbol", "secType", "lastTradeDateOrContractMonth", "strike", "right",
             "multiplier", "exchange", "primaryExchange", "currency", "localSymbol",
             "tradingClass"];

// Field names by index (0 = the message id) at server version 178, for simple (non-BAG) requests.
const FIELD_NAMES = {
  START_API: ["msgId", "version", "clientId", "optionalCapabilities"],
  REQ_IDS: ["msgId", "version", "numIds"],
  REQ_ACCOUNT_SUMMARY: ["msgId", "version", "reqId", "group", "tags"],
  CANCEL_ORDER: ["msgId", "version", "orderId", "manualOrderCancelTime"],
  REQ_EXECUTIONS: ["msgId", "version", "reqId", "clientId", "acctCode", "time", "symbol",
                   "secType", "exchange", "side"],
  REQ_MKT_DATA: ["msgId", "version", "reqId", ...C12, "deltaNeutralContract", "genericTickList",
                 "snapshot", "regulatorySnapshot", "mktDataOptions"],
  REQ_MARKET_DATA_TYPE: ["msgId", "version", "marketDataType"],
  REQ_REAL_TIME_BARS: ["msgId", "version", "reqId", ...C12, "barSize", "whatToShow", "useRTH",
                       "realTimeBarsOptions"],
  REQ_HISTORICAL_DATA: ["msgId", "reqId", ...C12, "includeExpired", "endDateTime",
                        "barSizeSetting", "durationStr", "useRTH", "whatToShow", "formatDate",
                        "keepUpToDate", "chartOptions"],
  REQ_CONTRACT_DATA: ["msgId", "version", "reqId", ...C12, "includeExpired", "secIdType", "secId",
                      "issuerId"],
  REQ_SCANNER_SUBSCRIPTION: ["msgId", "reqId", "numberOfRows", "instrument", "locationCode",
                             "scanCode", "abovePrice", "belowPrice", "aboveVolume",
                             "marketCapAbove", "marketCapBelow", "moodyRatingAbove",
                             "moodyRatingBelow", "spRatingAbove", "spRatingBelow",
                             "maturityDateAbove", "maturityDateBelow", "couponRateAbove",
                             "couponRateBelow", "excludeConvertible", "averageOptionVolumeAbove",
                             "scannerSettingPairs", "stockTypeFilter",
                             "scannerSubscriptionFilterOptions", "scannerSubscriptionOptions"],
  CANCEL_MKT_DATA: ["msgId", "version", "reqId"],
  CANCEL_REAL_TIME_BARS: ["msgId", "version", "reqId"],
  CANCEL_HISTORICAL_DATA: ["msgId", "version", "reqId"],
  CANCEL_SCANNER_SUBSCRIPTION: ["msgId", "version", "reqId"],
  CANCEL_ACCOUNT_SUMMARY: ["msgId", "version", "reqId"],
  // 114 fields for a simple order (protocol doc 3.10).
  PLACE_ORDER: ["msgId", "orderId", ...C12, "secIdType", "secId", "action", "totalQuantity",
    "orderType", "lmtPrice", "auxPrice", "tif", "ocaGroup", "account", "openClose", "origin",
    "orderRef", "transmit", "parentId", "blockOrder", "sweepToFill", "displaySize",
    "triggerMethod", "outsideRth", "hidden", "sharesAllocation", "discretionaryAmt",
    "goodAfterTime", "goodTillDate", "faGroup", "faMethod", "faPercentage", "modelCode",
    "shortSaleSlot", "designatedLocation", "exemptCode", "ocaType", "rule80A", "settlingFirm",
    "allOrNone", "minQty", "percentOffset", "eTradeOnly", "firmQuoteOnly", "nbboPriceCap",
    "auctionStrategy", "startingPrice", "stockRefPrice", "delta", "stockRangeLower",
    "stockRangeUpper", "overridePercentageConstraints", "volatility", "volatilityType",
    "deltaNeutralOrderType", "deltaNeutralAuxPrice", "continuousUpdate", "referencePriceType",
    "trailStopPrice", "trailingPercent", "scaleInitLevelSize", "scaleSubsLevelSize",
    "scalePriceIncrement", "scaleTable", "activeStartTime", "activeStopTime", "hedgeType",
    "optOutSmartRouting", "clearingAccount", "clearingIntent", "notHeld",
    "deltaNeutralContract", "algoStrategy", "algoId", "whatIf", "orderMiscOptions", "solicited",
    "randomizeSize", "randomizePrice", "conditionsCount", "adjustedOrderType", "triggerPrice",
    "lmtPriceOffset", "adjustedStopPrice", "adjustedStopLimitPrice", "adjustedTrailingAmount",
    "adjustableTrailingUnit", "extOperator", "softDollarTier.name", "softDollarTier.value",
    "cashQty", "mifid2DecisionMaker", "mifid2DecisionAlgo", "mifid2ExecutionTrader",
    "mifid2ExecutionAlgo", "dontUseAutoPriceForHedge", "isOmsContainer",
    "discretionaryUpToLimitPrice", "usePriceMgmtAlgo", "duration", "postToAts",
    "autoCancelParent", "advancedErrorOverride", "manualOrderTime"],
};

function messageName(fields) {
  const id = Number(fields[0]);
  return TO_SERVER[id] ?? `id ${fields[0]}`;
}

function fieldName(message, index) {
  const names = FIELD_NAMES[message];
  if (index === 0) return "msgId";
  if (names && index < names.length) return names[index];
  if (!names && index === 1) return "version";
  return "?";
}

// A frame's payload split into its NUL-terminated fields.
function splitFields(payload) {
  const text = payload.toString("latin1");
  if (!text.endsWith("\0")) throw new Error(`frame does not end with NUL: ${JSON.stringify(text)}`);
  return text.slice(0, -1).split("\0");
}

// Length-prefixed frame around NUL-terminated fields.
function frame(fields) {
  const body = Buffer.from(fields.map((f) => `${f}\0`).join(""), "latin1");
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  return Buffer.concat([head, body]);
}

// Reassembles frames from a byte stream; the first bytes must be the client hello
// ("API\0" + length + "v<min>..<max>"), which onHello gets as text.
class ServerSideReader {
  constructor(onHello, onFrame) {
    this.buffer = Buffer.alloc(0);
    this.helloDone = false;
    this.onHello = onHello;
    this.onFrame = onFrame;
  }
  push(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    if (!this.helloDone) {
      if (this.buffer.length < 8) return;
      if (this.buffer.subarray(0, 4).toString("latin1") !== "API\0") {
        throw new Error(`connection does not start with API\\0: ${this.buffer.subarray(0, 8).toString("hex")}`);
      }
      const length = this.buffer.readUInt32BE(4);
      if (this.buffer.length < 8 + length) return;
      this.onHello(this.buffer.subarray(8, 8 + length).toString("latin1"));
      this.buffer = this.buffer.subarray(8 + length);
      this.helloDone = true;
    }
    while (this.buffer.length >= 4) {
      const length = this.buffer.readUInt32BE(0);
      if (this.buffer.length < 4 + length) return;
      const payload = this.buffer.subarray(4, 4 + length);
      this.buffer = this.buffer.subarray(4 + length);
      this.onFrame(payload);
    }
  }
}

module.exports = { TO_SERVER, FIELD_NAMES, messageName, fieldName, splitFields, frame,
                   ServerSideReader };
