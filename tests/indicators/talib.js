// TA-Lib itself (its C source compiled to WebAssembly, npm package talib-web), called through
// its C entry points directly. The package's own JavaScript wrapper passes endIdx one past the
// end and null outBegIdx/outNBElement pointers, so it is not used.
'use strict';

const path = require('path');

let wasm = null;

async function init() {
  if (wasm) return wasm;
  // Under Node the Emscripten loader would try fetch() on a file path; without fetch it reads
  // the file with fs.
  const savedFetch = globalThis.fetch;
  globalThis.fetch = undefined;
  try {
    let talib;
    try {
      talib = require('talib-web');
    } catch (e) {
      throw new Error(`${e.message}\nInstall the reference library: npm ci --prefix tests/indicators`);
    }
    wasm = await talib.init(path.join(path.dirname(require.resolve('talib-web')), 'talib.wasm'));
  } finally {
    globalThis.fetch = savedFetch;
  }
  return wasm;
}

// Calls TA_<name>(0, n-1, inputs..., options..., &outBegIdx, &outNBElement, outputs...) and
// returns one array per output, aligned with the input (null before outBegIdx).
function call(name, inputs, options, outputCount) {
  const m = wasm;
  const n = inputs[0].length;
  const pointers = [];
  const alloc = (bytes) => {
    const p = m._malloc(bytes);
    if (!p) throw new Error('wasm malloc failed');
    pointers.push(p);
    return p;
  };
  try {
    const inputPtrs = inputs.map(() => alloc(n * 8));
    const begPtr = alloc(4);
    const countPtr = alloc(4);
    const outputPtrs = Array.from({ length: outputCount }, () => alloc(n * 8));
    // Views are taken after every allocation: growing the heap replaces them.
    inputs.forEach((values, i) => m.HEAPF64.set(Float64Array.from(values), inputPtrs[i] / 8));
    const args = [0, n - 1, ...inputPtrs, ...options, begPtr, countPtr, ...outputPtrs];
    const rc = m.ccall(`TA_${name}`, 'number', args.map(() => 'number'), args);
    if (rc !== 0) throw new Error(`TA_${name} returned ${rc}`);
    const beg = m.HEAP32[begPtr / 4];
    const count = m.HEAP32[countPtr / 4];
    return outputPtrs.map((p) => {
      const out = new Array(n).fill(null);
      const values = m.HEAPF64.subarray(p / 8, p / 8 + count);
      for (let i = 0; i < count; i++) out[beg + i] = values[i];
      return out;
    });
  } finally {
    pointers.forEach((p) => m._free(p));
  }
}

const kMaTypeSma = 0;

module.exports = {
  init,
  sma: (close, period) => call('SMA', [close], [period], 1)[0],
  ema: (close, period) => call('EMA', [close], [period], 1)[0],
  macd: (close, fast, slow, signal) => call('MACD', [close], [fast, slow, signal], 3),
  rsi: (close, period) => call('RSI', [close], [period], 1)[0],
  atr: (high, low, close, period) => call('ATR', [high, low, close], [period], 1)[0],
  bbands: (close, period, k) => call('BBANDS', [close], [period, k, k, kMaTypeSma], 3),
};
