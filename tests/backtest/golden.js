// Prints the parts of a report.json that a golden file pins: run, metrics, fills, trades and
// the equity curve (the charts are derived from the data and left out), one item per line.
const r = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const lines = [JSON.stringify(r.run), JSON.stringify(r.metrics)];
for (const key of ["fills", "trades", "equity"]) {
  lines.push(key + ":");
  for (const item of r[key]) lines.push(JSON.stringify(item));
}
process.stdout.write(lines.join("\n") + "\n");
