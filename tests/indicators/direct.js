// Reference values computed straight from the definitions, one bar at a time over the whole
// window (two-pass mean and deviation, no running sums), for what TA-Lib does not have.
'use strict';

function mean(values) {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

// Population variance about the two-pass mean; exactly 0 when every value is the same.
function variance(values) {
  if (values.every((v) => v === values[0])) return 0;
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) * (v - m);
  return sum / values.length;
}

// Session VWAP of (H+L+C)/3 and bands at +/- k volume-weighted sigma. A session is a run of
// rows with the same date; rows before the session's first traded volume have no value.
function vwap(rows, k) {
  const out = { vwap: [], upper: [], lower: [] };
  let start = 0;
  rows.forEach((row, i) => {
    if (i > 0 && row.date !== rows[i - 1].date) start = i;
    let volume = 0;
    let weighted = 0;
    for (let j = start; j <= i; j++) {
      volume += rows[j].volume;
      weighted += rows[j].volume * rows[j].typical;
    }
    if (volume === 0) {
      out.vwap.push(null);
      out.upper.push(null);
      out.lower.push(null);
      return;
    }
    const value = weighted / volume;
    let squares = 0;
    for (let j = start; j <= i; j++) {
      squares += rows[j].volume * (rows[j].typical - value) * (rows[j].typical - value);
    }
    const sigma = Math.sqrt(squares / volume);
    out.vwap.push(value);
    out.upper.push(value + k * sigma);
    out.lower.push(value - k * sigma);
  });
  return out;
}

// (x_t - mean) / sigma over the n values ending at t, t included; none for a flat window.
function zscore(close, n) {
  return close.map((x, t) => {
    if (t + 1 < n) return null;
    const window = close.slice(t + 1 - n, t + 1);
    const v = variance(window);
    return v > 0 ? (x - mean(window)) / Math.sqrt(v) : null;
  });
}

// r_t / sigma(r_{t-n} .. r_{t-1}), r_t = C_t / C_{t-1} - 1, population sigma, today excluded.
function sigmaSpike(close, n) {
  const returns = close.map((c, t) => (t === 0 ? null : c / close[t - 1] - 1));
  return returns.map((r, t) => {
    if (t < n + 1) return null;
    const v = variance(returns.slice(t - n, t));
    return v > 0 ? r / Math.sqrt(v) : null;
  });
}

module.exports = { vwap, zscore, sigmaSpike };
