// Closed-loop HTTP load generator for the GraphQL API: N workers on keep-alive connections, each sending the next
// request as soon as the previous response has been read. Every latency is kept, so p50/p95/p99 are exact.
// No dependencies (node >= 18).
//
// Usage: node load.mjs --url http://127.0.0.1:PORT/graphql [--queries DIR] [--only NAME,...] [--concurrency 8]
//          [--duration 20] [--warmup 5] [--max-requests 200000] [--timeout 30] [--label "Sqlite 1"] [--json FILE]
//          [--samples DIR]
// Prints one table row per query; --json appends one JSON line per query to FILE; --samples writes each query's
// first response (pretty-printed) to DIR/NAME.json, to check that the queries return real data.
import http from 'node:http';
import { readFileSync, readdirSync, appendFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const opts = parseArgs(process.argv.slice(2), {
  url: '', queries: join(here, 'queries'), only: '', concurrency: '8', duration: '20', warmup: '5',
  'max-requests': '200000', timeout: '30', label: '', json: '', header: 'true', samples: '',
});
if (!opts.url) { console.error('--url is required'); process.exit(2); }
const url = new URL(opts.url);
const concurrency = int('concurrency'), duration = num('duration'), warmup = num('warmup');
const maxRequests = int('max-requests'), timeoutMs = num('timeout') * 1000;
// One socket per worker: the server sees exactly `concurrency` connections, as a dashboard fleet would.
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });

