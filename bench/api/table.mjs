// Renders results JSON lines (from run.sh / load.mjs --json) as a Markdown table for the README.
// Usage: node table.mjs FILE.jsonl [...]
import { readFileSync } from 'node:fs';

const rows = process.argv.slice(2).flatMap(f => readFileSync(f, 'utf8').trim().split('\n').filter(Boolean).map(JSON.parse));
const f = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '-');
console.log('| provider | scale | query | req/s | p50 ms | p95 ms | p99 ms | requests | errors | KiB/resp |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const [provider, scale] = r.label.split(' ');
  console.log(`| ${provider} | ${scale} | ${r.query} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.requests} | ${r.errors} | ${f(r.bytesPerResponse / 1024)} |`);
}
