// Prints a markdown table of median times from Google Benchmark JSON files (written with
// --benchmark_repetitions and aggregates) and from bench/run's timings of whole commands.
'use strict';

const fs = require('fs');
const path = require('path');

function format(value, unit) {
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ${unit}`;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const rows = [];
let context = null;
for (const file of process.argv.slice(2)) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const binary = path.basename(file).replace(/-\d{8}T\d{6}Z\.json$/, '');
  if (data.samples) {
    const wall = median(data.samples.map((s) => s.wall_s * 1000));
    const cpu = median(data.samples.map((s) => (s.user_s + s.sys_s) * 1000));
    rows.push(['process', `\`${data.command}\``, format(wall, 'ms'), format(cpu, 'ms'),
               `${data.samples.length} runs`]);
    continue;
  }
  context = context || data.context;
  for (const b of data.benchmarks) {
    if (b.aggregate_name !== 'median') continue;
    const rate = b.items_per_second ? `${(b.items_per_second / 1e6).toFixed(1)} M items/s` : '';
    rows.push([binary, b.run_name, format(b.real_time, b.time_unit),
               format(b.cpu_time, b.time_unit), rate]);
  }
}

if (context) {
  console.log(`Machine: ${context.num_cpus} CPUs at ${context.mhz_per_cpu} MHz, ` +
              `load average ${(context.load_avg || []).map((l) => l.toFixed(2)).join(' ')}; ` +
              `library build ${context.library_build_type}.\n`);
}
console.log('| binary | benchmark | median wall | median CPU | rate |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
