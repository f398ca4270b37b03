#!/usr/bin/env bash
# Installs what the tests need (PostgreSQL and Chromium from Debian, the npm packages) and runs every test.
# Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

have_postgres() { command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }
missing=()
have_postgres || missing+=(postgresql)
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)   # the IDE test drives it headless
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing from Debian: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "missing: run 'apt-get install -y ${missing[*]}' as root" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "apt-get install -y ${missing[*]} failed" >&2; exit 1; }
fi

echo "==> installing npm packages (graphql-js oracle, graphql-http audit, playwright-core)"
(cd tests/js && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed" >&2; exit 1; }

echo "==> building"
dotnet build SefData.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
echo "==> testing (SQLite and a private PostgreSQL instance per run)"
dotnet test SefData.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crash or build break must not read as green
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
