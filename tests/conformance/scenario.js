#!/usr/bin/env node
// Drives @stoqey/ib, a third-party TWS client, through a whole session against a TWS-protocol
// server (`ibtrade sim`): connect, ids, accounts, account summary, positions, scanner, contract
// details, market data, real-time and historical bars, LMT and MKT orders with their status,
// open-order, execution and commission messages, a cancel, executions and open-order queries.
//   node scenario.js <host:port>     (or: node scenario.js <host> <port>)
// Strict: a decoder error or warning from stoqey (error code 505: unknown message id, fields
// left over, underrun), an exception inside the library, a non-finite number in a decoded event
// or an error code the step does not expect fails the run. Prints one JSON summary on stdout
// and exits 1 naming the first failing step.
"use strict";
const { IBApi, EventName } = require("@stoqey/ib");

const STEP_TIMEOUT_MS = Number(process.env.SCENARIO_STEP_TIMEOUT_MS ?? 15000);
const CLIENT_ID = Number(process.env.SCENARIO_CLIENT_ID ?? 11);
const TICK = { BID: 1, ASK: 2, LAST: 4, FUNDAMENTAL_RATIOS: 47 };
const DECODER_ERROR = 505;  // stoqey's ErrorCode.UNKNOWN_ID: its decoder's own complaints

const [hostArg, portArg] = process.argv[2]?.includes(":") ? process.argv[2].split(":")
                                                           : [process.argv[2], process.argv[3]];
if (!hostArg || !Number(portArg)) {
  console.error("usage: scenario.js <host:port>");
  process.exit(2);
}

const ib = new IBApi({ host: hostArg, port: Number(portArg) });
const summary = { ok: false, server: `${hostArg}:${portArg}`, serverVersion: null, steps: [],
                  failedStep: null, unexpected: [], decoderProblems: [], notices: [],
                  expectedErrors: [], orderStatuses: [], events: {} };
// Error codes the current step expects, as (code, reqId) pairs; anything else is a failure.
let expectedErrors = [];
let currentStep = "connect";

function problem(list, text) {
  list.push({ step: currentStep, text });
}

// Every event counted; numbers inside checked for NaN/Infinity (a sign of a mis-decoded field).
ib.on(EventName.all, (event, args) => {
  summary.events[event] = (summary.events[event] ?? 0) + 1;
  if (event === EventName.error || event === EventName.received || event === EventName.sent) return;
  const bad = findNonFinite(args);
  if (bad) problem(summary.decoderProblems, `${event}: non-finite number at ${bad}`);
});
function findNonFinite(value, where = "", depth = 0) {
  if (typeof value === "number") {
    // Number.MAX_VALUE is stoqey's "unset"; NaN and infinities are not.
    return Number.isNaN(value) || (!Number.isFinite(value)) ? where || "value" : null;
  }
  if (depth > 3 || value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    const bad = findNonFinite(inner, `${where}.${key}`, depth + 1);
    if (bad) return bad;
  }
  return null;
}
ib.on(EventName.orderStatus, (id, status, filled, remaining) => {
  summary.orderStatuses.push(`${id} ${status} filled ${filled} remaining ${remaining}`);
});
ib.on(EventName.info, (message, code) => {
  // Notices with id -1 (farm connection OK and the like: 2100-2199) are informational.
  if (code >= 2100 && code < 2200) summary.notices.push({ code, message });
  else problem(summary.unexpected, `notice ${code}: ${message}`);
});
ib.on(EventName.error, (error, code, reqId) => {
  const text = `error ${code} (id ${reqId}): ${error?.message ?? error}`;
  if (code === DECODER_ERROR) return problem(summary.decoderProblems, text);
  const i = expectedErrors.findIndex((e) => e.code === code && (e.id === undefined || e.id === reqId));
  if (i >= 0) {
    summary.expectedErrors.push({ step: currentStep, code, reqId });
    return;
  }
  problem(summary.unexpected, text);
});
process.on("uncaughtException", (e) => {
  problem(summary.decoderProblems, `exception inside @stoqey/ib: ${e.stack ?? e}`);
  finish();
});

// Resolves with the arguments of the first `event` matching `pred` (registered before the
// request is sent, so nothing is missed).
function next(event, pred = () => true) {
  return new Promise((resolve) => {
    const handler = (...args) => {
      if (!pred(...args)) return;
      ib.off(event, handler);
      resolve(args);
    };
    ib.on(event, handler);
  });
}
// Collects `event`s matching `pred` until `endEvent` matching `endPred`.
function collect(event, pred, endEvent, endPred = () => true) {
  const items = [];
  const handler = (...args) => { if (pred(...args)) items.push(args); };
  ib.on(event, handler);
  return next(endEvent, endPred).then(() => { ib.off(event, handler); return items; });
}

