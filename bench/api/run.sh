#!/usr/bin/env bash
# API benchmark: throughput and p50/p95 latency of the dashboard queries in bench/api/queries over real HTTP, per
# provider and scale. Usage: bench/api/run.sh [scales...]   (default: 1 10)
# Env: PROVIDERS (default "Sqlite Postgres"), SEED (42), CONCURRENCY (8), DURATION (seconds per query, 20),
#      WARMUP (seconds per query, 5), ONLY (comma-separated query name parts), WORK (database cache folder,
#      default /var/tmp/sefdata-apibench), NO_BUILD=1 skips the Release build.
# Databases are seeded once per provider+scale+seed+data-layer version and reused by later runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
if [ $# -gt 0 ]; then scales=("$@"); else scales=(1 10); fi
seed=${SEED:-42}
providers=${PROVIDERS:-"Sqlite Postgres"}
work=${WORK:-/var/tmp/sefdata-apibench}
mkdir -p "$work"; chmod 755 "$work"
# The cache key includes the committed data layer (schema, migrations, generator): a changed generator reseeds.
data_key=$(git rev-parse --short HEAD:src/SefData.Data 2>/dev/null || echo nogit)-$(git rev-parse --short HEAD:migrations 2>/dev/null || echo nogit)
# shellcheck source=postgres.sh
source "$here/postgres.sh"

api_pid=""
child_pid=""
cleanup() {
  if [ -n "$child_pid" ]; then kill "$child_pid" 2>/dev/null || true; wait "$child_pid" 2>/dev/null || true; fi
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; api_pid=""; fi
  pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # the EXIT trap does the stopping

# Runs a long step in the background and waits for it: bash runs traps only between commands, and `wait` is
# interrupted by a signal where a foreground child would delay the trap until it finished.
step() { "$@" & child_pid=$!; local rc=0; wait "$child_pid" || rc=$?; child_pid=""; return "$rc"; }

if [ "${NO_BUILD:-0}" != 1 ]; then
  echo "==> building the API and the CLI (Release)" >&2
  dotnet build src/SefData.Api -c Release -nologo -v quiet >&2
  dotnet build src/SefData.Cli -c Release -nologo -v quiet >&2
fi
cli=(dotnet src/SefData.Cli/bin/Release/net10.0/sefdata.dll)
api_dll=src/SefData.Api/bin/Release/net10.0/SefData.Api.dll

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Sets cs (connection string) for provider $1, scale $2, seeding the database unless a finished one is cached.
prepare_db() {
  local provider=$1 scale=$2 name="s${2}_seed${seed}_${data_key//-/_}" ready log
  ready="$work/ready/$provider-$name"; log="$work/seed-$provider-$name.log"
  mkdir -p "$work/ready"
  if [ "$provider" = Sqlite ]; then
    cs="Data Source=$work/$name.db"
  else
    cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$name;Maximum Pool Size=50"
  fi
  # The marker alone is not enough: the database file or the PostgreSQL data folder may have been deleted since.
  if [ -f "$ready" ]; then
    if { [ "$provider" = Sqlite ] && [ -f "$work/$name.db" ]; } \
      || { [ "$provider" = Postgres ] && [ "$(pg_psql -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" = 1 ]; }; then
      echo "==> $provider scale $scale: cached database $name" >&2; return
    fi
    rm -f "$ready"
  fi
  echo "==> $provider scale $scale: migrate + seed (once)" >&2
  # A half-seeded database (interrupted run) is dropped, since seed refuses a database that already has schools.
  if [ "$provider" = Sqlite ]; then
    rm -f "$work/$name.db" "$work/$name.db-wal" "$work/$name.db-shm"
  else
    pg_psql -c "DROP DATABASE IF EXISTS $name" >/dev/null
    pg_psql -c "CREATE DATABASE $name" >/dev/null
  fi
  step "${cli[@]}" migrate --provider "$provider" --connection "$cs" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  step "${cli[@]}" seed --provider "$provider" --connection "$cs" --scale "$scale" --seed "$seed" >>"$log" 2>&1 \
    || { cat "$log" >&2; exit 1; }
  [ "$provider" = Postgres ] && pg_psql -d "$name" -c "VACUUM ANALYZE" >/dev/null
  touch "$ready"
}

start_api() {
  local provider=$1 port; port=$(free_port)
  api_url="http://127.0.0.1:$port"
  # Warning-level logs: per-request/EF command logging would make the benchmark measure the console.
  ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Database__Provider=$provider ConnectionStrings__SefData="$cs" Seed__Demo=false \
    dotnet "$api_dll" --urls "$api_url" >"$work/api.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 600); do   # at most 60 s (startup runs migrations; the machine may be loaded)
    if curl -fsS "$api_url/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$api_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "API did not become healthy; log:" >&2; tail -30 "$work/api.log" >&2; exit 1
}

stop_api() { kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; api_pid=""; }

results="$work/results-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
echo "==> $(date -u '+%F %T') UTC, load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; results: $results" >&2
header=true
for provider in $providers; do
  [ "$provider" = Postgres ] && [ -z "$pg_pid" ] && pg_start "$work/pg"
  for scale in "${scales[@]}"; do
    prepare_db "$provider" "$scale"
    start_api "$provider"
    curl -fsS "$api_url/health" >&2; echo >&2
    step node "$here/load.mjs" --url "$api_url/graphql" --label "$provider $scale" --header "$header" --json "$results" \
      --samples "$work/samples/$provider-$scale" --concurrency "${CONCURRENCY:-8}" --duration "${DURATION:-20}" \
      --warmup "${WARMUP:-5}" ${ONLY:+--only "$ONLY"}
    header=false
    stop_api
  done
done
echo "==> done, load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
