// Runs graphql-http's GraphQL-over-HTTP server audit against a URL and prints the results as JSON on stdout:
// [{ id, name, status, reason?, responseStatus?, responseBody? }]. Usage: node audit.mjs http://127.0.0.1:5000/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url>');
  process.exit(2);
}

const results = await auditServer({ url });
const out = [];
for (const r of results) {
  const entry = { id: r.id, name: r.name, status: r.status };
  if (r.status !== 'ok') {
    entry.reason = r.reason;
    entry.responseStatus = r.response.status;
    entry.responseContentType = r.response.headers.get('content-type');
    try { entry.responseBody = await r.response.text(); } catch { entry.responseBody = null; }
  }
  out.push(entry);
}
process.stdout.write(JSON.stringify(out));
