#!/usr/bin/env node
// Runs `ibtrade indicators --all` on a bar CSV file and checks every cell against values
// computed here independently: TA-Lib for SMA, EMA, MACD, RSI, ATR and Bollinger bands, direct
// formulas (direct.js) for VWAP, z-score and SigmaSpike. A cell must be empty exactly where the
// reference has no value (warm-up), and otherwise agree to 1e-9 relative.
// Usage: node compare.js IBTRADE_BINARY INPUT.csv
'use strict';

const fs = require('fs');
const { spawnSync } = require('child_process');
const talib = require('./talib');
const direct = require('./direct');

const kRelTol = 1e-9;

// The input file, read here and not by ibtrade's reader.
function readBars(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  const header = lines[0].split(',').map((h) => h.trim().toLowerCase());
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: no ${name} column`);
    return i;
  };
  const [d, o, h, l, c, v] = ['date', 'open', 'high', 'low', 'close', 'volume'].map(col);
  const t = header.indexOf('time');
  return lines.slice(1).filter((line) => line.trim() !== '').map((line) => {
    const f = line.split(',');
    const row = {
      date: f[d], time: t >= 0 ? f[t] : null,
      open: parseFloat(f[o]), high: parseFloat(f[h]), low: parseFloat(f[l]),
      close: parseFloat(f[c]), volume: parseFloat(f[v]),
    };
    row.typical = (row.high + row.low + row.close) / 3;
    return row;
  });
}

function runIbtrade(binary, file) {
  const result = spawnSync(binary, ['indicators', '--input', file, '--all'], {
    encoding: 'utf8', maxBuffer: 1 << 30,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`ibtrade indicators exited ${result.status}: ${result.stderr}`);
  }
  const lines = result.stdout.trimEnd().split('\n');
  const header = lines[0].split(',');
  return { header, rows: lines.slice(1).map((l) => l.split(',')) };
}

// Reference columns for `--all`: sma 20, ema 20, macd 12,26,9, vwap (k 2), rsi 14, atr 14,
// bbands 20,2, zscore 20, sigma-spike 20. `scale` says what "relative" is relative to when the
// value itself is near zero: the price level for price-valued columns, 1 for ratios.
function reference(bars) {
  const close = bars.map((b) => b.close);
  const high = bars.map((b) => b.high);
  const low = bars.map((b) => b.low);
  const [macd, signal, hist] = talib.macd(close, 12, 26, 9);
  // TA-Lib emits the line only once the signal exists (bar 33). Inside TA_MACD both EMAs start
  // on bar 25, the fast one seeded with the SMA of closes 14..25; TA_EMA(12) run from close 14
  // is that same EMA, so the line is checked from bar 25 on, and against TA_MACD's own line
  // wherever that exists.
  const fast = [...new Array(26 - 12).fill(null), ...talib.ema(close.slice(26 - 12), 12)];
  const slow = talib.ema(close, 26);
  const earlyLine = close.map((_, i) => (slow[i] === null ? null : fast[i] - slow[i]));
  const [bbUpper, bbMiddle, bbLower] = talib.bbands(close, 20, 2);
  const vwap = direct.vwap(bars, 2);
  const price = 'price';
  return {
    sma: { values: talib.sma(close, 20), scale: price },
    ema: { values: talib.ema(close, 20), scale: price },
    macd: { values: earlyLine, scale: price },
    macd_signal: { values: signal, scale: price },
    macd_hist: { values: hist, scale: price },
    vwap: { values: vwap.vwap, scale: price },
    vwap_upper: { values: vwap.upper, scale: price },
    vwap_lower: { values: vwap.lower, scale: price },
    rsi: { values: talib.rsi(close, 14), scale: 1 },
    atr: { values: talib.atr(high, low, close, 14), scale: price },
    bb_middle: { values: bbMiddle, scale: price },
    bb_upper: { values: bbUpper, scale: price },
    bb_lower: { values: bbLower, scale: price },
    zscore: { values: direct.zscore(close, 20), scale: 1 },
    sigma_spike: { values: direct.sigmaSpike(close, 20), scale: 1 },
    // Cross-check between the two TA-Lib calls: same line where both have one.
    _macd_line_check: { values: macd, against: earlyLine },
  };
}

async function main() {
  const [binary, file] = process.argv.slice(2);
  if (!binary || !file) {
    console.error('usage: node compare.js IBTRADE_BINARY INPUT.csv');
    process.exit(2);
  }
  await talib.init();
  const bars = readBars(file);
  const ours = runIbtrade(binary, file);
  const ref = reference(bars);

  const failures = [];
  const fail = (msg) => {
    if (failures.length < 20) console.error(`FAIL ${msg}`);
    failures.push(msg);
  };
  if (ours.rows.length !== bars.length) {
    fail(`ibtrade printed ${ours.rows.length} rows for ${bars.length} bars`);
  }
  const idx = (name) => ours.header.indexOf(name);
  const hasTime = bars[0].time !== null;
  const expectedLead = hasTime ? ['date', 'time', 'close'] : ['date', 'close'];
  const expectedHeader = expectedLead.concat(Object.keys(ref).filter((k) => !k.startsWith('_')));
  if (ours.header.join(',') !== expectedHeader.join(',')) {
    fail(`header ${ours.header.join(',')}, want ${expectedHeader.join(',')}`);
  }

  const { values: lineAll, against } = ref._macd_line_check;
  lineAll.forEach((v, i) => {
    if (v !== null && v !== against[i]) {
      fail(`TA_MACD's line ${v} differs from TA_EMA(12) - TA_EMA(26) ${against[i]} at row ${i}`);
    }
  });

  let checks = 0;  // cells checked, empty or not
  let compared = 0;  // cells with a value compared
  const worst = {};  // per column: largest relative difference and where
  const n = Math.min(ours.rows.length, bars.length);
  for (let i = 0; i < n; i++) {
    const row = ours.rows[i];
    const bar = bars[i];
    const at = `${file} row ${i + 1} (${bar.date}${bar.time ? ' ' + bar.time : ''})`;
    if (row[idx('date')] !== bar.date || (hasTime && row[idx('time')] !== bar.time)) {
      fail(`${at}: date/time ${row.slice(0, expectedLead.length - 1)}`);
    }
    if (parseFloat(row[idx('close')]) !== bar.close) fail(`${at}: close ${row[idx('close')]}`);
    for (const [name, column] of Object.entries(ref)) {
      if (name.startsWith('_')) continue;
      checks++;
      const cell = row[idx(name)];
      const want = column.values[i];
      if (want === null || want === undefined) {
        if (cell !== '') fail(`${at} ${name}: "${cell}", want empty (not ready)`);
        continue;
      }
      if (cell === '') {
        fail(`${at} ${name}: empty, want ${want}`);
        continue;
      }
      const got = Number(cell);
      const scale = column.scale === 'price' ? bar.close : column.scale;
      const err = Math.abs(got - want);
      const rel = err / Math.max(Math.abs(want), scale);
      if (!(rel <= kRelTol)) fail(`${at} ${name}: ${got}, want ${want} (rel ${rel.toExponential(2)})`);
      if (!worst[name] || rel > worst[name].rel) worst[name] = { rel, row: i + 1 };
      compared++;
    }
  }
  console.log(`${file}: ${n} rows, ${checks} cells checked, ${compared} of them values`);
  console.log('largest relative difference per column:');
  for (const [name, w] of Object.entries(worst)) {
    console.log(`  ${name.padEnd(12)} ${w.rel.toExponential(2)} (row ${w.row})`);
  }
  console.log(`${Math.max(0, checks - failures.length)} passed, ${failures.length} failed`);
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