async function step(name, body) {
  currentStep = name;
  expectedErrors = [];
  const started = Date.now();
  const before = summary.unexpected.length + summary.decoderProblems.length;
  let timer;
  try {
    const detail = await Promise.race([
      body(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${STEP_TIMEOUT_MS} ms`)),
                           STEP_TIMEOUT_MS);
      })]);
    // Let messages that arrive right behind the answer be decoded inside this step.
    await new Promise((r) => setTimeout(r, 50));
    const after = summary.unexpected.length + summary.decoderProblems.length;
    if (after > before) throw new Error("errors or decoder problems during the step (see lists)");
    summary.steps.push({ name, ok: true, ms: Date.now() - started, detail: detail ?? null });
  } catch (e) {
    summary.steps.push({ name, ok: false, ms: Date.now() - started, error: e.message });
    throw new Error(`${name}: ${e.message}`);
  } finally {
    clearTimeout(timer);
  }
}

function check(condition, text) {
  if (!condition) throw new Error(text);
}

const state = { orderId: 0, account: "", symbol: "", contract: null, price: 0 };
let reqId = 100;

async function scenario() {
  await step("connect, next valid id, managed accounts", async () => {
    const id = next(EventName.nextValidId);
    const accounts = next(EventName.managedAccounts);
    ib.connect(CLIENT_ID);
    const [[orderId], [list]] = await Promise.all([id, accounts]);
    summary.serverVersion = ib.serverVersion;
    check(ib.serverVersion === 178, `server version ${ib.serverVersion}, expected 178`);
    check(Number.isInteger(orderId) && orderId > 0, `next valid id ${orderId}`);
    state.orderId = orderId;
    state.account = String(list).split(",").filter(Boolean)[0] ?? "";
    check(state.account, `managed accounts '${list}'`);
    return { orderId, accounts: list };
  });

  await step("reqIds", async () => {
    const id = next(EventName.nextValidId);
    ib.reqIds(1);
    const [orderId] = await id;
    check(orderId >= state.orderId, `next valid id went back: ${orderId} < ${state.orderId}`);
    state.orderId = orderId;
    return { orderId };
  });

  await step("reqCurrentTime", async () => {
    const reply = next(EventName.currentTime);
    ib.reqCurrentTime();
    const [time] = await reply;
    check(Number.isInteger(time) && time > 1.5e9, `current time ${time}`);
    return { time };
  });

  await step("reqManagedAccts", async () => {
    const reply = next(EventName.managedAccounts);
    ib.reqManagedAccts();
    const [list] = await reply;
    check(String(list).includes(state.account), `managed accounts '${list}'`);
    return { accounts: list };
  });

  await step("account summary", async () => {
    const id = ++reqId;
    const tags = "NetLiquidation,TotalCashValue,BuyingPower,AvailableFunds";
    const rows = collect(EventName.accountSummary, (r) => r === id, EventName.accountSummaryEnd,
                         (r) => r === id);
    ib.reqAccountSummary(id, "All", tags);
    const items = await rows;
    ib.cancelAccountSummary(id);
    const seen = new Set(items.map((args) => args[2]));
    for (const tag of tags.split(",")) check(seen.has(tag), `no ${tag} row`);
    for (const args of items) {
      check(args[1] === state.account, `row for account '${args[1]}'`);
      if (args[2] !== "AccountType") check(!Number.isNaN(Number(args[3])), `${args[2]} = '${args[3]}'`);
    }
    return { rows: items.map((args) => `${args[2]}=${args[3]} ${args[4]}`) };
  });

  await step("positions", async () => {
    const rows = collect(EventName.position, () => true, EventName.positionEnd);
    ib.reqPositions();
    const items = await rows;
    ib.cancelPositions();
    return { positions: items.length };
  });

  await step("scanner parameters", async () => {
    const reply = next(EventName.scannerParameters);
    ib.reqScannerParameters();
    const [xml] = await reply;
    check(typeof xml === "string" && xml.includes("<ScanParameterResponse"),
          "no <ScanParameterResponse> document");
    check(xml.includes("TOP_PERC_GAIN"), "TOP_PERC_GAIN missing from the parameters");
    return { bytes: xml.length };
  });

  await step("scanner rows", async () => {
    const id = ++reqId;
    const rows = collect(EventName.scannerData, (r) => r === id, EventName.scannerDataEnd,
                         (r) => r === id);
    ib.reqScannerSubscription(
        id, { numberOfRows: 10, instrument: "STK", locationCode: "STK.US.MAJOR",
              scanCode: 0 /* ScanCode.TOP_PERC_GAIN */ },
        [], [{ tag: "priceAbove", value: "1" }]);
    const items = await rows;
    ib.cancelScannerSubscription(id);
    check(items.length > 0, "no scanner rows");
    items.forEach(([, rank, details], i) => {
      check(rank === i, `rank ${rank} at row ${i}`);
      check(details?.contract?.symbol && details.contract.secType === "STK",
            `row ${i}: contract ${JSON.stringify(details?.contract)}`);
    });
    state.symbol = items[0][2].contract.symbol;
    return { rows: items.map(([, rank, d]) => `${rank}:${d.contract.symbol}`) };
  });

  await step("contract details", async () => {
    const id = ++reqId;
    const rows = collect(EventName.contractDetails, (r) => r === id, EventName.contractDetailsEnd,
                         (r) => r === id);
    ib.reqContractDetails(id, { symbol: state.symbol, secType: "STK", exchange: "SMART",
                                currency: "USD" });
    const items = await rows;
    check(items.length === 1, `${items.length} contracts for ${state.symbol}`);
    const d = items[0][1];
    check(d.contract.conId > 0, `conId ${d.contract.conId}`);
    check(d.minTick > 0, `minTick ${d.minTick}`);
    check(d.longName, "no longName");
    state.contract = { conId: d.contract.conId, symbol: state.symbol, secType: "STK",
                       exchange: "SMART", primaryExch: d.contract.primaryExch, currency: "USD" };
    return { conId: d.contract.conId, longName: d.longName, primaryExch: d.contract.primaryExch,
             timeZoneId: d.timeZoneId };
  });

  await step("market data ticks", async () => {
    const id = ++reqId;
    const seen = new Map();
    const prices = (r, field, value) => {
      if (r === id) seen.set(field, value);
    };
    ib.on(EventName.tickPrice, prices);
    const ratios = next(EventName.tickString, (r, field) => r === id &&
                                                           field === TICK.FUNDAMENTAL_RATIOS);
    const size = next(EventName.tickSize, (r) => r === id);
    ib.reqMarketDataType(1);
    ib.reqMktData(id, state.contract, "258", false, false);
    const [[, , ratioText]] = await Promise.all([ratios, size]);
    while (![TICK.BID, TICK.ASK, TICK.LAST].every((t) => seen.has(t))) {
      await new Promise((r) => setTimeout(r, 20));
    }
    ib.off(EventName.tickPrice, prices);
    ib.cancelMktData(id);
    const [bid, ask, last] = [seen.get(TICK.BID), seen.get(TICK.ASK), seen.get(TICK.LAST)];
    check(bid > 0 && ask >= bid, `bid ${bid} ask ${ask}`);
    check(last > 0, `last ${last}`);
    check(/(^|;)MKTCAP=/.test(ratioText), `fundamental ratios '${ratioText}'`);
    state.price = last;
    return { bid, ask, last, ratios: ratioText };
  });

  await step("real-time bars", async () => {
    const id = ++reqId;
    const bar = next(EventName.realtimeBar, (r) => r === id);
    ib.reqRealTimeBars(id, state.contract, 5, "TRADES", true);
    const [, time, open, high, low, close, volume] = await bar;
    ib.cancelRealTimeBars(id);
    check(low <= Math.min(open, close) && high >= Math.max(open, close) && low > 0,
          `bar o ${open} h ${high} l ${low} c ${close}`);
    check(time % 5 === 0, `bar time ${time} is not on a 5-second boundary`);
    return { time, open, high, low, close, volume };
  });

  await step("historical bars", async () => {
    const id = ++reqId;
    const bars = collect(EventName.historicalData, (r, time) => r === id &&
                                                                !String(time).startsWith("finished"),
                         EventName.historicalData,
                         (r, time) => r === id && String(time).startsWith("finished"));
    ib.reqHistoricalData(id, state.contract, "", "5 D", "1 day", "TRADES", 1, 1, false);
    const items = await bars;
    check(items.length >= 2, `${items.length} daily bars`);
    for (const [, time, open, high, low, close] of items) {
      check(/^\d{8}$/.test(String(time)), `daily bar date '${time}'`);
      check(low <= Math.min(open, close) && high >= Math.max(open, close), `bar ${time}`);
    }
    return { bars: items.length, first: items[0][1], last: items[items.length - 1][1] };
  });

  const lmtId = state.orderId;
  const mktId = state.orderId + 1;
  await step("place LMT order (rests)", async () => {
    const limit = Math.max(0.01, Math.round(state.price * 50) / 100);  // half the last price
    const status = next(EventName.orderStatus, (id, s) => id === lmtId &&
                                                          (s === "Submitted" || s === "PreSubmitted"));
    const open = next(EventName.openOrder, (id) => id === lmtId);
    ib.placeOrder(lmtId, state.contract, { action: "BUY", totalQuantity: 10, orderType: "LMT",
                                           lmtPrice: limit, tif: "DAY", transmit: true,
                                           account: state.account, orderRef: "conformance-lmt" });
    const [[, s, filled, remaining], [, contract, order, orderState]] = await Promise.all([status, open]);
    check(filled === 0 && remaining === 10, `filled ${filled} remaining ${remaining}`);
    check(order.orderType === "LMT" && order.lmtPrice === limit, `open order ${order.orderType} ${order.lmtPrice}`);
    check(order.orderRef === "conformance-lmt", `orderRef '${order.orderRef}'`);
    check(contract.symbol === state.symbol, `open order for ${contract.symbol}`);
    return { status: s, limit, openOrderStatus: orderState.status };
  });

  await step("place MKT order (fills): status, open order, execution, commission", async () => {
    const filled = next(EventName.orderStatus, (id, s) => id === mktId && s === "Filled");
    const open = next(EventName.openOrder, (id) => id === mktId);
    const exec = next(EventName.execDetails, (r, c, e) => e.orderId === mktId);
    // Commission reports follow their execution at once: keep them all from the start.
    const commissions = [];
    const keep = (c) => commissions.push(c);
    ib.on(EventName.commissionReport, keep);
    ib.placeOrder(mktId, state.contract, { action: "BUY", totalQuantity: 10, orderType: "MKT",
                                           tif: "DAY", transmit: true, account: state.account,
                                           orderRef: "conformance-mkt" });
    const [, , execution] = await exec;
    while (!commissions.some((c) => c.execId === execution.execId)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    ib.off(EventName.commissionReport, keep);
    const commission = commissions.find((c) => c.execId === execution.execId);
    const [[, , filledQty, remaining, avgFillPrice]] = await Promise.all([filled, open]);
    check(filledQty === 10 && remaining === 0, `filled ${filledQty} remaining ${remaining}`);
    check(avgFillPrice > 0, `avgFillPrice ${avgFillPrice}`);
    check(execution.side === "BOT" && execution.shares > 0, `execution ${execution.side} ${execution.shares}`);
    check(commission.commission >= 0 && commission.currency === "USD",
          `commission ${commission.commission} ${commission.currency}`);
    state.orderId = mktId + 1;
    return { avgFillPrice, execId: execution.execId, commission: commission.commission };
  });

  await step("cancel the LMT order", async () => {
    const cancelled = next(EventName.orderStatus, (id, s) => id === lmtId && s === "Cancelled");
    expectedErrors = [{ code: 202, id: lmtId }];  // "Order Canceled - reason:" (protocol doc 5.5)
    ib.cancelOrder(lmtId);
    await cancelled;
    return { status: "Cancelled" };
  });

  await step("open orders (this client and all)", async () => {
    const mine = collect(EventName.openOrder, () => true, EventName.openOrderEnd);
    ib.reqOpenOrders();
    const a = await mine;
    const all = collect(EventName.openOrder, () => true, EventName.openOrderEnd);
    ib.reqAllOpenOrders();
    const b = await all;
    check(!a.some(([id]) => id === lmtId), "the cancelled LMT order is still open");
    return { open: a.length, allClients: b.length };
  });

  await step("executions with filter", async () => {
    const id = ++reqId;
    const rows = collect(EventName.execDetails, (r) => r === id, EventName.execDetailsEnd,
                         (r) => r === id);
    ib.reqExecutions(id, { clientId: CLIENT_ID, acctCode: state.account, symbol: state.symbol,
                           secType: "STK", side: "BUY" });
    const items = await rows;
    check(items.some(([, , e]) => e.orderId === mktId), "the MKT fill is not among the executions");
    return { executions: items.length };
  });

  await step("positions after the fill", async () => {
    const rows = collect(EventName.position, () => true, EventName.positionEnd);
    ib.reqPositions();
    const items = await rows;
    ib.cancelPositions();
    const mine = items.find(([, c]) => c.symbol === state.symbol);
    check(mine && mine[2] >= 10, `position in ${state.symbol}: ${mine ? mine[2] : "none"}`);
    return { symbol: state.symbol, position: mine[2], avgCost: mine[3] };
  });
}

let finished = false;
function finish(error) {
  if (finished) return;
  finished = true;
  if (error) summary.failedStep = error.message;
  else if (summary.unexpected.length || summary.decoderProblems.length) {
    summary.failedStep = "after the last step: errors or decoder problems (see lists)";
  }
  summary.ok = !summary.failedStep;
  console.log(JSON.stringify(summary, null, 2));
  if (!summary.ok) console.error(`FAIL: ${summary.failedStep}`);
  try { ib.disconnect(); } catch { /* already closed */ }
  process.exit(summary.ok ? 0 : 1);
}

scenario().then(() => setTimeout(() => finish(), 200), finish);