function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !(m[1] in defaults)) { console.error(`unknown argument ${argv[i]}`); process.exit(2); }
    out[m[1]] = m[2] ?? argv[++i];
  }
  return out;
}
function num(name) { const v = Number(opts[name]); if (!(v >= 0)) throw new Error(`--${name} must be a number`); return v; }
function int(name) { const v = num(name); if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`); return v; }

// One POST; resolves { ok, ms, bytes, error } and never rejects, so a failing server cannot stall a worker.
function post(body) {
  return new Promise(resolve => {
    const start = process.hrtime.bigint();
    const chunks = [];
    const req = http.request({
      agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': body.length, accept: 'application/json' },
    }, res => {
      res.on('data', c => chunks.push(c));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;   // stop before checking: checking is client work
        const buf = Buffer.concat(chunks);
        resolve({ ms, bytes: buf.length, error: check(res.statusCode, buf), buf });
      });
      res.on('error', e => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, bytes: 0, error: e.message }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', e => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, bytes: 0, error: e.message }));
    req.end(body);
  });
}

// A response counts as an error unless it is HTTP 200 with data and no top-level errors. Parsing every large body
// would block the event loop and inflate the other workers' timings, so parse only when the cheap scan finds
// "errors" or does not find "data".
function check(status, buf) {
  if (status !== 200) return `HTTP ${status}: ${buf.toString('utf8', 0, 200)}`;
  if (buf.indexOf('"errors"') < 0 && buf.indexOf('"data"') >= 0) return null;
  try {
    const json = JSON.parse(buf.toString('utf8'));
    if (Array.isArray(json.errors) && json.errors.length) return json.errors.map(e => e.message).join('; ').slice(0, 300);
    if (json.data == null) return 'no data';
    return null;
  } catch (e) { return `bad JSON: ${e.message}`; }
}

async function graphql(query, variables) {
  const r = await post(Buffer.from(JSON.stringify({ query, variables })));
  if (r.error) throw new Error(`discovery query failed: ${r.error}`);
  return JSON.parse(r.buf.toString('utf8')).data;
}

// Variable pools read from the database through the API, so the same query files work at every scale and seed.
// Workers take values round-robin: many distinct schools/LAs/pages, as many users would ask for.
async function discoverPools(openOn) {
  const las = await graphql('{ localAuthorities { laCode } }');
  const byColour = async colours => (await graphql(`query($y: AcademicYear!, $c: [SupportColour!]!) {
    schools(first: 50, where: { colour: { year: $y, in: $c } }, order: [{ schoolNumber: ASC }]) { nodes { schoolNumber } } }`,
  { y: '2018/19', c: colours })).schools.nodes.map(s => s.schoolNumber);
  const redAmber = await byColour(['RED', 'AMBER']);
  const red = await byColour(['RED']);
  const secondary = (await graphql(`query($openOn: Date) {
    schools(first: 25, where: { sector: { eq: SECONDARY }, openOn: $openOn }, order: [{ schoolNumber: ASC }]) { nodes { schoolNumber } } }`,
  { openOn })).schools.nodes.map(s => s.schoolNumber);
  const cursors = [null];   // the first five pages of 200
  for (let i = 0; i < 4; i++) {
    const d = await graphql(`query($after: String, $openOn: Date) {
      schools(first: 200, after: $after, where: { openOn: $openOn }, order: [{ schoolNumber: ASC }]) { pageInfo { hasNextPage endCursor } } }`,
    { after: cursors[cursors.length - 1], openOn });
    if (!d.schools.pageInfo.hasNextPage) break;
    cursors.push(d.schools.pageInfo.endCursor);
  }
  return {
    laCode: las.localAuthorities.map(a => a.laCode),
    // Profiles: red/amber schools (mostly primary) interleaved with secondaries (more measures per school).
    schoolNumber: redAmber.slice(0, 25).flatMap((n, i) => secondary[i] ? [n, secondary[i]] : [n]),
    redSchool: red,
    cursor: cursors,
    year: ['2015/16', '2016/17', '2017/18', '2018/19', '2019/20'],
  };
}

// "@pool" in variables.json takes the next value of that pool.
function bodies(query, template, pools) {
  const refs = Object.entries(template).filter(([, v]) => typeof v === 'string' && v.startsWith('@'));
  const n = Math.max(1, ...refs.map(([, v]) => pools[v.slice(1)]?.length ?? 0));
  for (const [k, v] of refs) if (!pools[v.slice(1)]?.length) throw new Error(`variable ${k}: empty pool ${v}`);
  return Array.from({ length: n }, (_, i) => {
    const variables = Object.fromEntries(Object.entries(template).map(([k, v]) =>
      [k, typeof v === 'string' && v.startsWith('@') ? pools[v.slice(1)][i % pools[v.slice(1)].length] : v]));
    return Buffer.from(JSON.stringify({ query, variables }));
  });
}

// Runs `concurrency` workers until `seconds` have passed (or the request cap): a request started before the
// deadline is completed and counted. Returns every latency.
async function phase(list, seconds, cap) {
  const deadline = performance.now() + seconds * 1000;
  const latencies = [], errors = new Map();
  let next = 0, bytes = 0;
  const start = performance.now();
  const worker = async () => {
    while (performance.now() < deadline && next < cap) {
      const r = await post(list[next++ % list.length]);
      latencies.push(r.ms); bytes += r.bytes;
      if (r.error) errors.set(r.error, (errors.get(r.error) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, bytes, seconds: (performance.now() - start) / 1000 };
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];   // nearest rank
}

const variables = JSON.parse(readFileSync(join(opts.queries, 'variables.json'), 'utf8'));
let names = readdirSync(opts.queries).filter(f => f.endsWith('.graphql')).map(f => basename(f, '.graphql')).sort();
if (opts.only) names = names.filter(n => opts.only.split(',').some(o => n.includes(o)));
const pools = await discoverPools(variables._openOn);

const fmt = (v, d = 1) => Number.isFinite(v) ? v.toFixed(d) : '-';
if (opts.header === 'true') {
  console.log(['label'.padEnd(12), 'query'.padEnd(24), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8),
    'p99 ms'.padStart(8), 'max ms'.padStart(8), 'requests'.padStart(9), 'errors'.padStart(7), 'KiB/resp'.padStart(9)].join(' '));
}
for (const name of names) {
  const query = readFileSync(join(opts.queries, `${name}.graphql`), 'utf8');
  const list = bodies(query, variables[name] ?? {}, pools);
  if (opts.samples) {
    const r = await post(list[0]);
    mkdirSync(opts.samples, { recursive: true });
    writeFileSync(join(opts.samples, `${name}.json`), r.error ? `error: ${r.error}\n` : JSON.stringify(JSON.parse(r.buf.toString('utf8')), null, 1));
  }
  if (warmup > 0) await phase(list, warmup, maxRequests);
  const r = await phase(list, duration, maxRequests);
  const sorted = Float64Array.from(r.latencies).sort();
  const errorCount = [...r.errors.values()].reduce((a, b) => a + b, 0);
  const row = {
    label: opts.label, query: name, concurrency, seconds: r.seconds, requests: sorted.length, errors: errorCount,
    rps: sorted.length / r.seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1], bytesPerResponse: sorted.length ? r.bytes / sorted.length : 0, variants: list.length,
    firstErrors: [...r.errors.entries()].slice(0, 3),
  };
  console.log([opts.label.padEnd(12), name.padEnd(24), fmt(row.rps).padStart(8), fmt(row.p50).padStart(8),
    fmt(row.p95).padStart(8), fmt(row.p99).padStart(8), fmt(row.max).padStart(8), String(row.requests).padStart(9),
    String(errorCount).padStart(7), fmt(row.bytesPerResponse / 1024).padStart(9)].join(' '));
  for (const [msg, count] of row.firstErrors) console.error(`  ${name}: ${count} x ${msg}`);
  if (opts.json) appendFileSync(opts.json, JSON.stringify(row) + '\n');
}
agent.destroy();
