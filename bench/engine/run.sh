#!/usr/bin/env bash
# Engine benchmark: SefData vs graphql-js 16.11 on the same SDL, documents and data, in the same run on this machine.
# Each side: parse + validate + execute + serialize to JSON, one thread, no document cache.
# Usage: bench/engine/run.sh [warmupSeconds=5] [measureSeconds=15]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
warmup="${1:-5}"; measure="${2:-15}"
[ -d "$root/tests/js/node_modules/graphql" ] || (cd "$root/tests/js" && npm ci --no-audit --no-fund --loglevel=error)
dotnet build "$here/SefData.Bench.Engine" -c Release -nologo -v quiet >/dev/null
# Both sides run graphql-js's own getIntrospectionQuery() text: generated here, not kept as a copy that could drift.
(cd "$root/tests/js" && node -e 'process.stdout.write(require("graphql").getIntrospectionQuery())') > "$here/introspection-query.graphql"
results=$(mktemp)
node "$here/bench.mjs" "$warmup" "$measure" | tee -a "$results"
dotnet "$here/SefData.Bench.Engine/bin/Release/net10.0/SefData.Bench.Engine.dll" "$warmup" "$measure" | tee -a "$results"
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
for (const c of [...new Set(rows.map(r => r.case))]) {
  const js = rows.find(r => r.case === c && r.engine.startsWith("graphql-js"));
  const cs = rows.find(r => r.case === c && r.engine === "SefData");
  console.log(`${c}: SefData ${cs.opsPerSecond.toFixed(0)} ops/s (${(cs.allocatedBytesPerOp/1024).toFixed(1)} KiB allocated/op), ` +
    `graphql-js ${js.opsPerSecond.toFixed(0)} ops/s, ratio ${(cs.opsPerSecond / js.opsPerSecond).toFixed(2)}x`);
}' "$results"
rm -f "$results"
